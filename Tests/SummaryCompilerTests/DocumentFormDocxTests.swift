import Forum
import Foundation
import Mustache
import Testing
import WorkingDays

@testable import SummaryCompiler

/// The letter and the masthead in Word, where the templates do not reach:
/// in the order and with the words the HTML and Markdown goldens show.
@Suite struct DocumentFormDocxTests {
    static func document(library: MustacheLibrary? = nil, _ configure: (inout Forum) -> Void) throws -> String {
        var forum = Edition.second.forum
        configure(&forum)
        var summary = try Summary(SummaryTests.exampleWorkspace(forum))
        summary.date = CivilDate(year: 2026, month: 5, day: 22)!
        return try #require(try DocxTests.unzip(summary.renderDocx(library: library))["word/document.xml"])
    }

    static func texts(_ xml: String) -> [String] {
        xml.components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst().map { $0.components(separatedBy: "</w:t>")[0] }
    }

    @Test("the letter: letterhead in capitals, date, text, signature, addressees, a page break, then Annex over the title")
    func letterComesFirst() throws {
        let xml = try Self.document { _ in }
        let texts = Self.texts(xml)
        let title = try #require(texts.firstIndex(of: "Second International Migration Review Forum"))
        let letter = Array(texts[..<title])
        #expect(letter.first == "The President of the General Assembly")
        #expect(letter.contains("22 May 2026") && letter.contains("Excellency,"))
        #expect(letter.contains("Annalena Baerbock") && letter.contains("President of the General Assembly"))
        #expect(letter.contains { $0.hasPrefix("All Permanent Representatives and Permanent Observers") })
        #expect(letter.last == "Annex")
        let beforeTitle = try #require(xml.components(separatedBy: ">Second International Migration Review Forum<").first)
        // The date line at the line's end, as a UN letter has it; the letter's other paragraphs as they come.
        #expect(
            xml.contains(
                "<w:p><w:pPr><w:jc w:val=\"end\"/></w:pPr><w:r><w:rPr><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">22 May 2026<"))
        #expect(beforeTitle.components(separatedBy: "<w:jc w:val=\"end\"/>").count == 2)
        #expect(beforeTitle.contains("<w:caps/>"))
        // Capitals are the letterhead's alone: no bold run after it takes them.
        #expect(xml.components(separatedBy: "<w:caps/>").count == 2)
        #expect(beforeTitle.contains("<w:br w:type=\"page\"/>"))
        // The letter's paragraphs are the President's: none is numbered.
        #expect(!beforeTitle.contains("NumberedParagraph"))
        #expect(!xml.contains("Distr.:"))
        #expect(texts.contains("Appendix: objectives of the Global Compact"))
    }

    @Test("a letter whose paragraph after the letterhead does not hold the date has no date line: that paragraph stays one of the letter's")
    func letterWithoutDateLine() throws {
        var library = MustacheLibrary()
        try library.register("{{% CONTENT_TYPE: TEXT}}\n# Letterhead\n\nExcellency,\n\nNew York, {{date}}\n", named: "letter.md")
        var forum = Edition.second.forum
        forum.document.form = .letter
        var summary = try Summary(SummaryTests.exampleWorkspace(forum))
        summary.date = CivilDate(year: 2026, month: 5, day: 22)!
        let letter = try #require(summary.letter(library: library))
        #expect(letter.dateline == nil)
        #expect(letter.body.count == 2)
        library = MustacheLibrary()
        try library.register("{{% CONTENT_TYPE: TEXT}}\n# Letterhead\n\nNew York, {{date}}\n\nExcellency,\n", named: "letter.md")
        let dated = try #require(summary.letter(library: library))
        #expect(dated.dateline?.map(\.plainText).joined() == "New York, 22 May 2026")
        #expect(dated.body.count == 1)
        _ = HTMLContentType.registered
        try library.register(try #require(BuiltInTemplates.all["summary.html"]), named: "summary.html")
        let html = summary.render(.html, library: library)
        #expect(html.contains("<p class=\"letter-date\">New York, 22 May 2026</p>"))
    }

    @Test("the official form: the masthead, no letter, the objectives an annex")
    func mastheadComesFirst() throws {
        let xml = try Self.document {
            $0.document.form = .official
            $0.document.symbol = "A/80/000"
            $0.document.agendaItem = "16"
            $0.document.distribution = .limited
        }
        let texts = Self.texts(xml)
        let title = try #require(texts.firstIndex(of: "Second International Migration Review Forum"))
        #expect(
            Array(texts[..<title]) == [
                "United Nations", "A/80/000", "General Assembly", "Distr.: Limited", "22 May 2026", "Original: English", "",
                "Eightieth session", "Agenda item 16",
            ])
        #expect(!texts.contains("Excellency,") && !texts.contains("Annex"))
        #expect(texts.contains("Annex: objectives of the Global Compact"))
        // The symbol large on the right, the organ large and bold; an empty line under the date.
        #expect(
            xml.contains(
                "<w:jc w:val=\"end\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">A/80/000<"
            ))
        #expect(
            xml.contains(
                "<w:b/><w:bCs/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">General Assembly<")
        )
        #expect(xml.contains(">22 May 2026</w:t></w:r></w:p><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>"))
    }

    @Test("the masthead's words come from masthead.md in the templates folder; a value is text, never markup")
    func mastheadFromTheOfficesTemplate() throws {
        var library = MustacheLibrary()
        try library.register(
            "{{% CONTENT_TYPE: TEXT}}\n| Nations Unies | {{symbol}} |\n|---|---|\n| Assemblée générale | Distr. : {{distribution}} |\n\n{{session}}\n",
            named: "masthead.md")
        let xml = try Self.document(library: library) {
            $0.document.form = .official
            $0.document.symbol = "A/80/*1*|<b>"
        }
        let texts = Self.texts(xml)
        let title = try #require(texts.firstIndex(of: "Second International Migration Review Forum"))
        #expect(
            Array(texts[..<title]) == [
                "Nations Unies", "A/80/*1*|&lt;b&gt;", "Assemblée générale", "Distr. : General", "", "Eightieth session",
            ])
    }
}
