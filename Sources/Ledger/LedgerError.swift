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

    public var diagnostics: [Diagnostic] {
        let location = SourceLocation(path: path)
        let known = LedgerSchema.version
        switch code {
        case .corrupt:
            return [.error(
                "the ledger is damaged and cannot be read (\(detail))", at: location,
                hint: "restore the file from a backup, or move it aside to start a new ledger; the notes in notes/ are not affected"
            )]
        case .newerSchema:
            return [.error(
                "ledger.sqlite was written by a newer imrf (schema \(foundSchema ?? known + 1), this one knows \(known)): upgrade imrf",
                at: location
            )]
        case .olderSchema:
            return [.error(
                "ledger.sqlite has schema \(foundSchema ?? 0), older than this imrf's \(known), and cannot be upgraded while only reading it",
                at: location, hint: "run 'imrf submit' or 'imrf compile' in the workspace once to upgrade it"
            )]
        case .unwritable:
            return [.error(
                "cannot write the ledger (\(detail))", at: location,
                hint: "check that the workspace folder and its .imrf folder exist and are writable by you"
            )]
        case .busy:
            return [.error(
                "the ledger stayed locked by another imrf process for \(Int(Ledger.busyTimeout)) seconds (\(detail))",
                at: location, hint: "try again in a minute; nothing was recorded"
            )]
        case .readOnlyBusy:
            return [.error(
                "cannot read the ledger now: another imrf is writing it, and this account may only read the workspace, so it cannot share the lock (\(detail))",
                at: location,
                hint: "try again in a minute (a write takes moments); to read it at any time, give this account write access to the workspace's .imrf folder"
            )]
        case .unreadableEntry:
            return [.error(
                "a ledger entry cannot be read (\(detail))", at: location,
                hint: "it may have been written by a newer imrf: upgrade imrf"
            )]
        case .failed:
            return [.error("the ledger failed (\(detail))", at: location)]
        }
    }
}
