import Foundation

/// A value behind a lock, for state several threads share (a server's
/// caches). pthread's mutex (NSLock) rather than the Synchronization
/// module's `Mutex`: ThreadSanitizer does not see `Mutex` wait in the
/// toolchain's uninstrumented library, and reports a contended `Mutex` as a
/// race; it does see pthread's.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
