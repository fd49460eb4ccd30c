import Foundation
import IMRFTestSupport
import Testing
import ZIPFoundation

/// `imrf compile --format docx` through the binary.
@Suite("imrf compile to Word")
struct DocxCommandTests {
    var templates: String { repositoryRoot.appendingPathComponent("Templates").path }

    func documentXML(_ url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func compileWritesTheSameDocxTwiceBesideMarkdownAndHTML() throws {
        try withExampleWorkspace { temporary in
            let first = try IMRFProcess.run(["compile", "ws", "--templates", templates, "--format", "md,html,docx"], directory: temporary.url)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "wrote ws/build/summary.md\nwrote ws/build/summary.html\nwrote ws/build/summary.docx\n")
            let file = temporary.url.appendingPathComponent("ws/build/summary.docx")
            let bytes = try Data(contentsOf: file)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP local file header
            let second = try IMRFProcess.run(["compile", "ws", "--format", "docx"], directory: temporary.url)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(try Data(contentsOf: file) == bytes)
            let document = try documentXML(file)
            #expect(document.contains("Informal interactive multistakeholder hearing"))
            #expect(document.contains("<w:lang w:val=\"ar\" w:bidi=\"ar\"/>"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("ws/build").path)
            #expect(leftovers.sorted() == ["summary.docx", "summary.html", "summary.md"])
        }
    }

    @Test func unknownFormatNamesDocx() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try IMRFProcess.run(["compile", ".", "--format", "rtf"], directory: temporary.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("known: md, html, docx, pdf"))
    }
}
