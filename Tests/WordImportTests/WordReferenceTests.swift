import Diagnostics
import Foundation
import IMRFTestSupport
import SummaryCompiler
import Testing
import WordImport

/// The office's Word document as the summary's reference (`--reference-docx`):
/// its styles and page taken, read with a note's Word file's refusals.
@Suite("reference Word document")
struct WordReferenceTests {
    static var fixture: [UInt8] {
        get throws {
            Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/office-styles.docx")))
        }
    }

    /// `office-styles.docx`: LibreOffice's from `office-styles.fodt` (DejaVu
    /// Sans, a blue Heading 1, US Letter with 3.5 cm and 3 cm margins).
    @Test func theStylesAndThePageOfADocumentLibreOfficeWroteAreRead() throws {
        let reference = try WordImport.reference(from: try Self.fixture, path: "office-styles.docx")
        #expect(reference.styleIds.isSuperset(of: ["Normal", "Heading1"]))
        #expect(reference.styles.contains("DejaVu Sans"))
        let page = try #require(reference.page)
        #expect((page.width, page.height, page.landscape) == (12_240, 15_840, false))
        #expect((page.top, page.right, page.bottom, page.left) == (1_701, 1_984, 1_701, 1_984))
    }

    @Test func aPageGivenOtherThanAsNumbersIsNotTaken() throws {
        var document = TestDocument(
            body:
                "<w:p/><w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1in\" w:right=\"1984\" w:bottom=\"1701\" w:left=\"1984\"/></w:sectPr>"
        )
        document["word/styles.xml"] = "<?xml version=\"1.0\"?><w:styles \(TestDocument.namespaces)><w:style w:styleId=\"Normal\"/></w:styles>"
        let reference = try WordImport.reference(from: try document.bytes, path: "ref.docx")
        #expect(reference.page == nil)
        #expect(reference.styleIds == ["Normal"])
    }

    @Test func aDocumentWithoutStylesOrNotWordIsRefusedInWords() throws {
        let failure = #expect(throws: DiagnosticFailure.self) {
            try WordImport.reference(from: try TestDocument(body: "<w:p/>").bytes, path: "ref.docx")
        }
        #expect(failure?.diagnostics.first?.message == "this Word file has no styles to take")
        let notWord = #expect(throws: DiagnosticFailure.self) { try WordImport.reference(from: Array("plain text".utf8), path: "ref.docx") }
        #expect(notWord?.diagnostics.first?.message == "this file is not a Word document (.docx)")
        var doctype = TestDocument(body: "<w:p/>")
        doctype["word/styles.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><w:styles \(TestDocument.namespaces)/>"
        let entity = #expect(throws: DiagnosticFailure.self) { try WordImport.reference(from: try doctype.bytes, path: "ref.docx") }
        #expect(entity?.diagnostics.first?.message.hasPrefix("this Word file's part 'word/styles.xml' declares a document type") == true)
    }

    /// The reference's styles win; imrf's are added where it has none; its
    /// own list numbering is left out (imrf numbers the summary itself).
    @Test func theMergedStylesKeepTheReferencesAndAddImrfsMissingOnes() throws {
        let reference = WordReference(
            styles: "<w:styles x=\"1\"><w:style w:styleId=\"Heading1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                + "</w:pPr><w:rPr><w:color w:val=\"1F4E79\"/></w:rPr></w:style></w:styles>",
            styleIds: ["Heading1"], page: nil, theme: nil)
        let ours =
            "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"ours\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style></w:styles>"
        let merged = reference.mergedStyles(with: ours)
        #expect(
            merged
                == "<w:styles x=\"1\"><w:style w:styleId=\"Heading1\"><w:pPr></w:pPr><w:rPr><w:color w:val=\"1F4E79\"/></w:rPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style></w:styles>")
    }
}
