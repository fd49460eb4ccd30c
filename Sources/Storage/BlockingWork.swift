import Dispatch
import Foundation

// Work that holds its thread until it is done (file and database I/O, a
// parse on every core, a whole libcurl transfer) must not run on Swift's
// cooperative pool: the pool has one thread per core for every task of the
// process, a server's request handlers among them. The calling task is
// suspended meanwhile, holding no thread.

/// `work`'s result, computed on Dispatch's global threads: for short
/// pieces of work (reading a file, opening a database, parsing notes).
public func withBlockingWork<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
) async throws(Failure) -> Value {
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result { () throws(Failure) -> Value in try work() })
        }
    }
    return try result.get()
}

/// `work`'s result, computed on a new thread of its own: for work that may
/// block for long (an upload of minutes), which on Dispatch's global
/// threads would queue behind other such work, as Dispatch starts few.
public func withOwnThread<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
) async throws(Failure) -> Value {
    let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
        Thread {
            continuation.resume(returning: Result { () throws(Failure) -> Value in try work() })
        }.start()
    }
    return try result.get()
}
