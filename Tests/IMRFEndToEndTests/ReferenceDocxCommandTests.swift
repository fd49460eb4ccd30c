import Foundation
import IMRFTestSupport
import Testing
import ZIPFoundation

/// `imrf compile --reference-docx` and forum.yaml's `document.referenceDocx`
/// through the built binary: the .docx takes the reference's styles and page.
@Suite("imrf compile with a reference Word document")
struct ReferenceDocxCommandTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/office-styles.docx")

    func part(_ name: String, of docx: URL) throws -> String {
        let archive = try Archive(url: docx, accessMode: .read)
        let entry = try #require(archive[name])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theOptionAndTheForumKeyGiveTheReferencesStylesAndPage() throws {
        try withExampleWorkspace { folder in
            let option = try IMRFProcess.run(
                ["compile", "ws", "--format", "docx", "--reference-docx", Self.fixture.path], directory: folder.url)
            #expect(option.status == 0, "\(option.stderr)")
            let docx = folder.url.appendingPathComponent("ws/build/summary.docx")
            let styles = try part("word/styles.xml", of: docx)
            #expect(styles.contains("DejaVu Sans"))
            #expect(styles.contains("w:styleId=\"NumberedParagraph\""), "imrf's styles the reference lacks are added")
            #expect(try part("word/document.xml", of: docx).contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"))

            // The same from forum.yaml, the file inside the workspace.
            try FileManager.default.copyItem(at: Self.fixture, to: folder.url.appendingPathComponent("ws/office.docx"))
            try folder.append("document:\n  referenceDocx: office.docx\n", to: "ws/forum.yaml")
            try FileManager.default.removeItem(at: docx)
            let key = try IMRFProcess.run(["compile", "ws", "--format", "docx"], directory: folder.url)
            #expect(key.status == 0, "\(key.stderr)")
            #expect(try part("word/styles.xml", of: docx).contains("DejaVu Sans"))
            // Markdown alone needs no reference: a missing one is not read.
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("ws/office.docx"))
            #expect(try IMRFProcess.run(["compile", "ws", "--format", "md"], directory: folder.url).status == 0)
            let missing = try IMRFProcess.run(["compile", "ws", "--format", "docx"], directory: folder.url)
            #expect(missing.status == 65)
            #expect(missing.stderr.hasPrefix("ws/office.docx: error: cannot read the reference Word document: "), "\(missing.stderr)")
            #expect(missing.stderr.contains("hint: check document.referenceDocx in forum.yaml"))
        }
    }

    /// `imrf check` reads the reference forum.yaml names, as a .docx compile would.
    @Test func checkSaysWhenTheReferenceIsMissingOrNoWordDocument() throws {
        try withExampleWorkspace { folder in
            try folder.append("document:\n  referenceDocx: office.docx\n", to: "ws/forum.yaml")
            let missing = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(missing.status == 65)
            #expect(missing.stderr.hasPrefix("ws/office.docx: error: cannot read the reference Word document: "), "\(missing.stderr)")
            #expect(missing.stderr.contains("hint: check document.referenceDocx in forum.yaml"))
            _ = try folder.write("ws/office.docx", "not a zip")
            let damaged = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(damaged.status == 65)
            #expect(damaged.stderr.hasPrefix("ws/office.docx: error: "), "\(damaged.stderr)")
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("ws/office.docx"))
            try FileManager.default.copyItem(at: Self.fixture, to: folder.url.appendingPathComponent("ws/office.docx"))
            let good = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(good.status == 0, "\(good.stderr)")
        }
    }

    @Test func aReferenceOutsideTheWorkspaceIsAnErrorAtItsLine() throws {
        try withExampleWorkspace { folder in
            let line = try folder.append("document:\n  referenceDocx: ../office.docx\n", to: "ws/forum.yaml") + 1
            let result = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(result.status == 65)
            #expect(result.stderr.contains("ws/forum.yaml:\(line):"))
            #expect(result.stderr.contains("document.referenceDocx must name a Word file inside the workspace"))
        }
    }

    @Test func aFileThatIsNoWordDocumentIsRefused() throws {
        try withExampleWorkspace { folder in
            _ = try folder.write("styles.docx", "not a zip")
            let result = try IMRFProcess.run(["compile", "ws", "--format", "docx", "--reference-docx", "styles.docx"], directory: folder.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("styles.docx: error: this file is not a Word document (.docx)"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ws/build/summary.docx").path))
        }
    }
}
