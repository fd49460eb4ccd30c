import Diagnostics
import ForumWorkspace
import Foundation
import IMRFTestSupport
import Testing

/// Files in notes/ meant as notes but not read (Windows hides `.txt`, Word
/// saves `.docx`, someone makes a sub-folder) are listed, each with what to
/// do, rather than silently left out of the summary.
@Suite("notes that are not read")
struct IgnoredNoteFilesTests {
    @Test("a .MD, .markdown, .md.txt, .txt or .docx file and a folder of notes are each a warning naming the fix")
    func listed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let notes = workspace + "/notes"
        for name in ["Summary.MD", "rt1.markdown", "draft.md.txt", "old.txt", "hearing.docx", ".hidden.txt", "figures/chart.md"] {
            try FileManager.default.createDirectory(atPath: notes + "/figures", withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: notes + "/" + name))
        }
        try FileManager.default.createDirectory(atPath: notes + "/2026", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: notes + "/2026/a.md"))
        let loaded = try Workspace.load(workspace)
        let warnings = loaded.diagnostics.filter { $0.message == "not read as a note" || $0.message == "a folder of notes that are not read" }
        let shown = warnings.map { "\(URL(fileURLWithPath: $0.location!.path).lastPathComponent): \($0.hint ?? "")" }
        #expect(
            shown.sorted() == [
                "2026: notes are read from notes/ itself: move the notes out of 2026/",
                "Summary.MD: only files whose names end in .md are read: rename it Summary.md",
                "draft.md.txt: only files whose names end in .md are read: rename it draft.md",
                "hearing.docx: a Word file is not read: save it as Markdown with front matter, as hearing.md",
                "old.txt: only files whose names end in .md are read: rename it old.md",
                "rt1.markdown: only files whose names end in .md are read: rename it rt1.md",
            ], "\(shown)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(loaded.errorCount == 0, "the example's notes are still read: \(loaded.diagnostics)")
    }
}
