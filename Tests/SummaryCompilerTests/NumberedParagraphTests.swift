import Forum
import Foundation
import Testing

@testable import SummaryCompiler

/// The UN's numbered paragraphs (forum.yaml `document.numberParagraphs`, on
/// by default): every paragraph of text at a note's top level, numbered
/// consecutively across the document, the same in every format.
@Suite("numbered paragraphs")
struct NumberedParagraphTests {
    static let extra = (
        "notes/zz-numbers.md",
        """
        ---
        session: plenary
        title: Numbers
        ---
        First paragraph.

        ![A chart](figures/none.png)

        - a list item is not numbered

        > nor is a quotation

        Second paragraph.
        """
    )

    @Test func numbersRunOnAcrossTheNotesAlikeInEveryFormat() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [Self.extra])
        let summary = try Summary(workspace)
        let outputs = try await summary.renderedText(formats: [.html, .md], templates: SummaryTests.templates)
        let markdown = try #require(outputs[.md])
        let html = try #require(outputs[.html])
        let first = try #require(SummaryTests.paragraphNumber(before: "First paragraph.", in: markdown))
        #expect(markdown.contains("\(first)\\. First paragraph.\n"))
        #expect(markdown.contains("\(first + 1)\\. Second paragraph."))
        #expect(markdown.contains("\n- a list item is not numbered"))
        #expect(markdown.contains("\n> nor is a quotation"))
        #expect(html.contains("<span class=\"paragraph-number\">\(first + 1).</span> Second paragraph.</p>"))
        // 1, 2, 3 ... with no gap or repeat, in document order.
        let numbers = markdown.split(separator: "\n").compactMap { line -> Int? in
            guard let dot = line.range(of: "\\. ") else { return nil }
            return Int(line[..<dot.lowerBound])
        }
        #expect(numbers == Array(1...numbers.count))
        #expect(numbers.count == first + 1)
        // Word numbers the same paragraphs, with one numbering instance.
        let document = try #require(try DocxTests.unzip(summary.renderDocx())["word/document.xml"])
        let numbered = document.components(separatedBy: "<w:pStyle w:val=\"NumberedParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/>")
        #expect(numbered.count - 1 == numbers.count)
    }

    @Test func offInForumYAMLNothingIsNumbered() async throws {
        var workspace = try SummaryTests.exampleWorkspace(adding: [Self.extra])
        workspace.forum.document.numberParagraphs = false
        let summary = try Summary(workspace)
        let outputs = try await summary.renderedText(formats: [.html, .md], templates: SummaryTests.templates)
        #expect(outputs[.md]?.contains("\nFirst paragraph.\n") == true)
        #expect(outputs[.html]?.contains("<span class=\"paragraph-number\">") == false)
        #expect(outputs[.html]?.contains("<p>First paragraph.</p>") == true)
        let document = try #require(try DocxTests.unzip(summary.renderDocx())["word/document.xml"])
        #expect(!document.contains("NumberedParagraph\"/>"))
    }

    @Test func aParagraphOfTextIsNumberedAPictureAloneIsNot() {
        #expect(BodyRenderer.numbersParagraph(.paragraph([.text("Text.")])))
        #expect(!BodyRenderer.numbersParagraph(.paragraph([.image(source: "a.png", alt: [.text("A")], line: 1)])))
        #expect(!BodyRenderer.numbersParagraph(.paragraph([.text("  "), .softBreak])))
        #expect(!BodyRenderer.numbersParagraph(.heading(level: 1, [.text("Heading")])))
        #expect(BodyRenderer.numbersParagraph(.paragraph([.strong([.text("Bold")])])))
    }
}

/// The sessions' headings I., II. ...; the notes' titles A., B. ... under each.
@Suite("numbered headings")
struct NumberedHeadingTests {
    @Test func romanNumeralsAndLetters() {
        #expect((1...9).map(Summary.roman) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"])
        #expect(Summary.roman(14) == "XIV")
        #expect([1, 2, 26, 27, 52, 53].map(Summary.letters) == ["A", "B", "Z", "AA", "AZ", "BA"])
    }

    @Test func headingsAreNumberedInEveryFormatAndTheContents() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [NumberedParagraphTests.extra])
        let outputs = try await Summary(workspace).renderedText(formats: [.html, .md], templates: SummaryTests.templates)
        let markdown = try #require(outputs[.md])
        let html = try #require(outputs[.html])
        #expect(markdown.contains("\n- VII. Plenary\n"))
        #expect(markdown.contains("\n## VII. Plenary\n"))
        #expect(markdown.contains("\n### B. Numbers\n"))
        #expect(html.contains("<h2>II. Round table 1</h2>"))
        #expect(html.contains("<h3>B. Numbers</h3>"))
        var plain = workspace
        plain.forum.document.numberParagraphs = false
        let unnumbered = try await Summary(plain).renderedText(formats: [.md], templates: SummaryTests.templates)
        #expect(unnumbered[.md]?.contains("\n## Plenary\n") == true)
        #expect(unnumbered[.md]?.contains("\n### Numbers\n") == true)
    }
}
