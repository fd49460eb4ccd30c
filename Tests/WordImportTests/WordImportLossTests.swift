import Diagnostics
import Foundation
import Testing
import WordImport

/// What cannot be kept is said at its paragraph, with its first words;
/// what can is kept.
@Suite("Word import losses")
struct WordImportLossTests {
    func imported(_ body: String, parts: [String: String] = [:]) throws -> ImportedNote {
        var document = TestDocument(body: body)
        for (name, content) in parts { document[name] = content }
        return try WordImport.note(from: try document.bytes, path: "note.docx", options: WordImportOptions(session: "hearing"))
    }

    @Test func equationsAreSaid() throws {
        let note = try imported(
            "<w:p><w:r><w:t>The rate is </w:t></w:r><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath><w:r><w:t> per cent.</w:t></w:r></w:p>")
        #expect(note.markdown.hasSuffix("---\nThe rate is  per cent.\n"))
        #expect(note.diagnostics.map(\.message) == ["paragraph 1 (“The rate is per cent.”): an equation was left out"])
    }

    @Test func fieldsKeepTheirTextAndAreSaidButPageNumbersAndHyperlinksAreQuiet() throws {
        let field = { (instruction: String, result: String) in
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>\(instruction)</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>\(result)</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let note = try imported(
            "<w:p><w:r><w:t xml:space=\"preserve\">Dated </w:t></w:r>\(field(" DATE \\@ \"d MMMM yyyy\" ", "1 May 2026"))<w:r><w:t xml:space=\"preserve\">, page </w:t></w:r>\(field(" PAGE ", "3"))<w:r><w:t xml:space=\"preserve\">, see </w:t></w:r>\(field(" HYPERLINK \"https://example.org/a_b\" ", "the site"))</w:p>"
        )
        #expect(note.markdown.hasSuffix("---\nDated 1 May 2026, page , see [the site](<https://example.org/a_b>)\n"))
        #expect(note.diagnostics.map(\.message) == ["paragraph 1 (“Dated 1 May 2026, page ,…”): a field (DATE) was kept as the text it last showed"])
    }

    @Test func commentsAreDroppedAndListed() throws {
        let note = try imported(
            "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>Commented text.</w:t></w:r><w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r></w:p>",
            parts: [
                "word/comments.xml":
                    "<w:comments \(TestDocument.namespaces)><w:comment w:id=\"7\" w:author=\"Ann\"><w:p><w:r><w:t>Source?</w:t></w:r></w:p></w:comment></w:comments>"
            ])
        #expect(note.markdown.hasSuffix("---\nCommented text.\n"))
        #expect(note.diagnostics.map(\.message) == ["paragraph 1 (“Commented text.”): a comment by Ann: “Source?” was dropped"])
    }

    @Test func chartsShapesAndObjectsAreSaid() throws {
        let drawing = { (uri: String) in
            "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"\(uri)\"/></a:graphic></wp:inline></w:drawing></w:r>"
        }
        let note = try imported(
            "<w:p><w:r><w:t>Chart:</w:t></w:r>\(drawing("http://schemas.openxmlformats.org/drawingml/2006/chart"))</w:p>"
                + "<w:p><w:r><w:t>Object:</w:t></w:r><w:r><w:object/></w:r></w:p><w:p><w:r><w:t>Shape:</w:t></w:r><w:r><w:pict/></w:r></w:p>")
        #expect(
            note.diagnostics.map(\.message) == [
                "paragraph 1 (“Chart:”): a chart was left out", "paragraph 2 (“Object:”): an embedded object was left out",
                "paragraph 3 (“Shape:”): a shape or text box was left out",
            ])
    }

    @Test func frontMatterValuesAreQuotedAndTheOptionsWin() throws {
        var document = TestDocument(body: TestDocument.paragraph("Text."))
        document["docProps/core.xml"] =
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Summary #2: \"yes\" \\ no</dc:title><dc:creator>Doc Author</dc:creator></cp:coreProperties>"
        let fromDocument = try WordImport.note(from: try document.bytes, path: "n.docx", options: WordImportOptions(session: "plenary"))
        #expect(
            fromDocument.markdown == "---\nsession: \"plenary\"\ntitle: \"Summary #2: \\\"yes\\\" \\\\ no\"\nauthor: \"Doc Author\"\n---\nText.\n")
        let given = try WordImport.note(
            from: try document.bytes, path: "n.docx",
            options: WordImportOptions(session: "plenary", title: "Mine", author: "Me", role: "rapporteur", language: "fr"))
        #expect(given.markdown == "---\nsession: \"plenary\"\ntitle: \"Mine\"\nauthor: \"Me\"\nrole: \"rapporteur\"\nlanguage: \"fr\"\n---\nText.\n")
    }

    @Test func picturePrefixesAreMadeSafe() {
        #expect(WordImportOptions(picturePrefix: "../../etc/Round table 2").picturePrefix == "etcRoundtable2")
        #expect(WordImportOptions(picturePrefix: "نص").picturePrefix == "picture")
    }
}
