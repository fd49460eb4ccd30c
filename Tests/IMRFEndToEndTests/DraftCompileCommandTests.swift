import Foundation
import IMRFTestSupport
import Testing
import ZIPFoundation

/// `imrf compile --draft`: a note with errors is left out, said, and does
/// not hold up the draft; every format says DRAFT; the final compile still
/// refuses the note.
@Suite("imrf compile --draft")
struct DraftCompileCommandTests {
    @Test func aBrokenNoteIsLeftOutAndEveryFormatSaysDraft() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026", "--example"]).status == 0)
        let plenary = ws.appendingPathComponent("notes/plenary.md")
        let handle = try FileHandle(forWritingTo: plenary)
        handle.seekToEndOfFile()
        handle.write(Data("\n![A chart](figures/missing.png)\n".utf8))
        try handle.close()

        let final = try IMRFProcess.run(["compile", ws.path, "--format", "md"])
        #expect(final.status == 65, "the final compile refuses the note: \(final.stderr)")
        #expect(final.stderr.contains("plenary.md:"))

        let draft = try IMRFProcess.run(["compile", ws.path, "--draft", "--format", "md,html,docx"])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stderr.contains("notes/plenary.md: warning: left out of the draft: this note has errors"), "\(draft.stderr)")
        #expect(draft.stderr.contains("warning: image 'figures/missing.png' not found"), "the error is kept, as a warning")
        #expect(draft.stderr.contains("session 'plenary' has no note in the draft: its note has errors and is left out"))
        #expect(!draft.stderr.contains(": error:"))

        let markdown = try String(contentsOf: ws.appendingPathComponent("build/summary.md"), encoding: .utf8)
        #expect(markdown.contains("**DRAFT: not the final text**; notes with errors are left out."))
        #expect(!markdown.contains("A chart"))
        let html = try String(contentsOf: ws.appendingPathComponent("build/summary.html"), encoding: .utf8)
        #expect(html.contains("<title>DRAFT: Second International Migration Review Forum"))
        #expect(html.contains(#"<p class="draft" role="note"><strong>DRAFT: not the final text</strong>"#))
        let archive = try Archive(url: ws.appendingPathComponent("build/summary.docx"), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[name]), consumer: { data.append($0) })
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try part("word/header1.xml").contains("DRAFT: not the final text"))
        #expect(try part("word/document.xml").contains(#"<w:headerReference w:type="default" r:id="rId5"/>"#))
        #expect(try part("word/_rels/document.xml.rels").contains(#"Target="header1.xml""#))
        #expect(try part("[Content_Types].xml").contains("/word/header1.xml"))

        // The draft is recorded as a draft: the summaries are not "compiled".
        let status = try IMRFProcess.run(["status", ws.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let items = try #require(object["deliverables"] as? [[String: Any]])
        #expect(items.first { $0["id"] as? String == "pga-summaries" }?["state"] as? String == "received", "\(status.stdout)")
    }

    @Test func theFinalTextHasNoDraftMark() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026", "--example"]).status == 0)
        #expect(try IMRFProcess.run(["compile", ws.path, "--format", "md,html,docx"]).status == 0)
        let markdown = try String(contentsOf: ws.appendingPathComponent("build/summary.md"), encoding: .utf8)
        let html = try String(contentsOf: ws.appendingPathComponent("build/summary.html"), encoding: .utf8)
        #expect(!markdown.contains("DRAFT") && !html.contains("DRAFT"))
        let archive = try Archive(url: ws.appendingPathComponent("build/summary.docx"), accessMode: .read)
        #expect(archive["word/header1.xml"] == nil)
    }
}
