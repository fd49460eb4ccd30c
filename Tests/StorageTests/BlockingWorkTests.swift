import Dispatch
import Foundation
import Storage
import Testing

@Suite struct BlockingWorkTests {
    /// More blocked pieces of work than the cooperative pool has threads,
    /// and the pool still runs a task: the work is not on its threads. Were
    /// it, the pool would be full and this test would stop at its time limit.
    @Test(.timeLimit(.minutes(1)))
    func blockedWorkLeavesTheCooperativePoolFree() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount * 2 + 2
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let works = (0..<count).map { index in
            Task {
                await withBlockingWork { () -> Int in
                    started.signal()
                    gate.wait()
                    return index
                }
            }
        }
        for _ in 0..<count { await withBlockingWork { started.wait() } }
        // Every piece of work is now blocked; the pool must still run this.
        #expect(await Task.detached { 41 + 1 }.value == 42)
        for _ in 0..<count { gate.signal() }
        var finished: [Int] = []
        for work in works { finished.append(await work.value) }
        #expect(finished == Array(0..<count))
    }

    @Test func anErrorReachesTheCaller() async {
        struct Refused: Error, Equatable {}
        await #expect(throws: Refused.self) { try await withBlockingWork { () throws -> Int in throw Refused() } }
    }
}
