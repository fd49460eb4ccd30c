import Diagnostics
import Dispatch
import Forum
import Foundation
import Testing
@testable import SummaryCompiler

/// `offCooperativePool`: CPU-bound work run where it holds none of the
/// threads Swift's tasks share.
@Suite struct OffCooperativePoolTests {
    /// More works than the cooperative pool has threads each wait until a
    /// task releases them, and that task starts only after every work has
    /// started: it can run only if the waiting works hold none of the
    /// pool's threads. Had they run on the pool, the releasing task would
    /// never get a thread and the test would hang until its time limit.
    @Test(.timeLimit(.minutes(1)))
    func waitingWorkLeavesThePoolToOtherTasks() async {
        let works = max(ProcessInfo.processInfo.processorCount, ProcessInfo.processInfo.activeProcessorCount) + 2
        let release = DispatchSemaphore(value: 0)
        let (started, starting) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<works {
                group.addTask {
                    await offCooperativePool {
                        starting.yield()
                        release.wait()
                    }
                }
            }
            group.addTask {
                var waiting = 0
                for await _ in started {
                    waiting += 1
                    if waiting == works { break }
                }
                for _ in 0..<works { release.signal() }
            }
        }
    }

    @Test func theOutcomeReachesTheCaller() async {
        #expect(await offCooperativePool { (1...10).reduce(0, +) } == 55)
        let failure = DiagnosticFailure(.badInput, .error("broken", at: SourceLocation(path: "x")))
        await #expect(throws: failure) {
            try await offCooperativePool { () throws(DiagnosticFailure) -> Int in throw failure }
        }
    }

    /// The async check is the sync one, run off the pool.
    @Test func theAsyncCheckFindsWhatTheSyncCheckFinds() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imrf-async-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, session) in ["plenary", "hearing", "no-such-session"].enumerated() {
            let path = folder.appendingPathComponent("note-\(index).md").path
            try Data("---\nsession: \(session)\ntitle: Note \(index)\n---\nPoint \(index) ~~struck~~.\n".utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let forum = Edition.second.forum
        // In a closure of its own: in an async function the async overload is chosen.
        let inTurn = { CheckedNotes.check(notePaths: paths, forum: forum, folder: folder.path) }()
        let offPool = await CheckedNotes.check(notePaths: paths, forum: forum, folder: folder.path)
        #expect(offPool.notes == inTurn.notes)
        #expect(offPool.diagnostics == inTurn.diagnostics)
        #expect(offPool.notes.count == 2 && offPool.errorCount == 1)
    }
}
