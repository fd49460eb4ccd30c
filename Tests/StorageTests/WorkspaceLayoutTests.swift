import Foundation
import IMRFTestSupport
import Storage
import Testing

@Suite struct WorkspaceLayoutTests {
    /// Paths read the way the user named the workspace.
    @Test(arguments: [
        (".", "forum.yaml", "notes", "notes/.history", "build", ".imrf/ledger.sqlite"),
        ("", "forum.yaml", "notes", "notes/.history", "build", ".imrf/ledger.sqlite"),
        ("ws", "ws/forum.yaml", "ws/notes", "ws/notes/.history", "ws/build", "ws/.imrf/ledger.sqlite"),
        ("ws/", "ws/forum.yaml", "ws/notes", "ws/notes/.history", "ws/build", "ws/.imrf/ledger.sqlite"),
        (
            "/srv/imrf 2026", "/srv/imrf 2026/forum.yaml", "/srv/imrf 2026/notes", "/srv/imrf 2026/notes/.history",
            "/srv/imrf 2026/build", "/srv/imrf 2026/.imrf/ledger.sqlite"
        ),
    ])
    func pathsAreJoinedOntoTheFolderAsGiven(
        root: String, forum: String, notes: String, history: String, build: String, ledger: String
    ) {
        let layout = WorkspaceLayout(root)
        #expect(layout.forumFile == forum)
        #expect(layout.notesFolder == notes)
        #expect(layout.historyFolder == history)
        #expect(layout.buildFolder == build)
        #expect(layout.ledgerFile == ledger)
    }

    @Test func noteFilesAreTheMarkdownFilesDirectlyInNotesSorted() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let root = temporary.url.path
        let layout = WorkspaceLayout(root)
        try FileManager.default.createDirectory(atPath: layout.historyFolder, withIntermediateDirectories: true)
        for name in ["b.md", "a.md", "c.txt", ".history/old.md"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: layout.note(name)))
        }
        #expect(layout.noteFileNames() == ["a.md", "b.md"])
        #expect(!layout.hasForumFile)
        #expect(WorkspaceLayout(root + "/missing").noteFileNames().isEmpty)
    }

    @Test func theNearestFolderUpwardsIsFoundAndTheSearchStopsAtItsLimit() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let root = temporary.url
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("a/marker"))
        let wanted: (URL) -> Bool = { FolderFinder.exists($0.appendingPathComponent("marker")) }
        #expect(FolderFinder.nearest(from: deep, levels: 3, where: wanted)?.path == root.appendingPathComponent("a").path)
        #expect(FolderFinder.nearest(from: deep, levels: 2, where: wanted) == nil)
    }
}
