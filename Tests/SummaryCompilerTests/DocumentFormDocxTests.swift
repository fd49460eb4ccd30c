import Forum
import Foundation
import Testing
import WorkingDays

@testable import SummaryCompiler

/// The letter and the masthead in Word, where the templates do not reach:
/// in the order and with the words the HTML and Markdown goldens show.
@Suite struct DocumentFormDocxTests {
    static func document(_ configure: (inout Forum) -> Void) throws -> String {
        var forum = Edition.second.forum
        configure(&forum)
        var summary = try Summary(SummaryTests.exampleWorkspace(forum))
        summary.date = CivilDate(year: 2026, month: 5, day: 22)!
        return try #require(try DocxTests.unzip(summary.renderDocx())["word/document.xml"])
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
        #expect(beforeTitle.contains("<w:caps/>"))
        #expect(beforeTitle.contains("<w:br w:type=\"page\"/>"))
        // The letter's paragraphs are the President's: none is numbered.
        #expect(!beforeTitle.contains("NumberedParagraph"))
        #expect(!xml.contains("Distr.:"))
        #expect(texts.contains("Appendix: objectives of the Global Compact"))
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
                "United Nations", "A/80/000", "General Assembly", "Distr.: Limited", "22 May 2026", "", "Original: English", "",
                "Eightieth session", "Agenda item 16",
            ])
        #expect(!texts.contains("Excellency,") && !texts.contains("Annex"))
        #expect(texts.contains("Annex: objectives of the Global Compact"))
    }
}
