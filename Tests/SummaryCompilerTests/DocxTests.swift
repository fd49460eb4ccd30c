import Forum
import Foundation
import FoundationXML
import Testing
import ZIPFoundation

@testable import SummaryCompiler

/// The .docx package of the example workspace, unzipped and checked against
/// what the document model holds.
@Suite struct DocxTests {
    /// The parts of a .docx, by path, as text.
    static func unzip(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    static func example() throws -> [String: String] {
        try unzip(Summary(SummaryTests.exampleWorkspace()).renderDocx())
    }

    static func workspace(note body: String, language: String = "en") -> CheckedNotes {
        let forum = Edition.second.forum
        let text = "---\nsession: plenary\ntitle: Test note\nlanguage: \(language)\n---\n\(body)\n"
        let (note, diagnostics) = NoteParser.parse(text: text, path: "notes/test.md", forum: forum)
        return CheckedNotes(folder: ".", forum: forum, notes: note.map { [$0] } ?? [], diagnostics: diagnostics)
    }

    /// The text of every paragraph whose style is `style`, in document order.
    static func paragraphs(styled style: String, in document: String) -> [String] {
        document.components(separatedBy: "<w:p>").dropFirst().compactMap { paragraph in
            guard paragraph.contains("<w:pStyle w:val=\"\(style)\"/>") else { return nil }
            let body = paragraph.components(separatedBy: "</w:p>")[0]
            return body.components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst()
                .map { $0.components(separatedBy: "</w:t>")[0] }.joined()
        }
    }

    @Test func everyPartIsWellFormedTypedAndRelated() throws {
        let parts = try Self.example()
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/footnotes.xml", "word/footer1.xml",
            ])
        for (path, text) in parts {
            #expect(throws: Never.self, "\(path) is not well-formed XML") { _ = try XMLDocument(xmlString: text) }
        }
        let types = try #require(parts["[Content_Types].xml"])
        for path in parts.keys where !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
        }
        #expect(parts["_rels/.rels"]!.contains("Target=\"word/document.xml\""))
        #expect(parts["_rels/.rels"]!.contains("Target=\"docProps/core.xml\""))
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        for target in ["styles.xml", "numbering.xml", "footnotes.xml", "footer1.xml"] {
            #expect(relationships.contains("Target=\"\(target)\""))
        }
        // Every r:id the document uses is declared.
        let document = try #require(parts["word/document.xml"])
        for piece in document.components(separatedBy: "r:id=\"").dropFirst() {
            let id = piece.components(separatedBy: "\"")[0]
            #expect(relationships.contains("Id=\"\(id)\""), "\(id) is not a relationship")
        }
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"))
        #expect(parts["word/footer1.xml"]!.contains(" PAGE "))
        let core = try #require(parts["docProps/core.xml"])
        #expect(
            core.contains(
                "<dc:title>\(WordXML.escape(Edition.second.forum.title)): summary of the President of the General Assembly</dc:title>"))
        #expect(core.contains("<dc:language>en</dc:language>"))
        #expect(core.contains(">2026-05-05T00:00:00Z</dcterms:created>"))
    }

    @Test func headingsAndNoteTitlesInOrder() throws {
        let workspace = SummaryTests.exampleWorkspace()
        let document = try #require(try Self.example()["word/document.xml"])
        var expected: [String] = []
        // Numbered as the UN numbers a document's headings: I., II. ...; A., B. ... under each.
        for (index, session) in Session.allCases.enumerated() {
            expected.append("\(Summary.roman(index + 1)). \(session.displayName)")
            expected += workspace.notes.filter { $0.session == session }.compactMap(\.title).enumerated().map {
                "\(Summary.letters($0 + 1)). \($1)"
            }
        }
        expected.append("Appendix: objectives of the Global Compact")
        let found = Self.paragraphs(styled: "Heading1", in: document).map { ("1", $0) }
        // Heading 1 and Heading 2 paragraphs interleaved in document order.
        let headings = document.components(separatedBy: "<w:p>").dropFirst().compactMap { paragraph -> String? in
            guard paragraph.contains("w:val=\"Heading1\"") || paragraph.contains("w:val=\"Heading2\"") else { return nil }
            return paragraph.components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst()
                .map { $0.components(separatedBy: "</w:t>")[0] }.joined()
        }
        #expect(found.count == Session.allCases.count + 1)
        #expect(headings == expected.map(WordXML.escape))
        #expect(Self.paragraphs(styled: "Title", in: document) == [WordXML.escape(Edition.second.forum.title)])
    }

    /// A plenary note's segment is an italic line under its title.
    @Test func plenarySegmentFollowsTheNoteTitle() throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/z.md", "---\nsession: plenary\ntitle: Closing\nsegment: closing\n---\nAdopted.\n")
        ])
        let document = try #require(try Self.unzip(Summary(workspace).renderDocx())["word/document.xml"])
        let title = try #require(document.range(of: ". Closing</w:t>"))
        let rest = document[title.upperBound...]
        let segment = try #require(rest.range(of: "<w:i/><w:iCs/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">Closing segment</w:t>"))
        let text = try #require(rest.range(of: ">Adopted.</w:t>"))
        #expect(segment.upperBound < text.lowerBound)
    }

    /// The annex is a five-column table whose last column names the notes
    /// addressing each objective, as in the Markdown and HTML.
    @Test func annexTableNamesTheNotesAddressingEachObjective() throws {
        let document = try #require(try Self.example()["word/document.xml"])
        let annex = try #require(document.components(separatedBy: "Appendix: objectives of the Global Compact").last)
        #expect(annex.components(separatedBy: "<w:gridCol ").count == 6)
        // Columns sized to their content (equal ones made the table two pages longer).
        #expect(
            annex.contains(
                "<w:tblGrid><w:gridCol w:w=\"578\"/><w:gridCol w:w=\"3662\"/><w:gridCol w:w=\"1927\"/><w:gridCol w:w=\"963\"/><w:gridCol w:w=\"2505\"/></w:tblGrid>"
            ))
        // Each note's title in a run of its own, in its language; the Arabic
        // one right to left and isolated (RLI ... PDI), so that the
        // punctuation around it stays in place.
        #expect(
            annex.contains(
                ">Hearing: </w:t></w:r><w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">Summary of the multistakeholder hearing</w:t></w:r>"
                    + "<w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">; Round table 4: </w:t></w:r>"
                    + "<w:r><w:rPr><w:rtl/><w:lang w:val=\"ar\" w:bidi=\"ar\"/></w:rPr><w:t xml:space=\"preserve\">\u{2067}تقرير تقني عن المائدة المستديرة 4\u{2069}</w:t></w:r>"
            ))
        #expect(
            annex.contains("<w:r><w:rPr><w:lang w:val=\"es\"/></w:rPr><w:t xml:space=\"preserve\">Resumen técnico de la mesa redonda 2</w:t></w:r>"))
        #expect(annex.contains(">Addressed in</w:t>"))
    }

    /// The contents list the Heading 1 paragraphs, each entry a link to its
    /// heading's bookmark with a PAGEREF field for its page (LibreOffice
    /// fills it in on opening; Word does, told to update fields); no TOC
    /// field, whose saved text LibreOffice never lays out again.
    @Test func tableOfContentsEntriesLinkToTheirHeadingsWithTheirPages() throws {
        let parts = try Self.example()
        let document = try #require(parts["word/document.xml"])
        #expect(Self.paragraphs(styled: "TOCHeading", in: document) == ["Contents"])
        let headings = Self.paragraphs(styled: "Heading1", in: document)
        #expect(Self.paragraphs(styled: "TOC1", in: document) == headings)
        #expect(headings.count == 8)
        for entry in 1...headings.count {
            #expect(document.contains("<w:hyperlink w:anchor=\"_Toc\(entry)\" w:history=\"1\">"))
            #expect(document.contains("<w:instrText xml:space=\"preserve\"> PAGEREF _Toc\(entry) \\h </w:instrText>"))
            #expect(document.contains("<w:bookmarkStart w:id=\"\(entry)\" w:name=\"_Toc\(entry)\"/>"))
        }
        #expect(!document.contains(" TOC "))
        let styles = try #require(parts["word/styles.xml"])
        #expect(styles.contains("w:styleId=\"TOC1\"") && styles.contains("w:styleId=\"TOCHeading\""))
        #expect(styles.contains("<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(DocxRenderer.textWidthTwips)\"/>"))
        #expect(parts["word/settings.xml"]?.contains("<w:updateFields w:val=\"true\"/>") == true)
        #expect(parts["word/_rels/document.xml.rels"]?.contains("relationships/settings\" Target=\"settings.xml\"") == true)
    }

    /// The annex starts on a page of its own, as in the HTML's print style.
    @Test func annexStartsOnANewPage() throws {
        let document = try #require(try Self.example()["word/document.xml"])
        #expect(
            document.contains(
                "<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr><w:bookmarkStart w:id=\"8\" w:name=\"_Toc8\"/><w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">Appendix: objectives of the Global Compact<"
            ))
        #expect(document.components(separatedBy: "<w:pageBreakBefore/>").count == 2)
    }

    @Test func footnotesAreRealAndNumberedAcrossTheDocument() throws {
        let workspace = SummaryTests.exampleWorkspace()
        let cited = workspace.notes.map { note in Set(note.document.footnotes.map(\.label)).count }.reduce(0, +)
        #expect(cited == 2)
        let parts = try Self.example()
        let document = try #require(parts["word/document.xml"])
        let footnotes = try #require(parts["word/footnotes.xml"])
        #expect(document.components(separatedBy: "<w:footnoteReference w:id=").count - 1 == cited)
        for id in 1...cited {
            #expect(document.contains("<w:footnoteReference w:id=\"\(id)\"/>"))
            #expect(footnotes.contains("<w:footnote w:id=\"\(id)\">"))
        }
        #expect(footnotes.contains("the figures were not presented in a common format"))
        #expect(footnotes.contains("<w:pStyle w:val=\"FootnoteText\"/>"))
    }

    @Test func arabicNoteIsRightToLeft() throws {
        let document = try #require(try Self.example()["word/document.xml"])
        // The note's title (the annex also names the note, in English cells).
        let arabic = document.components(separatedBy: "<w:p>").filter {
            $0.contains("تقرير تقني عن المائدة المستديرة 4") && $0.contains("<w:pStyle w:val=\"Heading2\"/>")
        }
        #expect(arabic.count == 1)
        let paragraph = try #require(arabic.first)
        #expect(paragraph.contains("<w:bidi/>"))
        #expect(paragraph.contains("<w:rtl/>"))
        #expect(paragraph.contains("<w:lang w:val=\"ar\" w:bidi=\"ar\"/>"))
        let spanish = document.components(separatedBy: "<w:p>").filter { $0.contains("Resumen técnico de la mesa redonda 2") }
        #expect(spanish.first?.contains("<w:lang w:val=\"es\"/>") == true)
        #expect(spanish.first?.contains("<w:bidi/>") == false)
    }

    @Test func sameInputSameBytesDeflatedAndDated() throws {
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let first = try summary.renderDocx()
        #expect(try summary.renderDocx() == first)
        let archive = try Archive(data: first, accessMode: .read)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for entry in archive {
            #expect(entry.isCompressed, "\(entry.path) is stored, not deflated")
            let date = try #require(entry.fileAttributes[.modificationDate] as? Date)
            let day = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(day.year == 2026 && day.month == 5 && day.day == 5, "\(entry.path) dated \(date)")
        }
    }

    @Test func inlineMarkupListsTablesAndLinks() throws {
        let workspace = Self.workspace(
            note: """
                Text with **bold**, *italic*, ~~struck~~ and `code`, see [the UN](https://www.un.org/?a=1&b=2).

                3. third
                4. fourth

                - bullet

                | Speaker | Point |
                |---|---|
                | A | B |
                """)
        #expect(workspace.errorCount == 0)
        let parts = try Self.unzip(Summary(workspace).renderDocx())
        let document = try #require(parts["word/document.xml"])
        #expect(document.contains("<w:b/><w:bCs/>"))
        #expect(document.contains("<w:i/><w:iCs/>"))
        #expect(document.contains("<w:strike/>"))
        #expect(document.contains("w:ascii=\"Courier New\""))
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        #expect(relationships.contains("Target=\"https://www.un.org/?a=1&amp;b=2\" TargetMode=\"External\""))
        #expect(document.contains("<w:hyperlink r:id=\"rId100\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/>"))
        #expect(document.contains("<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>"))
        #expect(document.contains("<w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"))
        let numbering = try #require(parts["word/numbering.xml"])
        #expect(numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"))
        #expect(document.components(separatedBy: "<w:tblStyle w:val=\"TableGrid\"/>").count == 3)  // the note's and the annex
        #expect(document.contains("<w:t xml:space=\"preserve\">Speaker</w:t>"))
    }

    @Test func textIsEscapedAndControlCharactersDropped() throws {
        let workspace = Self.workspace(note: "Tom & Jerry <b>not bold</b> \"quoted\" bell\u{07}end")
        #expect(workspace.errorCount == 0)
        let document = try #require(try Self.unzip(Summary(workspace).renderDocx())["word/document.xml"])
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: document) }
        #expect(document.contains("Tom &amp; Jerry"))
        #expect(!document.contains("\u{07}"))
        #expect(document.contains("bellend"))
        #expect(WordXML.escape("a\u{0}b\u{1F}c\u{FFFE}d\te") == "abcd\te")
    }
}
