import Foundation

/// Work that holds its thread until it is done, run on a thread of its own:
/// `curl_easy_perform` for a whole transfer, and reading a document to hash
/// it. Swift's cooperative pool has one thread per core for every task of
/// the process, so such work there would stall every other task (a server's
/// requests among them) for as long as an upload takes. The calling task is
/// suspended meanwhile, holding no thread.
enum BlockingWork {
    /// `body`'s result, computed on a new thread.
    static func run<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try body() })
            }.start()
        }
        return try result.get()
    }
}
