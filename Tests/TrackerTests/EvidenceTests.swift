import Forum
import Foundation
import IMRFTestSupport
import Testing
import Tracker

/// Which note files count as received: status reads only the `session:`
/// line of the front matter.
@Suite struct EvidenceTests {
    @Test func readsTheSessionLineOfEachNote() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let files = [
            "a.md": "---\nsession: hearing\n---\nText.\n",
            "b.md": "\u{FEFF}---\r\ntitle: x\r\nsession: \"round-table-1\"  # quoted, CRLF, BOM\r\n---\r\nText.\r\n",
            "c.md": "---\nsession: 'policy-debate'\n---\n",
            "d.md": "No front matter.\nsession: plenary\n",
            "e.md": "---\ntitle: x\n---\nsession: round-table-2\n",
            "f.md": "---\nsession: round-table-9\n---\n",
            "g.txt": "---\nsession: round-table-3\n---\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: notes.appendingPathComponent(name)) }
        let evidence = try Evidence.gather(workspace: folder.path)
        #expect(evidence.noteSessions == [.hearing, .roundTable1, .policyDebate])
        #expect(evidence.ledger.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".imrf").path), "gathering creates nothing")
    }
}
