import Storage

/// An exclusive `flock` on `.imrf/ledger.lock`, held while a ledger is
/// created or migrated.
///
/// Why a file lock next to SQLite's own locking: GRDB's `DatabaseMigrator`
/// reads which migrations are applied before it opens its write transaction,
/// so two processes opening a new ledger at the same moment (20 rapporteurs
/// submitting at once) could both run the first migration and one would fail.
/// Under this lock the second one finds the migration applied. The lock is
/// released when the process ends, however it ends, so a killed imrf never
/// leaves it held; it is only taken when the schema is not current.
struct MigrationLock {
    let path: String

    func withLock<T>(_ body: () throws -> T) throws -> T {
        try FileLock(path: path).withLock(body) { problem -> any Error in LockFailure(path: problem.path, reason: problem.reason) }
    }

    struct LockFailure: Error {
        var path: String
        var reason: String
    }
}
