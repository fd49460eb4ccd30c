public import Forum

/// One rapporteur's, co-chair's or facilitator's note: front matter and a
/// parsed Markdown body.
public struct Note: Sendable, Hashable {
    /// The path as the user gave it, for diagnostics.
    public var path: String
    public var session: Session
    public var title: String?
    public var author: String?
    public var role: String?
    /// The part of the plenary the note summarises (plenary notes only).
    public var segment: PlenarySegment? = nil
    public var objectives: [Int]
    /// BCP 47 language tag; `en` when not given.
    public var language: String
    /// The Markdown body as written.
    public var body: String
    /// The file line on which the body starts (1-based).
    public var bodyLine: Int
    public var document: MarkdownDocument
    /// The file's bytes as read (`NoteParser.parse(bytes:)`): what a compile
    /// keeps in the workspace's notes store, so that its build can be made
    /// again. Empty for a note parsed from text.
    public var source: [UInt8] = []

    /// Whether the language is written right to left.
    public var isRightToLeft: Bool { Self.isRightToLeft(language: language) }

    /// Whether a note in `language` is written right to left (the Word
    /// import chooses a note's language by it too).
    public static func isRightToLeft(language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"].contains(primary)
    }
}
