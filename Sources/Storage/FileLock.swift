import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on the file at `path` (created when missing), held
/// while a body runs. The system releases it when the process ends, however
/// it ends, so a killed imrf never leaves it held.
public struct FileLock: Sendable {
    public let path: String

    /// Why the lock was not taken: the file could not be opened (`opening`),
    /// or not locked; `reason` is the system's.
    public struct Failure: Error, Sendable {
        public var path: String
        public var reason: String
        public var opening: Bool
    }

    public init(path: String) {
        self.path = path
    }

    /// Runs `body` holding the lock; a lock not taken is thrown as `failure` makes it.
    public func withLock<T, E: Error>(_ body: () throws(E) -> T, failure: (Failure) -> E) throws(E) -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(Failure(path: path, reason: String(cString: strerror(errno)), opening: true)) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure(Failure(path: path, reason: String(cString: strerror(errno)), opening: false)) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
