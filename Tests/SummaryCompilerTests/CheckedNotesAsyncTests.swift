import Forum
import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// The async form of `CheckedNotes.check`. That `withBlockingWork` keeps
/// the work off the cooperative pool is tested in StorageTests.
@Suite struct CheckedNotesAsyncTests {
    /// The async check is the sync one, run off the pool.
    @Test func theAsyncCheckFindsWhatTheSyncCheckFinds() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
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
