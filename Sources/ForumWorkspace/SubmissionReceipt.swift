public import Foundation

/// What `imrf submit` did with a note: the proof a rapporteur keeps.
public struct SubmissionReceipt: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// A new note, stored and recorded.
        case stored
        /// A changed version of the author's note for the session; the
        /// earlier version is kept in `previous`.
        case replaced
        /// The same bytes were already stored: nothing changed.
        case alreadySubmitted
        /// A note already in notes/ (put there by hand), recorded where it
        /// is: nothing was copied or renamed.
        case registered
    }

    public var outcome: Outcome
    public var session: String
    public var author: String
    /// The stored note, relative to the workspace (`notes/...`).
    public var path: String
    /// SHA-256 of the stored bytes, lowercase hex.
    public var sha256: String
    /// Where the replaced version now is (`notes/.history/...`), relative to the workspace.
    public var previous: String?
    /// The ledger entry that records the submission (for `alreadySubmitted`,
    /// the earlier one; nil only when an earlier imrf stored the note without a ledger).
    public var ledgerEntry: Int64?
    /// When the recorded submission happened.
    public var at: Date?
    /// For a Word file: where it is kept (`notes/.history/...docx`), relative to the workspace.
    public var original: String?
    /// For a Word file: its pictures as stored (`notes/figures/...`), relative to the workspace.
    public var pictures: [String]?
    /// The pictures of the replaced version moved to the history beside it
    /// (`notes/.history/...`), relative to the workspace; nil when none.
    public var retiredPictures: [String]?
}
