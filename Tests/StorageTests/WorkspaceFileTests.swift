import Foundation
import IMRFTestSupport
import Testing

@testable import Storage

/// `WorkspaceFileReader`: regular files only, bounded, inside the workspace.
@Suite struct WorkspaceFileTests {
    /// A temporary folder holding `ws/notes` and `outside`.
    static func folder() throws -> TemporaryFolder {
        let temporary = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temporary.url.path + "/ws/notes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: temporary.url.path + "/outside", withIntermediateDirectories: true)
        return temporary
    }

    @Test func readsAtMostTheLimitAndRefusesOneByteMore() throws {
        let temporary = try Self.folder()
        defer { temporary.remove() }
        let folder = temporary.url.path
        try Data(repeating: 65, count: 10).write(to: URL(fileURLWithPath: folder + "/ws/notes/ten.md"))
        let reader = WorkspaceFileReader(root: folder + "/ws")
        #expect(try reader.read(folder + "/ws/notes/ten.md", limit: 10).get().count == 10)
        #expect(throws: WorkspaceFile.Problem.tooLarge(10)) { try reader.read(folder + "/ws/notes/ten.md", limit: 9).get() }
    }

    #if os(Linux)
    /// /proc files say they are empty: what is read still stops at the limit plus one byte.
    @Test func aFileLargerThanItsSizeSaysIsReadNoFurtherThanTheLimit() throws {
        let reader = WorkspaceFileReader(root: nil)
        #expect(throws: WorkspaceFile.Problem.tooLarge(11)) { try reader.read("/proc/self/status", limit: 10).get() }
        #expect(try reader.read("/proc/self/status", limit: 1 << 20).get().starts(with: Array("Name:".utf8)))
    }
    #endif

    @Test func aNamedPipeOrAFolderIsRefusedWithoutWaiting() throws {
        let temporary = try Self.folder()
        defer { temporary.remove() }
        let folder = temporary.url.path
        #expect(mkfifo(folder + "/ws/notes/pipe.md", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder + "/ws/notes/folder.md", withIntermediateDirectories: true)
        let reader = WorkspaceFileReader(root: folder + "/ws")
        #expect(throws: WorkspaceFile.Problem.notAFile("a named pipe")) { try reader.read(folder + "/ws/notes/pipe.md", limit: 10).get() }
        #expect(throws: WorkspaceFile.Problem.notAFile("a folder")) { try reader.read(folder + "/ws/notes/folder.md", limit: 10).get() }
    }

    @Test func aLinkIsReadOnlyWhenItResolvesInsideTheWorkspace() throws {
        let temporary = try Self.folder()
        defer { temporary.remove() }
        let folder = temporary.url.path
        try Data("secret".utf8).write(to: URL(fileURLWithPath: folder + "/outside/secret.md"))
        try Data("draft".utf8).write(to: URL(fileURLWithPath: folder + "/ws/draft.md"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/ws/notes/secret.md", withDestinationPath: "../../outside/secret.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/ws/notes/draft.md", withDestinationPath: "../draft.md")
        let reader = WorkspaceFileReader(root: folder + "/ws")
        #expect(throws: WorkspaceFile.Problem.outside) { try reader.read(folder + "/ws/notes/secret.md", limit: 100).get() }
        #expect(try reader.read(folder + "/ws/notes/draft.md", limit: 100).get() == Array("draft".utf8))
        // A linked notes folder leads outside too.
        try FileManager.default.removeItem(atPath: folder + "/ws/notes")
        try FileManager.default.createSymbolicLink(atPath: folder + "/ws/notes", withDestinationPath: "../outside")
        #expect(throws: WorkspaceFile.Problem.outside) { try reader.read(folder + "/ws/notes/secret.md", limit: 100).get() }
        // A file named outside the workspace is the caller's choice.
        #expect(try WorkspaceFileReader(root: nil).read(folder + "/outside/secret.md", limit: 100).get() == Array("secret".utf8))
    }
}
