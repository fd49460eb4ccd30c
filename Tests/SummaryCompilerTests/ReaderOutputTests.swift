import Forum
import Foundation
import FoundationXML
import Testing

@testable import SummaryCompiler

/// What a reader of the summary sees, in every format (issue 21, "Outputs a
/// reader would not trip over").
@Suite struct ReaderOutputTests {
    static func outputs(_ workspace: CheckedNotes) async throws -> (md: String, html: String, document: String) {
        let summary = try Summary(workspace)
        let text = try await summary.renderedText(formats: [.md, .html], templates: SummaryTests.templates)
        let docx = try DocxTests.unzip(summary.renderDocx())
        return (try #require(text[.md]), try #require(text[.html]), try #require(docx["word/document.xml"]))
    }

    /// `output` as a reader reads it: without its markup (tags) and the
    /// Unicode isolates around names and titles.
    static func text(_ output: String) -> String {
        String(output.replacing(/<[^>]*>/, with: "").unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) })
    }

    /// A Spanish or Arabic author is not followed by "(rapporteur)": a known
    /// role is printed in the note's language, left out in a language imrf
    /// has no words for, and left out when the author's name already says it.
    @Test func roleWordsFollowTheNoteLanguage() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/zz-es.md", "---\nsession: plenary\ntitle: Nota\nauthor: Ana Pérez\nrole: rapporteur\nlanguage: es\n---\nTexto.\n"),
            ("notes/zz-ar.md", "---\nsession: plenary\ntitle: مذكرة\nauthor: سلمى\nrole: secretariat\nlanguage: ar\n---\nنص.\n"),
            ("notes/zz-de.md", "---\nsession: plenary\ntitle: Notiz\nauthor: Eva Braun\nrole: rapporteur\nlanguage: de\n---\nText.\n"),
            ("notes/zz-free.md", "---\nsession: plenary\ntitle: Nota\nauthor: Luis Gómez\nrole: moderador\nlanguage: es\n---\nTexto.\n"),
        ])
        let (md, html, document) = try await Self.outputs(workspace)
        // The name is isolated from the role's words (`<bdi>`, a Word run of its own): read as text.
        for text in [md, html, document].map(Self.text) {
            #expect(text.contains("Ana Pérez (relatoría)"))
            #expect(text.contains("سلمى (الأمانة العامة)"))
            #expect(text.contains("Eva Braun") && !text.contains("Eva Braun ("))
            #expect(text.contains("Luis Gómez (moderador)"))
            // The samples' authors say their role already.
            #expect(text.contains("Civil-society rapporteur (sample)") && !text.contains("(sample) (rapporteur)"))
            #expect(!text.contains("(ejemplo) (rapporteur)") && !text.contains("(مثال) (rapporteur)"))
        }
    }

    /// "Second International Migration Review Forum" is not printed under
    /// "International Migration Review Forum 2026"; a title that does not
    /// name the forum keeps that line. (The official form: the letter names the forum too.)
    @Test func titleBlockNamesTheForumOnce() async throws {
        var official = Edition.second.forum
        official.document.form = .official
        let (md, html, document) = try await Self.outputs(SummaryTests.exampleWorkspace(official))
        for text in [md, html, document] {
            #expect(text.components(separatedBy: "International Migration Review Forum").count - 1 == 1 + (text == html ? 1 : 0))
        }
        var forum = Edition.second.forum
        forum.title = "Review of the Global Compact"
        let (otherMD, otherHTML, otherDocument) = try await Self.outputs(SummaryTests.exampleWorkspace(forum))
        #expect(otherMD.contains("International Migration Review Forum 2026, United Nations Headquarters"))
        #expect(otherHTML.contains("<p>International Migration Review Forum 2026</p>\n<h1>Review of the Global Compact</h1>"))
        #expect(otherDocument.contains(">International Migration Review Forum 2026</w:t>"))
    }

    /// A footnote of an Arabic note is set right to left in its language, its
    /// back-link ends its paragraph (not a line of its own), and the
    /// footnotes stand under a heading of their own, before the annex.
    @Test func footnotesKeepTheirNoteLanguageUnderAHeading() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/zz-ar.md", "---\nsession: plenary\ntitle: مذكرة\nlanguage: ar\n---\nنص.[^a]\n\n[^a]: حاشية.\n")
        ])
        let (md, html, _) = try await Self.outputs(workspace)
        #expect(
            html.contains("<li id=\"fn3\" lang=\"ar\" dir=\"rtl\"><p>حاشية.&#160;<a href=\"#fnref3\" class=\"footnote-back\">&#8617;</a></p></li>"))
        #expect(html.contains("<li id=\"fn1\" lang=\"en\" dir=\"ltr\"><p>"))
        let footnotes = try #require(html.range(of: "<section class=\"footnotes\" id=\"footnotes\">\n<h2>Footnotes</h2>"))
        let annex = try #require(html.range(of: "<section class=\"annex\""))
        #expect(footnotes.upperBound < annex.lowerBound)
        #expect(md.contains("\n## Footnotes\n\n[^1]: "))
        let preview = NotePreview(workspace.notes.last!).html
        #expect(preview.contains("<section class=\"footnotes\" lang=\"ar\" dir=\"rtl\">"))
        #expect(preview.contains("<p>حاشية.&#160;<a href=\"#fnref1\" class=\"footnote-back\">&#8617;</a></p>"))
    }

    /// A note's headings sit one level under its title in every format
    /// (`#` is h4 under the title's h3, Heading 3 under Word's Heading 2),
    /// and none is set smaller than the body text.
    @Test func noteHeadingsAreDemotedOneLevelAndNeverSmallerThanTheBody() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/zz-headings.md", "---\nsession: plenary\ntitle: Headed\n---\n# One\n\n## Two\n\n### Three\n\n#### Four\n\nText.\n")
        ])
        let (md, html, document) = try await Self.outputs(workspace)
        #expect(md.contains(". Headed\n\n#### One\n\n##### Two\n\n###### Three\n\n###### Four\n"))
        #expect(html.contains(". Headed</h3>"))
        #expect(html.contains("<h4>One</h4>\n<h5>Two</h5>\n<h6>Three</h6>\n<h6>Four</h6>"))
        #expect(html.contains("h4, h5, h6 { font-size: 1em;"))
        for (level, text) in [(3, "One"), (4, "Two"), (5, "Three"), (6, "Four")] {
            #expect(DocxTests.paragraphs(styled: "Heading\(level)", in: document).contains(text))
        }
        let styles = try #require(try DocxTests.unzip(Summary(workspace).renderDocx())["word/styles.xml"])
        for level in 3...6 {
            let style = try #require(styles.components(separatedBy: "w:styleId=\"Heading\(level)\"").dropFirst().first)
            let runProperties = style.components(separatedBy: "</w:style>")[0]
            #expect(!runProperties.contains("<w:sz "), "Heading \(level) is set smaller than the body")
        }
    }

    /// Printed from a browser, the HTML numbers its pages and never ends a
    /// page with a heading or the line that introduces a list.
    @Test func printStyleNumbersPagesAndKeepsHeadingsWithTheirText() async throws {
        let (_, html, _) = try await Self.outputs(SummaryTests.exampleWorkspace())
        let print = try #require(html.components(separatedBy: "@media print {").dropFirst().first?.components(separatedBy: "</style>").first)
        #expect(print.contains("@bottom-center { content: counter(page);"))
        #expect(print.contains("h1, h2, h3, h4, h5, h6, .meta, .lead-in { break-after: avoid;"))
        // The objectives' annex and, in the letter form, the summary after the letter start a page.
        #expect(print.contains(".annex, .letter + header { break-before: page;"))
        #expect(html.contains("</section>\n<header>\n<p class=\"annex-mark\">Annex</p>"))
        #expect(html.contains("<p class=\"lead-in\">Objectives of the Global Compact discussed:</p>"))
    }

    /// A table's column alignment (`:--`, `--:`, `:-:`) is kept in every
    /// format; in Word, mirrored in a right-to-left note (Word reads `left`
    /// there as the start), so the columns look as they do in HTML.
    @Test func tableColumnAlignmentIsKept() async throws {
        let table = "| Name | Count | State |\n|:---|---:|:---:|\n| A | 12 | open |\n"
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/zz-en.md", "---\nsession: plenary\ntitle: Table\n---\n\(table)"),
            ("notes/zz-ar.md", "---\nsession: plenary\ntitle: جدول\nlanguage: ar\n---\n| البلد | العدد |\n|:---|---:|\n| مصر | 4500 |\n"),
        ])
        let (md, html, document) = try await Self.outputs(workspace)
        #expect(md.contains("| Name | Count | State |\n|:---|---:|:---:|\n| A | 12 | open |"))
        #expect(md.contains("| Theme | Points raised |\n|---|---|\n"))  // an unaligned table stays as it was
        #expect(html.contains("<th class=\"align-left\">Name</th><th class=\"align-right\">Count</th><th class=\"align-center\">State</th>"))
        #expect(html.contains("<td class=\"align-left\">A</td><td class=\"align-right\">12</td><td class=\"align-center\">open</td>"))
        #expect(html.contains("td.align-right { text-align: right; }"))
        #expect(html.contains("<th>Theme</th>"))
        let english = try #require(document.components(separatedBy: ">Table</w:t>").last)
        #expect(english.contains("<w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:b/>"))
        #expect(english.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">12<"))
        #expect(english.contains("<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">open<"))
        let arabic = try #require(document.components(separatedBy: ">جدول</w:t>").last)
        #expect(
            arabic.contains(
                "<w:bidi/><w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:val=\"ar\" w:bidi=\"ar\"/></w:rPr><w:t xml:space=\"preserve\">4500<"
            ))
        #expect(
            arabic.contains(
                "<w:bidi/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:val=\"ar\" w:bidi=\"ar\"/></w:rPr><w:t xml:space=\"preserve\">مصر<"
            ))
    }

    /// A note's Word table: columns as wide as their content asks (a column
    /// of numbers narrow, one of sentences wide), rows that do not split
    /// across pages, the header repeated, cell text with a little space and
    /// a 6 pt gap under the table.
    @Test func wordTablesAreSizedByContentAndKeepTheirRows() throws {
        let workspace = DocxTests.workspace(
            note: "| Corridor | Cost |\n|---|---|\n| A very long corridor name that takes room in the table | 6.2 |\n| B | 3.0 |\n\nAfter.")
        let document = try #require(try DocxTests.unzip(Summary(workspace).renderDocx())["word/document.xml"])
        let table = try #require(document.components(separatedBy: "<w:tbl>").dropFirst().first?.components(separatedBy: "</w:tbl>").first)
        let widths = table.components(separatedBy: "<w:gridCol w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(widths.count == 2)
        #expect(widths[0] > 5 * widths[1], "\(widths)")
        #expect(widths.reduce(0, +) <= DocxRenderer.textWidthTwips)
        #expect(table.contains("<w:tblLayout w:type=\"fixed\"/>"))
        #expect(table.contains("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        #expect(table.components(separatedBy: "<w:tr><w:trPr><w:cantSplit/></w:trPr>").count == 3)
        #expect(table.contains("<w:pStyle w:val=\"TableText\"/>"))
        #expect(document.contains("</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>"))
        let styles = try #require(try DocxTests.unzip(Summary(workspace).renderDocx())["word/styles.xml"])
        #expect(styles.contains("w:styleId=\"TableText\""))
    }

    /// A table of more cells than any note's is written with the least
    /// markup a cell can have, so its part stays a document XML readers take
    /// (a fuzzing finding: 86,928 cells made a 10 MB part libxml2 refused).
    @Test func aHugeTableIsWrittenCompact() throws {
        let header = "|" + String(repeating: "h|", count: 100)
        let separator = "|" + String(repeating: "-|", count: 100)
        let rows = Array(repeating: "|" + String(repeating: "x|", count: 100), count: 60)
        let workspace = DocxTests.workspace(note: ([header, separator] + rows).joined(separator: "\n") + "\n\nAfter.")
        let document = try #require(try DocxTests.unzip(Summary(workspace).renderDocx())["word/document.xml"])
        let table = try #require(document.components(separatedBy: "<w:tbl>").dropFirst().first?.components(separatedBy: "</w:tbl>").first)
        #expect(!table.contains("TableText") && !table.contains("<w:tcW"))
        #expect(table.components(separatedBy: "<w:tc>").count - 1 == 100 * 61)
        #expect(table.components(separatedBy: "<w:gridCol ").count - 1 == 100)
        let parser = XMLParser(data: Data(document.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}
