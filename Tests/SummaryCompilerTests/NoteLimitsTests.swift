import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// The limits of the note reader, each at the limit (accepted) and one past
/// it (refused with the file, the line and the limit in the message).
@Suite struct NoteLimitsTests {
    static let frontMatter = "---\nsession: plenary\n---\n"

    func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(bytes: Array(text.utf8), path: "notes/n.md", forum: Edition.second.forum)
    }

    @Test func aNoteOfFourMegabytesIsAcceptedAndOneByteMoreIsNot() {
        // Many short lines: the size limit, not the line limit, is tested.
        let line = String(repeating: "x", count: 1023) + "\n"
        var text = Self.frontMatter + "Intro.\n\n"
        text += String(repeating: line, count: (NoteParser.maximumBytes - text.utf8.count) / 1024)
        text += String(repeating: "y", count: NoteParser.maximumBytes - text.utf8.count)
        #expect(text.utf8.count == NoteParser.maximumBytes)
        #expect(parse(text).diagnostics.isEmpty)
        let over = parse(text + "z")
        #expect(over.note == nil)
        #expect(
            over.diagnostics.map(\.firstLine) == [
                "notes/n.md:1:1: error: note is larger than 4 MB (\(NoteParser.maximumBytes + 1) bytes)"
            ])
    }

    @Test func aLineOfOneHundredThousandCharactersIsAcceptedAndLongerIsNot() {
        // Characters are Unicode scalars, not bytes: "é" counts once.
        let longest = String(repeating: "é", count: NoteParser.maximumLineLength)
        #expect(parse(Self.frontMatter + "Intro.\n\n" + longest + "\n").diagnostics.isEmpty)
        let result = parse(Self.frontMatter + "Intro.\n\n" + longest + "e\nAfter.\n")
        #expect(result.note == nil)
        #expect(
            result.diagnostics.map(\.firstLine) == [
                "notes/n.md:6:1: error: line 6 is longer than 100,000 characters (100001)"
            ])
        #expect(result.diagnostics.first?.hint?.contains("break the paragraph") == true)
    }

    @Test func aLongLineInTheFrontMatterIsRefusedToo() {
        let result = parse("---\nsession: plenary\ntitle: " + String(repeating: "t", count: 100_000) + "\n---\nText.\n")
        #expect(result.diagnostics.map(\.message) == ["line 3 is longer than 100,000 characters (100007)"])
        #expect(result.diagnostics.first?.location?.line == 3)
    }

    static func footnotes(_ count: Int) -> String {
        let references = (1...count).map { "[^n\($0)]" }.joined(separator: "\n")
        let definitions = (1...count).map { "[^n\($0)]: Note \($0)." }.joined(separator: "\n")
        return frontMatter + "Text with notes.\n" + references + "\n\n" + definitions + "\n"
    }

    @Test func tenThousandFootnotesAreAcceptedAndOneMoreIsNot() {
        let accepted = parse(Self.footnotes(MarkdownParser.maximumFootnotes))
        #expect(accepted.diagnostics.isEmpty)
        #expect(accepted.note?.document.footnotes.count == 10_000)

        let refused = parse(Self.footnotes(MarkdownParser.maximumFootnotes + 1))
        // The definitions start after the front matter (3 lines), the text,
        // 10,001 reference lines and a blank line; the 10,001st is the last.
        let line = 3 + 1 + 10_001 + 1 + 10_001
        #expect(refused.diagnostics.map(\.firstLine) == ["notes/n.md:\(line):1: error: more than 10,000 footnotes in one note"])
        #expect(refused.note?.document.blocks.isEmpty == true)
    }

    @Test func citingOneFootnoteManyTimesIsNotLimited() {
        let text = Self.frontMatter + String(repeating: "Cited[^a].\n", count: 20_000) + "\n\n[^a]: Once.\n"
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.note?.document.footnotes.count == 1)
    }
}

extension Diagnostic {
    /// `path:line:col: error: message`, without the hint line.
    var firstLine: String { String(description.prefix { $0 != "\n" }) }
}
