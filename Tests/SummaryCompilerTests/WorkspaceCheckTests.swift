import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// `CheckedNotes.check` reads and parses notes concurrently.
@Suite struct WorkspaceCheckTests {
    /// cmark-gfm keeps the extensions' special characters in a process-wide
    /// table that each parse changes: parsed at once without
    /// `MarkdownParser`'s lock, some notes lose their strikethrough and
    /// autolinks. The gate for any change to that lock.
    @Test func concurrentParsingKeepsEveryExtensionAndTheOrder() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        var paths: [String] = []
        for index in 0..<300 {
            let path = folder.appendingPathComponent(String(format: "note-%03d.md", index)).path
            let text =
                "---\nsession: plenary\ntitle: Note \(index)\n---\nPoint \(index) ~~struck~~ (see https://example.org/\(index)).\n\n| a | b |\n|---|---|\n| \(index) | x |\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        paths.append(folder.appendingPathComponent("missing.md").path)
        let workspace = CheckedNotes.check(notePaths: paths, forum: Edition.second.forum)
        #expect(workspace.notes.map(\.title) == (0..<300).map { "Note \($0)" })
        #expect(workspace.diagnostics.map(\.message) == ["cannot read note"])
        for note in workspace.notes {
            guard case .paragraph(let inlines) = note.document.blocks.first else {
                Issue.record("\(note.path): no paragraph")
                continue
            }
            #expect(inlines.contains { if case .strikethrough = $0 { true } else { false } }, "\(note.path)")
            #expect(inlines.contains { if case .link = $0 { true } else { false } }, "\(note.path)")
            #expect(note.document.blocks.contains { if case .table = $0 { true } else { false } }, "\(note.path)")
        }
    }

    @Test func duplicateBodiesAreFoundWhateverTheSurroundingWhiteSpace() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        let a = folder.appendingPathComponent("a.md").path
        let b = folder.appendingPathComponent("b.md").path
        try Data("---\nsession: plenary\n---\nSame text.\n".utf8).write(to: URL(fileURLWithPath: a))
        try Data("---\nsession: hearing\n---\n\n  Same text.\u{3000}\n\n".utf8).write(to: URL(fileURLWithPath: b))
        let workspace = CheckedNotes.check(notePaths: [a, b], forum: Edition.second.forum)
        #expect(workspace.notes.count == 1)
        #expect(workspace.diagnostics.map(\.message) == ["note duplicates \(a)"])
    }
}
