import Foundation
import IMRFTestSupport
import SummaryCompiler
import Testing
import WordImport

/// Text -> a .docx made here -> import -> the note parsed as imrf parses
/// notes -> the same text, for random text full of Markdown's syntax and
/// random bold, italic and strikethrough runs.
@Suite("Word import round trip")
struct WordImportRoundTripTests {
    static let alphabet: [String] = [
        "a", "b", "Z", "é", "ل", "1", "2", " ", " ", "*", "_", "[", "]", "(", ")", "<", ">", "`", "#", "|", "~", "&", "!", "\\", "-", "+",
        "=", ".", ":", "\"", "'", "“", "”", "\u{00A0}", "^", "$", "%", "{", "}", "/", "@", "www.", "http://x.org", "&amp;", "1.", "- ", "> ",
    ]

    static func randomText(_ random: inout SeededRandom) -> String {
        let length = Int.random(in: 1...24, using: &random)
        return (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    /// Text as Markdown keeps it: runs of white space as one, none at the ends.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    @Test func randomTextReadsBackAsTheSameText() throws {
        var random = SeededRandom(seed: 22)
        for _ in 0..<300 {
            let runs = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                (
                    text: Self.randomText(&random),
                    properties: ["", "<w:b/>", "<w:i/>", "<w:strike/>", "<w:b/><w:i/>", "<w:u w:val=\"single\"/>"].randomElement(using: &random)!
                )
            }
            let heading = Bool.random(using: &random)
            var document = TestDocument(body: TestDocument.paragraph(runs, properties: heading ? "<w:outlineLvl w:val=\"1\"/>" : ""))
            document["word/styles.xml"] = "<w:styles \(TestDocument.namespaces)/>"
            let note = try WordImport.note(from: try document.bytes, path: "n.docx", options: WordImportOptions(session: "hearing"))
            let (parsed, diagnostics) = NoteParser.parse(text: note.markdown, path: "n.md")
            let expected = Self.normalised(runs.map(\.text).joined())
            guard !expected.isEmpty else { continue }
            let blocks = try #require(parsed?.document.blocks, "\(diagnostics)")
            let inlines: [Inline]
            switch blocks.first {
            case .paragraph(let paragraph) where !heading: inlines = paragraph
            case .heading(2, let heading) where heading.isEmpty == false: inlines = heading
            default:
                Issue.record("not one block: \(note.markdown) -> \(blocks)")
                continue
            }
            #expect(blocks.count == 1, "\(note.markdown)")
            #expect(Self.normalised(inlines.map(\.plainText).joined()) == expected, "\(note.markdown)")
        }
    }
}
