import Diagnostics
import Foundation
import IMRFTestSupport
import Testing
import WordImport

/// Files refused, each with its own message and nothing made: not Word,
/// password-protected, macros, too large, ZIP bombs, XML entity tricks,
/// tracked changes. Hostile ones are refused fast.
@Suite("Word import refusals")
struct WordImportRefusalTests {
    func refusal(_ bytes: [UInt8]) throws -> Diagnostic {
        let failure = try #require(throws: DiagnosticFailure.self) { try WordImport.note(from: bytes, path: "note.docx") }
        #expect(failure.kind == .badInput)
        return try #require(failure.diagnostics.first { $0.severity == .error })
    }

    @Test func aPasswordProtectedFileIsSaidToBeOne() throws {
        let error = try refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(error.message == "this Word file is password-protected (or an old .doc file)")
        #expect(error.hint == "save it without a password as a Word document (.docx): File, Save As, Word Document")
        #expect(error.location == SourceLocation(path: "note.docx"))
    }

    @Test func textOrAnotherZIPIsNotAWordFile() throws {
        #expect(try refusal(Array("---\ntitle: x\n---\nHello".utf8)).message == "this file is not a Word document (.docx)")
        var other = TestDocument()
        other["readme.txt"] = "hello"
        #expect(try refusal(try other.bytes).code == "wordImport.notWord")
    }

    /// A ZIP's first bytes without an end record (cut short, or its end
    /// record's comment running past the end): refused before ZIPFoundation
    /// opens it in memory, where such a file leaks (a fuzzing finding; the
    /// address sanitizer's leak check runs this in CI).
    @Test func aZIPWithoutItsEndRecordIsNotAWordFile() throws {
        let whole = try TestDocument(body: TestDocument.paragraph("Hello")).bytes
        let cut = Array(whole.prefix(whole.count / 2))
        #expect(try refusal(cut).code == "wordImport.notWord")
        var longComment = whole
        longComment[longComment.count - 2] = 0xFF
        #expect(try refusal(longComment).code == "wordImport.notWord")
        let found = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fuzz/corpus/word-import/no-end-record-leak"))
        #expect(try refusal(Array(found)).code == "wordImport.notWord")
    }

    @Test func macroEnabledFilesAreRefused() throws {
        var withProject = TestDocument(body: TestDocument.paragraph("Hello"))
        withProject.parts["word/vbaProject.bin"] = [1, 2, 3]
        #expect(try refusal(try withProject.bytes).message == "this Word file holds macros (.docm)")
        var declared = TestDocument(body: TestDocument.paragraph("Hello"))
        declared["[Content_Types].xml"] = declared["[Content_Types].xml"]!.replacingOccurrences(
            of: "document.main+xml", with: "document.macroEnabled.main+xml")
        #expect(try refusal(try declared.bytes).code == "wordImport.macros")
    }

    @Test func aFileOverTheNoteLimitIsRefusedUnread() throws {
        let error = try refusal([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 4 << 20))
        #expect(error.message == "this Word file is larger than 4 MB (4194308 bytes)")
    }

    @Test func aZIPBombIsRefusedBeforeInflating() throws {
        var bomb = TestDocument(body: TestDocument.paragraph("Hello"))
        bomb.parts["word/media/image1.png"] = [UInt8](repeating: 0, count: 20 << 20)
        let started = ContinuousClock.now
        let error = try refusal(try bomb.bytes)
        #expect(error.code == "wordImport.bomb")
        #expect(error.message == "this Word file's part 'word/media/image1.png' would unpack to 20971520 bytes: it is not a document Word wrote")
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func tooManyPartsAreRefused() throws {
        var many = TestDocument(body: TestDocument.paragraph("Hello"))
        for index in 0..<1_001 { many.parts["word/media/\(index).png"] = [] }
        #expect(try refusal(try many.bytes).message == "this Word file holds more than 1000 parts")
    }

    @Test(arguments: [
        // An external entity: never fetched nor read.
        "<!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>",
        // Billion laughs: never expanded.
        "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>",
        // An external DTD: never loaded.
        "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
    ])
    func aDocumentTypeIsRefusedWithoutExpansion(doctype: String) throws {
        var document = TestDocument()
        let entity = doctype.contains("secret") ? "&secret;" : doctype.contains("ENTITY i") ? "&i;" : "x"
        document["word/document.xml"] =
            "<?xml version=\"1.0\"?>\(doctype)<w:document \(TestDocument.namespaces)><w:body>\(TestDocument.paragraph([(entity, "")]).replacingOccurrences(of: "&amp;", with: "&"))</w:body></w:document>"
        let started = ContinuousClock.now
        let error = try refusal(try document.bytes)
        #expect(error.code == "wordImport.badXML")
        #expect(error.message.hasPrefix("this Word file's part 'word/document.xml' declares a document type or entities, which Word never writes"))
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func brokenXMLIsSaidWithItsPartAndLine() throws {
        var document = TestDocument()
        document["word/document.xml"] = "<?xml version=\"1.0\"?>\n<w:document \(TestDocument.namespaces)>\n<w:body><w:p></w:body>"
        let error = try refusal(try document.bytes)
        #expect(error.message == "this Word file's part 'word/document.xml' is not well-formed XML (line 3)")
    }

    @Test(arguments: [
        "<w:ins w:id=\"1\" w:author=\"A\"><w:r><w:t>added</w:t></w:r></w:ins>",
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>removed</w:delText></w:r></w:del>",
        "<w:moveFrom w:id=\"1\" w:author=\"A\"><w:r><w:t>moved</w:t></w:r></w:moveFrom>",
        "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"1\" w:author=\"A\"><w:rPr/></w:rPrChange></w:rPr><w:t>bolded</w:t></w:r>",
    ])
    func trackedChangesAreRefusedAtTheirParagraph(change: String) throws {
        let body = TestDocument.paragraph("First paragraph.") + "<w:p><w:r><w:t>The second one </w:t></w:r>\(change)</w:p>"
        let error = try refusal(try TestDocument(body: body).bytes)
        #expect(error.message.hasPrefix("paragraph 2 (“The second one"))
        #expect(error.message.hasSuffix(": the document has tracked changes"))
        #expect(error.hint == "accept or reject the changes in Word first (Review, Accept), then save")
    }
}
