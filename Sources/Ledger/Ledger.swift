public import Foundation
import GRDB
import Storage

/// The workspace's record of submissions, compiles, uploads and
/// distributions: an SQLite file at `.imrf/ledger.sqlite`, through GRDB.
///
/// What a caller may rely on:
/// - Several processes may use the same ledger at once (cron, people
///   submitting): SQLite's WAL mode lets readers proceed while one process
///   writes, every write is an IMMEDIATE transaction, and a process that finds
///   the ledger locked waits up to `busyTimeout` rather than failing, so no
///   event is lost. An append either happens entirely or not at all.
/// - A ledger written by a newer imrf (a schema this one does not know) is
///   refused before anything is read or written (`LedgerError.newerSchema`).
/// - A file that is not SQLite, or fails SQLite's `quick_check`, is reported
///   as damaged, naming the file (`LedgerError.corrupt`).
public struct Ledger: Sendable {
    /// The workspace folder the ledger belongs to.
    public let workspace: URL

    /// How long a process waits for another one's write to finish before
    /// giving up with `LedgerError.busy`. Writes take milliseconds, so only a
    /// stuck process makes anyone wait this long.
    public static let busyTimeout: TimeInterval = 30

    let queue: DatabaseQueue
    /// The ledger file, as shown in messages.
    let path: String

    /// The ledger file of `workspace`.
    public static func file(in workspace: URL) -> URL {
        workspace.appending(path: WorkspaceLayout.stateFolderName).appending(path: WorkspaceLayout.ledgerFileName)
    }

    /// Opens (creating if needed, and migrating to this imrf's schema) the
    /// ledger of `workspace`.
    public init(workspace: URL) throws {
        self.workspace = workspace
        let file = Self.file(in: workspace)
        let path = Self.displayPath(file)
        self.path = path
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LedgerError(.unwritable, path: path, detail: "cannot create the folder \(Self.displayPath(folder))")
        }
        do {
            // Not GRDB's `journalMode = .wal`: it writes to the file at every
            // open, even one about to be refused as newer. WAL mode is
            // persistent, so it is switched on once, below, with the first migration.
            queue = try DatabaseQueue(path: file.path, configuration: Self.configuration)
            var state = try queue.read(LedgerSchema.state)
            if state.isNewer {
                throw LedgerError(.newerSchema, path: path, detail: "", foundSchema: state.version)
            }
            if !state.isCurrent || !state.isWAL {
                let lock = MigrationLock(path: folder.appending(path: WorkspaceLayout.ledgerLockName).path)
                state = try lock.withLock { [queue] in
                    let current = try queue.read(LedgerSchema.state)
                    if current.isNewer || (current.isCurrent && current.isWAL) { return current }
                    if !current.isWAL {
                        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                    }
                    try LedgerSchema.migrator.migrate(queue)
                    return try queue.read(LedgerSchema.state)
                }
                if state.isNewer {
                    throw LedgerError(.newerSchema, path: path, detail: "", foundSchema: state.version)
                }
            }
            try queue.read { db in try Self.checkIntegrity(db, path: path) }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// Appends one event and returns the entry as stored.
    @discardableResult
    /// - Parameters:
    ///   - at: when it took effect (default: now).
    ///   - recorded: when it is written, if not `at` (a distribution marked afterwards).
    public func append(_ event: LedgerEvent, at: Date = Date(), recorded: Date? = nil) throws -> LedgerEntry {
        try transaction { try $0.append(event, at: at, recorded: recorded) }
    }

    /// Every entry, oldest first.
    public func entries() throws -> [LedgerEntry] {
        do {
            return try queue.read { db in try LedgerTransaction(db: db, path: path).entries() }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// Runs `body` inside one IMMEDIATE write transaction: no other process
    /// writes the ledger until it returns, so what `body` reads is still true
    /// when it appends (`imrf submit` decides "already submitted" this way).
    /// Throwing from `body` rolls back every append it made.
    public func transaction<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(LedgerTransaction(db: db, path: path))
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// The entries of `workspace`'s ledger, or none when it has no ledger
    /// yet, read as `readIfPresent` reads.
    public static func entriesIfPresent(workspace: URL) throws -> [LedgerEntry] {
        try readIfPresent(workspace: workspace, absent: []) { try $0.entries() }
    }

    /// The entries of `kinds` in `workspace`'s ledger (none when it has no
    /// ledger yet), read as `readIfPresent` reads: creating nothing.
    public static func entriesIfPresent(workspace: URL, kinds: [String]) throws -> [LedgerEntry] {
        try readIfPresent(workspace: workspace, absent: []) { try $0.entries(ofKinds: kinds) }
    }

    /// What the deadline tracker needs of `workspace`'s ledger (empty when
    /// it has none), by queries rather than by reading every entry.
    public static func factsIfPresent(workspace: URL) throws -> LedgerFacts {
        try readIfPresent(workspace: workspace, absent: LedgerFacts()) { try $0.facts() }
    }

    /// The facts as they were at `moment` (entries recorded after it left
    /// out), with when each stored note was first submitted: what a
    /// what-if (`--today`) needs.
    public static func factsIfPresent(workspace: URL, asOf moment: Date) throws -> (LedgerFacts, firstSubmissions: [String: Date]) {
        try readIfPresent(workspace: workspace, absent: (LedgerFacts(), [:])) { (try $0.facts(asOf: moment), try $0.firstSubmissions()) }
    }

    /// Runs `body` on `workspace`'s ledger opened read-only, creating and
    /// changing nothing (so `imrf status` and `imrf log` work for an account
    /// that may only read the workspace); `absent` when there is no ledger or
    /// it is still being created by another process.
    ///
    /// SQLite reads a WAL ledger only where it can create the `-shm` index
    /// beside it. Where it cannot (a read-only folder or mount) and no
    /// `-wal` holds unmerged writes, the file alone is the whole ledger, and
    /// it is read as `immutable`; with unmerged writes it is refused, plainly.
    static func readIfPresent<T>(workspace: URL, absent: T, _ body: (LedgerTransaction) throws -> T) throws -> T {
        let file = file(in: workspace)
        let path = displayPath(file)
        guard FileManager.default.fileExists(atPath: file.path) else { return absent }
        var configuration = Self.configuration
        configuration.readonly = true
        func read(_ location: String) throws -> T {
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            return try queue.read { db in
                let state = try LedgerSchema.state(db)
                if state.isNewer {
                    throw LedgerError(.newerSchema, path: path, detail: "", foundSchema: state.version)
                }
                if state.applied.isEmpty && !state.hasEntryTable { return absent }
                if !state.isCurrent && !state.isReadableAsIs {
                    throw LedgerError(.olderSchema, path: path, detail: "", foundSchema: state.version)
                }
                try checkIntegrity(db, path: path)
                return try body(LedgerTransaction(db: db, path: path))
            }
        }
        do {
            return try read(file.path)
        } catch let error as DatabaseError where Self.cannotShareIndex(error) {
            let wal = (try? FileManager.default.attributesOfItem(atPath: file.path + "-wal")[.size] as? Int) ?? 0
            guard wal == 0 else {
                throw LedgerError(
                    .readOnlyBusy, path: path,
                    detail: error.message ?? "SQLite error \(error.extendedResultCode.rawValue)")
            }
            do {
                return try read(Self.immutableURI(file))
            } catch {
                throw ledgerError(error, path: path)
            }
        } catch {
            throw ledgerError(error, path: path)
        }
    }

    /// Whether SQLite refused a read-only open because it cannot create or
    /// lock the WAL index (`-shm`) beside the ledger.
    private static func cannotShareIndex(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: true
        default: false
        }
    }

    /// An SQLite URI naming `file` read-only and immutable (SQLite takes no
    /// lock and opens no `-shm`); Debian's SQLite accepts URI file names.
    private static func immutableURI(_ file: URL) -> String {
        var escaped = ""
        for character in file.path.unicodeScalars {
            switch character {
            case "%", "?", "#": escaped += String(format: "%%%02X", character.value)
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?mode=ro&immutable=1"
    }

    // MARK: - Opening and errors

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "imrf ledger"
        return configuration
    }

    /// SQLite's `quick_check`: the structure of every page, without
    /// `integrity_check`'s comparison of every index with its table, so it
    /// stays cheap enough to run at every open.
    private static func checkIntegrity(_ db: Database, path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard problems != ["ok"] else { return }
        throw LedgerError(.corrupt, path: path, detail: "integrity check: " + problems.prefix(3).joined(separator: "; "))
    }

    /// Turns whatever went wrong into a `LedgerError` naming the file.
    static func ledgerError(_ error: any Error, path: String) -> LedgerError {
        if let error = error as? LedgerError { return error }
        if let error = error as? MigrationLock.LockFailure {
            return LedgerError(.unwritable, path: path, detail: "cannot lock \(error.path): \(error.reason)")
        }
        guard let error = error as? DatabaseError else {
            return LedgerError(.failed, path: path, detail: String(describing: error))
        }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT:
            return LedgerError(.corrupt, path: path, detail: detail)
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_FULL, .SQLITE_IOERR:
            return LedgerError(.unwritable, path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(.busy, path: path, detail: detail)
        default:
            return LedgerError(.failed, path: path, detail: detail)
        }
    }

    /// The path relative to the current folder when the workspace was given
    /// that way (`ws/.imrf/ledger.sqlite`), else absolute.
    static func displayPath(_ url: URL) -> String {
        let relative = url.relativePath
        return relative.isEmpty ? url.path : relative
    }
}
