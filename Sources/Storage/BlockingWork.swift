import Dispatch

/// Runs blocking work (file and database I/O, a parse on every core) on
/// Dispatch's threads and resumes the caller when it is done, so the work
/// never occupies a thread of Swift's cooperative pool, which a server's
/// request handlers share: a handler awaiting it leaves its thread to others.
public func withBlockingWork<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}

/// `withBlockingWork` for work that cannot fail.
public func withBlockingWork<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: work())
        }
    }
}
