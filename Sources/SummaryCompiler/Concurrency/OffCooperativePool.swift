import Dispatch

/// Runs `work`, synchronous and CPU-bound, on a thread outside Swift's
/// cooperative pool and resumes the caller with its outcome; the calling
/// task is suspended meanwhile.
///
/// Swift runs tasks on a cooperative pool of one thread per core (on Linux,
/// a Dispatch queue as wide as the machine has cores). A task that computes
/// for long holds one of those threads, so a compile run directly in a web
/// server's handler would stop as many other handlers as it holds threads,
/// for as long as it takes. `work` runs instead on a serial Dispatch queue
/// of its own, which Dispatch serves with an overcommitting thread (one is
/// made when none is free), never one of the pool's: the pool stays free
/// for other tasks. The cores are still shared: `work` may use every one
/// of them (`concurrentMap`).
///
/// Use it for whole phases (checking a workspace's notes, rendering a
/// format), not per note: each call costs a thread hand-over, tens of
/// microseconds. `work` should not wait for a task: it would hold its thread
/// while it waits.
///
/// - Returns: what `work` returns; it throws what `work` throws.
public func offCooperativePool<Value: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Value
) async throws(Failure) -> Value {
    let outcome: Result<Value, Failure> = await withCheckedContinuation { continuation in
        DispatchQueue(label: "imrf.off-cooperative-pool").async {
            continuation.resume(returning: Result { () throws(Failure) in try work() })
        }
    }
    return try outcome.get()
}
