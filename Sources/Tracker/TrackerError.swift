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
        /// A moment given on the command line is none of the accepted forms.
        case badMoment(String, option: String)
    }

    public var code: Code

    public init(_ code: Code) { self.code = code }

    public var kind: FailureKind {
        switch code {
        case .unknownDeliverable, .unknownTimeZone, .badMoment: .badInput
        case .ledgerUnreadable: .software
        case .ledger(let error): error.kind
        case .ledgerUnwritable: .cannotCreate
        }
    }

    public var diagnostics: [Diagnostic] {
        switch code {
        case let .unknownDeliverable(id, valid):
            [.error("no deliverable '\(id)' in this forum",
                    hint: "the deliverables are: \(valid.joined(separator: ", "))")]
        case let .unknownTimeZone(name, path):
            [.error("'timeZone' is not a time zone: '\(name)'", at: SourceLocation(path: path),
                    hint: "write an IANA time zone name, e.g. America/New_York")]
        case let .ledgerUnreadable(path, reason):
            [.error("cannot read the ledger: \(reason)", at: SourceLocation(path: path),
                    hint: "the ledger may be damaged or written by a newer imrf; keep a copy of .imrf/ and ask the office's imrf maintainer")]
        case let .ledger(error):
            error.diagnostics
        case let .ledgerUnwritable(path, reason):
            [.error("cannot record in the ledger: \(reason)", at: SourceLocation(path: path),
                    hint: "check that the workspace folder is writable; nothing was recorded")]
        case let .badMoment(text, option):
            [.error("\(option) '\(text)' is not a date or a time",
                    hint: "write a date (2026-05-20), a local time in the forum's time zone (2026-05-20T16:30) or an instant with its offset (2026-05-20T20:30:00Z)")]
        }
    }
}
