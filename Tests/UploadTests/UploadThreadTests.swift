import Foundation
import IMRFTestSupport
import Synchronization
import Testing
import Upload

/// libcurl blocks its thread for a whole transfer; the uploader runs it on
/// threads of its own, so uploads in flight hold none of the cooperative
/// pool's threads (one per core) and every other task keeps running.
@Suite("Upload threads")
struct UploadThreadTests {
    enum Event { case sent, ended }

    /// Were each upload in flight holding a pool thread, no more uploads than
    /// the pool has threads could be in flight at once, and no other task
    /// could run while they were.
    @Test("more slow uploads are in flight than the pool has threads, and another task still runs")
    func slowUploadsLeaveThePoolFree() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let poolThreads = ProcessInfo.processInfo.activeProcessorCount
            let uploads = 2 * poolThreads + 2
            let (events, event) = AsyncStream.makeStream(of: Event.self)
            let sent = Counter()
            let ended = Counter()
            func inFlight() -> Int { sent.value - ended.value }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<uploads {
                    group.addTask {
                        // The server holds each request for 5 s once it has read it.
                        _ = try await Uploader().upload(
                            UploadRequest(
                                file: file.path, endpoint: server.url("/slow?delay=5"), retries: 0,
                                trace: { line in
                                    guard line.hasPrefix("> PUT ") else { return }
                                    sent.add()
                                    event.yield(.sent)
                                }
                            ))
                        ended.add()
                        event.yield(.ended)
                    }
                }
                var reached = false
                for await _ in events {
                    if inFlight() > poolThreads { reached = true }
                    if reached || ended.value == uploads { break }
                }
                #expect(reached, "never more than \(poolThreads) uploads in flight at once")
                // A new task needs a pool thread: it runs while they are in flight.
                let seen = await Task.detached { inFlight() }.value
                #expect(seen > poolThreads)
                try await group.waitForAll()
            }
            #expect(ended.value == uploads)
        }
    }
}

/// A count several threads add to.
private final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .sequentiallyConsistent) }
    var value: Int { count.load(ordering: .sequentiallyConsistent) }
}
