public import Diagnostics
public import Ledger

/// Why the tracker cannot answer, as data; `diagnostics` says it to people.
public struct TrackerError: DiagnosticError, Equatable {
    public enum Code: Sendable, Equatable {
        /// `mark` named a deliverable the forum does not track.
        case unknownDeliverable(String, valid: [String])
        /// forum.yaml's `timeZone` is not an IANA time zone.
        case unknownTimeZone(String, forumPath: String)
        /// The workspace's ledger exists but cannot be read (damaged, or
        /// written by a newer imrf).
        case ledgerUnreadable(path: String, reason: String)
        /// The ledger cannot be opened or read; its own error says why.
        case ledger(LedgerError)
        /// The ledger could not record an event.
        case ledgerUnwritable(path: String, reason: String)
        /// A moment given for `Moment` is none of the forms
        /// `ForumClock.moment(_:)` reads.
        case badMoment(String, Moment)
        /// `mark undistributed` for a deliverable not marked distributed.
        case notDistributed(String)
    }

    /// What a moment given to the tracker stands for, so that a caller can
    /// say which of its inputs was wrong.
    public enum Moment: String, Sendable, Equatable {
        /// The moment the status is reported as at, instead of now.
        case statusTime
        /// When a deliverable was distributed.
        case distributionTime
    }

    public var code: Code

    public init(_ code: Code) { self.code = code }

    public var kind: FailureKind {
        switch code {
        case .unknownDeliverable, .unknownTimeZone, .badMoment, .notDistributed: .badInput
        case .ledgerUnreadable: .software
        case .ledger(let error): error.kind
        case .ledgerUnwritable: .cannotCreate
        }
    }

    /// Each with the code `tracker.` and the case's name
    /// (`tracker.badMoment.statusTime`); a ledger error's own otherwise.
    public var diagnostics: [Diagnostic] {
        switch code {
        case let .unknownDeliverable(id, valid):
            [
                .error(
                    "no deliverable '\(id)' in this forum",
                    hint: "the deliverables are: \(valid.joined(separator: ", "))", code: "tracker.unknownDeliverable")
            ]
        case let .unknownTimeZone(name, path):
            [
                .error(
                    "'timeZone' is not a time zone: '\(name)'", at: SourceLocation(path: path),
                    hint: "write an IANA time zone name, e.g. America/New_York", code: "tracker.unknownTimeZone")
            ]
        case let .ledgerUnreadable(path, reason):
            [
                .error(
                    "cannot read the ledger: \(reason)", at: SourceLocation(path: path),
                    hint: "the ledger may be damaged or written by a newer imrf; keep a copy of .imrf/ and ask the office's imrf maintainer",
                    code: "tracker.ledgerUnreadable")
            ]
        case let .ledger(error):
            error.diagnostics
        case let .ledgerUnwritable(path, reason):
            [
                .error(
                    "cannot record in the ledger: \(reason)", at: SourceLocation(path: path),
                    hint: "check that the workspace folder is writable; nothing was recorded", code: "tracker.ledgerUnwritable")
            ]
        case let .notDistributed(id):
            [
                .error(
                    "\(id) is not marked distributed: there is nothing to undo",
                    hint: "imrf log --kind distribution lists what was marked", code: "tracker.notDistributed")
            ]
        case let .badMoment(text, moment):
            [
                .error(
                    "'\(text)' is not a date or a time",
                    hint:
                        "write a date (2026-05-20), a local time in the forum's time zone (2026-05-20T16:30) or an instant with its offset (2026-05-20T20:30:00Z)",
                    code: .badMoment(moment))
            ]
        }
    }
}

extension Diagnostic.Code {
    /// The code of `TrackerError.badMoment`'s diagnostic: `tracker.badMoment.`
    /// and what the moment stands for.
    public static func badMoment(_ moment: TrackerError.Moment) -> Self { Self(rawValue: "tracker.badMoment." + moment.rawValue) }
}
