public import Diagnostics

/// Why the ledger could not be opened, read or written.
///
/// Each case names the ledger file, because a person reading the message
/// has to find it (to restore it from a backup, move it aside or fix its
/// permissions); the SQLite wording is kept as detail, never as the message.
public struct LedgerError: DiagnosticError, Hashable {
    public enum Code: String, Sendable, Hashable {
        /// Not an SQLite file, or SQLite's integrity check failed.
        case corrupt
        /// Written by an imrf that knows more migrations than this one.
        case newerSchema
        /// Older than this imrf and opened read-only, so it cannot be upgraded here.
        case olderSchema
        /// The folder or file cannot be created or written.
        case unwritable
        /// Readable, but another process is writing it and this account cannot
        /// share its lock (the folder is read-only for it).
        case readOnlyBusy
        /// Another process kept the ledger locked for longer than the busy timeout.
        case busy
        /// A row this imrf cannot read (an unknown kind, a record that does not decode).
        case unreadableEntry
        /// Any other SQLite failure.
        case failed
    }

    public var code: Code
    /// The ledger file, as a path the user can type.
    public var path: String
    /// What SQLite or the file system said, or the specifics of the case.
    public var detail: String
    /// For `.newerSchema` and `.olderSchema`: the file's schema version.
    public var foundSchema: Int?

    public init(_ code: Code, path: String, detail: String, foundSchema: Int? = nil) {
        self.code = code
        self.path = path
        self.detail = detail
        self.foundSchema = foundSchema
    }

    public var kind: FailureKind {
        switch code {
        case .corrupt, .unreadableEntry: .badInput
        case .newerSchema, .olderSchema: .configuration
        case .unwritable: .cannotCreate
        case .busy, .readOnlyBusy: .temporary
        case .failed: .software
        }
    }

    /// One error naming the ledger file, with the code `.ledger(code)`.
    public var diagnostics: [Diagnostic] {
        let (message, hint) = wording
        return [.error(message, at: SourceLocation(path: path), hint: hint, code: .ledger(code))]
    }

    private var wording: (message: String, hint: String?) {
        let known = LedgerSchema.version
        switch code {
        case .corrupt:
            return (
                "the ledger is damaged and cannot be read (\(detail))",
                "restore the file from a backup, or move it aside to start a new ledger; the notes in notes/ are not affected"
            )
        case .newerSchema:
            return ("ledger.sqlite was written by a newer imrf (schema \(foundSchema ?? known + 1), this one knows \(known)): upgrade imrf", nil)
        case .olderSchema:
            return (
                "ledger.sqlite has schema \(foundSchema ?? 0), older than this imrf's \(known), and cannot be upgraded while only reading it",
                "record an event in the workspace once (a submission or a compile) to upgrade it"
            )
        case .unwritable:
            return ("cannot write the ledger (\(detail))", "check that the workspace folder and its .imrf folder exist and are writable by you")
        case .busy:
            return (
                "the ledger stayed locked by another imrf process for \(Int(Ledger.busyTimeout)) seconds (\(detail))",
                "try again in a minute; nothing was recorded"
            )
        case .readOnlyBusy:
            return (
                "cannot read the ledger now: another imrf is writing it, and this account may only read the workspace, so it cannot share the lock (\(detail))",
                "try again in a minute (a write takes moments); to read it at any time, give this account write access to the workspace's .imrf folder"
            )
        case .unreadableEntry:
            return ("a ledger entry cannot be read (\(detail))", "it may have been written by a newer imrf: upgrade imrf")
        case .failed:
            return ("the ledger failed (\(detail))", nil)
        }
    }
}

extension Diagnostic.Code {
    /// The code of a `LedgerError`'s diagnostic: `ledger.` and the error's
    /// code (`ledger.olderSchema`).
    public static func ledger(_ code: LedgerError.Code) -> Self { Self(rawValue: "ledger." + code.rawValue) }
}
