import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

@Suite struct NoteParserTests {
    func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum)
    }

    @Test func validNote() throws {
        let (note, diagnostics) = parse("---\nsession: round-table-3\ntitle: T\nobjectives: [20]\nlanguage: ar\n---\n\nText.\n")
        #expect(diagnostics.isEmpty)
        let parsed = try #require(note)
        #expect(parsed.session == .roundTable3)
        #expect(parsed.objectives == [20])
        #expect(parsed.isRightToLeft)
        #expect(parsed.bodyLine == 7)
    }

    @Test func languageDefaultsToEnglish() {
        #expect(parse("---\nsession: plenary\n---\nText.\n").note?.language == "en")
    }

    @Test func byteOrderMarkIsAcceptedAndInvalidUTF8Is_not() {
        let good = NoteParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("---\nsession: plenary\n---\nText.\n".utf8), path: "n.md")
        #expect(good.diagnostics.isEmpty)
        #expect(good.note != nil)
        let bad = NoteParser.parse(bytes: Array("---\nsession: plenary\n---\n".utf8) + [0xFF, 0xFE], path: "n.md")
        #expect(bad.diagnostics.map(\.message) == ["note is not UTF-8 text: the byte 0xFF at line 4, column 1 is not UTF-8"])
        #expect(bad.diagnostics.first?.location == SourceLocation(path: "n.md", line: 4, column: 1))
        let latin1 = NoteParser.parse(bytes: Array("---\nsession: plenary\ntitle: Caf".utf8) + [0xE9, 0x0A] + Array("---\nT\n".utf8), path: "n.md")
        #expect(latin1.diagnostics.first?.location == SourceLocation(path: "n.md", line: 3, column: 11))
        #expect(latin1.diagnostics.first?.message.contains("the byte 0xE9") == true)
    }

    @Test("UTF-16 with its byte order mark (Notepad's \"Unicode\") is read, with a warning; broken UTF-16 is an error")
    func utf16() {
        let text = "---\nsession: plenary\ntitle: Résumé 中文\n---\nText.\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [little, big] {
            let parsed = NoteParser.parse(bytes: bytes, path: "n.md")
            #expect(parsed.note?.title == "Résumé 中文")
            #expect(parsed.diagnostics.map(\.message) == ["note is saved as UTF-16 (Notepad's \"Unicode\"): read as such"])
            #expect(parsed.diagnostics.first?.severity == .warning)
        }
        // A lone surrogate, or an odd number of bytes: not UTF-16.
        for broken in [little + [0x00, 0xD8], Array(little.dropLast())] {
            #expect(NoteParser.parse(bytes: broken, path: "n.md").diagnostics.first?.message == "note begins as UTF-16 text but is not valid UTF-16")
        }
    }

    @Test func frontMatterProblems() {
        #expect(parse("Just text\n").diagnostics.map(\.message) == ["note has no front matter"])
        #expect(parse("---\nsession: plenary\nText\n").diagnostics.map(\.message) == ["front matter is not closed by a '---' line"])
    }

    @Test("raw HTML: <br> is a line break; anything else is left out with a warning at its line, one per line")
    func rawHTML() throws {
        let result = parse(
            "---\nsession: plenary\n---\nOne<br>two<BR />three.\n\n<div>\nboxed\n</div>\n\nA <b>bold</b> <i>and</i> end.\n")
        let note = try #require(result.note)
        guard case .paragraph(let inlines) = note.document.blocks.first else {
            Issue.record("no paragraph: \(note.document.blocks)")
            return
        }
        #expect(inlines.filter { $0 == .lineBreak }.count == 2)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.message) == ["raw HTML is left out of the summary: '<div>'", "raw HTML is left out of the summary: '<b>'"])
        #expect(warnings.map { $0.location?.line } == [6, 10])
    }

    @Test("a note without raw HTML has no such warning")
    func noRawHTML() throws {
        let result = parse("---\nsession: plenary\n---\nA < b and c > d, 1<2.\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("slips warned at their lines: an undefined footnote, a picture path with a space, extra table cells, a table without separator")
    func markdownSlips() {
        let note = """
            ---
            session: plenary
            ---
            A footnote[^one] and an undefined one[^two].

            [^one]: Defined.

            ![Chart](figures/Remittance chart.png) and ![Fine](<figures/a b.png>)

            | A | B |
            |---|---|
            | 1 | 2 | 3 | 4 |
            | 5 | 6 |

            | No | separator |
            | 1 | 2 |

            Code `[^x]` and `![a](b c)` are fine, and | a pipe | too.

            """
        let warnings = parse(note).diagnostics.filter { $0.severity == .warning }
        #expect(
            warnings.map(\.message) == [
                "footnote [^two] has no definition: it is printed as text",
                "a picture whose path has a space is printed as text: ](figures/Remittance chart.png)",
                "this table row has 4 cells and the header 2: the last 2 are left out",
                "a table without its separator row is printed as text",
            ], "\(warnings)")
        #expect(warnings.map { $0.location?.line } == [4, 8, 12, 15])
        #expect(warnings[1].hint == "put the path in angle brackets: ](<figures/Remittance chart.png>), or rename the file without spaces")
    }

    @Test("slips found in text that is not ASCII: the labels and paths come back whole, a code span of Arabic hides its marks")
    func markdownSlipsOutsideASCII() {
        let note = """
            ---
            session: plenary
            ---
            النص `مرحبا [^كود]` ثم[^ملاحظة] و ![صورة](صور/رسم بياني.png)

            """
        let warnings = parse(note).diagnostics.filter { $0.severity == .warning }
        #expect(
            warnings.map(\.message) == [
                "footnote [^ملاحظة] has no definition: it is printed as text",
                "a picture whose path has a space is printed as text: ](صور/رسم بياني.png)",
            ], "\(warnings)")
        #expect(warnings.map { $0.location?.line } == [4, 4])
    }

    @Test("no more than MarkdownParser.maximumSlips warnings of these for one note")
    func slipsAreBounded() {
        let body = (1...100).map { "Undefined[^n\($0)]." }.joined(separator: "\n\n")
        let warnings = parse("---\nsession: plenary\n---\n" + body + "\n").diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == MarkdownParser.maximumSlips)
    }

    @Test func yamlSyntaxErrorPointsAtTheFileLine() {
        let diagnostics = parse("---\nsession: plenary\ntitle: \"unclosed\nauthor: x\n---\nText.\n").diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("YAML syntax error") == true)
        // The YAML starts on line 2 of the file; the bad scalar is on line 3.
        #expect((diagnostics.first?.location?.line ?? 0) >= 3)
        #expect((diagnostics.first?.location?.line ?? 99) <= 5)
    }

    @Test func everyProblemIsReportedWithItsPosition() {
        let text = "---\nsession: round-table-1\nobjectives: [2, 24, 7]\ncolour: blue\n---\nText.\n"
        let diagnostics = parse(text).diagnostics
        #expect(
            diagnostics.map(\.description.self).map { $0.split(separator: "\n")[0] } == [
                "n.md:4:1: warning: unknown front matter key 'colour'",
                "n.md:3:17: error: objective 24 is outside 1-23",
                "n.md:3:21: warning: objective 7 (Reduce vulnerabilities) is not covered by round table 1",
            ])
    }

    @Test func unknownAndMissingSession() {
        #expect(
            parse("---\nsession: lunch\n---\nText.\n").diagnostics.first?.description.hasPrefix("n.md:2:10: error: unknown session 'lunch'") == true)
        #expect(parse("---\ntitle: x\n---\nText.\n").diagnostics.first?.message == "missing key 'session'")
    }

    /// `segment:` names the part of the plenary a note summarises; a wrong
    /// value, or a segment on another session's note, is an error at the
    /// value, read without Yams and with it alike.
    @Test(arguments: [true, false]) func plenarySegment(simpleFrontMatter: Bool) throws {
        func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
            NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum, simpleFrontMatter: simpleFrontMatter)
        }
        let closing = parse("---\nsession: plenary\nsegment: closing\n---\nText.\n")
        #expect(closing.diagnostics.isEmpty)
        #expect(try #require(closing.note).segment == .closing)
        #expect(parse("---\nsession: plenary\n---\nText.\n").note?.segment == nil)

        let unknown = parse("---\nsession: plenary\nsegment: lunch\n---\nText.\n").diagnostics
        #expect(unknown.map(\.message) == ["unknown plenary segment 'lunch'"])
        #expect(unknown.first?.location == SourceLocation(path: "n.md", line: 3, column: 10))
        #expect(unknown.first?.hint == "use one of: opening, general-debate, closing")

        let misplaced = parse("---\nsession: round-table-1\nsegment: opening\n---\nText.\n")
        #expect(misplaced.diagnostics.map(\.message) == ["'segment' is only for plenary notes"])
        #expect(misplaced.diagnostics.first?.location == SourceLocation(path: "n.md", line: 3, column: 10))
        #expect(misplaced.note?.segment == nil)
    }

    /// The language goes into the HTML's `lang` attribute and Word's
    /// `w:lang`: only a language tag is accepted. A quote followed by a
    /// combining accent once ended the attribute, as swift-mustache escapes
    /// whole characters and `"\u{301}` is one character.
    @Test(arguments: [true, false]) func languageMustBeALanguageTag(simpleFrontMatter: Bool) throws {
        func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
            NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum, simpleFrontMatter: simpleFrontMatter)
        }
        for tag in ["en", "fr", "ar", "es-419", "pt-BR", "zh-Hant-TW", "x-klingon"] {
            let parsed = parse("---\nsession: plenary\nlanguage: \(tag)\n---\nText.\n")
            #expect(parsed.diagnostics.isEmpty, "\(tag)")
            #expect(parsed.note?.language == tag)
        }
        let examples = "write its code: en, fr, es, ar, ru, zh (the UN's six), or another ISO 639 code such as pt or pt-BR"
        for bad in ["\"en\\\"\u{301} onmouseover=alert(1)\"", "e", "en_GB", "fr-", "-fr", "toolongtag", "\"\"", "\"ar\u{301}\""] {
            let diagnostics = parse("---\nsession: plenary\nlanguage: \(bad)\n---\nText.\n").diagnostics
            #expect(diagnostics.count == 1, "\(bad)")
            #expect(diagnostics.first?.message.hasSuffix("is not a language code") == true, "\(bad)")
            #expect(diagnostics.first?.location == SourceLocation(path: "n.md", line: 3, column: 11), "\(bad)")
            #expect(diagnostics.first?.hint == examples)
        }
        // A language's name: its code suggested (ISO 639-2's English names, the UN's six by their own).
        for (name, code) in [("arabic", "ar"), ("Arabic", "ar"), ("english please", "en"), ("Spanish", "es"), ("français", "fr"), ("Русский", "ru")] {
            let diagnostics = parse("---\nsession: plenary\nlanguage: \(name)\n---\nText.\n").diagnostics
            #expect(diagnostics.map(\.message) == ["'\(name)' is a language's name, not its code"], "\(name)")
            #expect(diagnostics.first?.hint == "did you mean \(code)?", "\(name)")
        }
        // The shape of a tag, but no language ISO 639 has.
        for unknown in ["xx", "qq-GB", "zzzz"] {
            let diagnostics = parse("---\nsession: plenary\nlanguage: \(unknown)\n---\nText.\n").diagnostics
            #expect(diagnostics.first?.message.contains("is not a language code ISO 639 knows") == true, "\(unknown): \(diagnostics)")
        }
        for known in ["yue", "fil", "ger", "sw", "ha"] {
            #expect(parse("---\nsession: plenary\nlanguage: \(known)\n---\nText.\n").diagnostics.isEmpty, "\(known)")
        }
    }

    @Test func emptyBodyIsAnError() {
        let diagnostics = parse("---\nsession: plenary\n---\n\n   \n").diagnostics
        #expect(diagnostics.map(\.description) == ["n.md:4:1: error: note has no text after its front matter"])
    }

    @Test func objectivesMustBeIntegers() {
        let diagnostics = parse("---\nsession: plenary\nobjectives: [one]\n---\nText.\n").diagnostics
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.message == "the first objective, 'one', is not a number")
    }

    @Test func nestingIsBoundedWithTheLineOfTheDeepNode() {
        let shallow = parse("---\nsession: plenary\n---\n" + String(repeating: ">", count: 40) + " quoted\n")
        #expect(shallow.diagnostics.isEmpty)
        for body in [
            String(repeating: ">", count: 10_000) + " deep\n",
            String(repeating: "- ", count: 10_000) + "item\n",
            String(repeating: "*", count: 10_000) + "a" + String(repeating: "*", count: 10_000) + "\n",
        ] {
            let (_, diagnostics) = parse("---\nsession: plenary\n---\nIntro.\n\n" + body)
            #expect(diagnostics.map(\.message) == ["nesting deeper than 100 levels (block quotes, lists or emphasis)"])
            #expect(diagnostics.first?.location?.line == 6)
        }
    }

    @Test func oversizedNoteIsRefusedBeforeParsing() {
        let text = "---\nsession: plenary\n---\n" + String(repeating: "Text. ", count: 800_000)
        let result = NoteParser.parse(bytes: Array(text.utf8), path: "n.md")
        #expect(result.note == nil)
        #expect(result.diagnostics.map(\.message) == ["note is larger than 4 MB (\(text.utf8.count) bytes)"])
    }
}

@Suite("a note's bytes shown to a person")
struct NoteDisplayTextTests {
    @Test("UTF-16 (either order, with its mark), UTF-8 with or without its mark: the same text")
    func decodings() {
        let text = "---\nsession: plenary\n---\nSí, مرحبا.\n"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big, Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
            #expect(NoteParser.displayText(bytes) == text)
        }
        #expect(NoteParser.displayText([0x41, 0xE9, 0x42]) == "A\u{FFFD}B")
    }
}

@Suite("a code span cmark-gfm could not close")
struct LongCodeSpanTests {
    /// A fuzzing finding: a code span holding a run of 155 backticks was
    /// written inside 156, which cmark-gfm never closes (it closes spans of at
    /// most 80), so the span read back as text and its `<b>` as raw HTML.
    @Test("a code span with a run of 80 or more backticks is written as escaped text: no raw HTML reads back", arguments: [79, 80, 155])
    func longRun(run: Int) {
        let code = "<b onclick=x>bold</b" + String(repeating: "`", count: run) + "end"
        let document = MarkdownDocument(blocks: [.paragraph([.text("see "), .code(code)])])
        let markdown = document.summaryMarkdown
        #expect(MarkdownParser.rawHTMLLines(in: markdown).isEmpty, "\(markdown)")
        let again = MarkdownParser.parse(markdown)
        let text = again.blocks.first.map { block -> String in
            guard case .paragraph(let inlines) = block else { return "" }
            return inlines.map(\.plainText).joined()
        }
        #expect(text == "see " + code)
    }

    /// The lines' byte ranges (the table slips read rows by them) are the
    /// ones a split at each line feed gives, empty lines and ends included.
    @Test func lineRangesAreTheLinesOfTheText() {
        for text in ["", "a", "\n", "\n\n", "a\nb", "a\n", "\na", "| é | 日本 |\r\n|---|---|\n\nend"] {
            let bytes = Array(text.utf8)
            let expected = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { $0.startIndex..<$0.endIndex }
            #expect(MarkdownParser.lineRanges(text) == expected, "\(text.debugDescription)")
        }
    }
}
