import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LockFailure(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw LockFailure(path: path, reason: String(cString: strerror(errno)))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    struct LockFailure: Error {
        var path: String
        var reason: String
    }
}
