import Forum
import Testing

@testable import SummaryCompiler

/// What imrf writes to summary.md must read back as what the note said:
/// code keeps its text whatever backticks and tildes it holds, and nothing
/// from a note or forum.yaml becomes raw HTML (pandoc renders summary.md,
/// and a browser shows the result).
@Suite struct MarkdownWriterTests {
    static var writer: BodyRenderer { BodyRenderer(format: .markdown) { _ in nil } }

    /// The blocks as imrf writes them, read again by cmark-gfm: the model,
    /// and the lines of any raw HTML it found.
    static func roundTrip(_ blocks: [Block]) -> (blocks: [Block], rawHTML: [Int], markdown: String) {
        let markdown = writer.blocks(blocks)
        let blocks = MarkdownParser.parse(markdown).blocks.map(merged)
        return (blocks, MarkdownParser.rawHTMLLines(in: markdown), markdown)
    }

    /// The blocks with adjacent texts joined: cmark-gfm makes a text node of
    /// each backslash escape.
    static func merged(_ block: Block) -> Block {
        switch block {
        case .paragraph(let inlines): .paragraph(merged(inlines))
        case .heading(let level, let inlines): .heading(level: level, merged(inlines))
        case .blockQuote(let blocks): .blockQuote(blocks.map(merged))
        case .list(let ordered, let start, let tight, let items):
            .list(ordered: ordered, start: start, tight: tight, items: items.map { $0.map(merged) })
        case .table(let header, let rows, let alignments):
            .table(header: header.map(merged), rows: rows.map { $0.map(merged) }, alignments: alignments)
        case .code, .thematicBreak: block
        }
    }

    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                if case .text(let previous) = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(inline)
                }
            case .emphasis(let children): result.append(.emphasis(merged(children)))
            case .strong(let children): result.append(.strong(merged(children)))
            case .strikethrough(let children): result.append(.strikethrough(merged(children)))
            case .link(let destination, let children): result.append(.link(destination: destination, merged(children)))
            default: result.append(inline)
            }
        }
        return result
    }

    static let hostileCode = [
        "`", "``", "a`b", "a``b```c", "`a", "a`", "` `", " a ", " ", "  a  ", "`` <img src=x onerror=alert(1)>",
        "a ``` <script>alert(1)</script> ``", "````````````````",
    ]

    @Test(arguments: hostileCode) func aCodeSpanKeepsItsText(code: String) {
        let blocks: [Block] = [.paragraph([.text("x "), .code(code), .text(" <img src=x onerror=alert(1)>")])]
        let result = Self.roundTrip(blocks)
        #expect(result.blocks == blocks, "\(result.markdown)")
        #expect(result.rawHTML.isEmpty, "\(result.markdown)")
    }

    static let hostileCodeBlocks = [
        "```\n<script>alert(1)</script>\n",
        "~~~\n```\n<img src=x onerror=alert(1)>\n",
        "````\n~~~~\n```\n~~~\n<script>alert(1)</script>\n",
        "   ```` a\n",
        "plain\n",
    ]

    @Test(arguments: hostileCodeBlocks) func aCodeBlockKeepsItsText(code: String) {
        for blocks: [Block] in [
            [.code(code), .paragraph([.text("<script>alert(2)</script>")])],
            [.blockQuote([.code(code)]), .paragraph([.text("after")])],
            [.list(ordered: false, start: 0, tight: false, items: [[.code(code)], [.paragraph([.text("b")])]])],
        ] {
            let result = Self.roundTrip(blocks)
            #expect(result.blocks == blocks, "\(result.markdown)")
            #expect(result.rawHTML.isEmpty, "\(result.markdown)")
        }
    }

    /// Text that reads like an address (`www.`, `scheme://`) before a code
    /// span: cmark-gfm's autolink would take the span's opening backtick and
    /// leave `<b>` as raw HTML.
    @Test(arguments: ["[ www.", "see WWW.", "https://example.org", "a ftp://x", "www.a.org and http://b.org"])
    func textLikeAnAddressStaysTextBeforeCode(text: String) {
        let blocks: [Block] = [.paragraph([.text(text), .code("<b>"), .text(" end")])]
        let result = Self.roundTrip(blocks)
        #expect(result.blocks == blocks, "\(result.markdown)")
        #expect(result.rawHTML.isEmpty, "\(result.markdown)")
    }

    @Test func codeAndLinksInATableCellKeepTheirPipes() {
        let blocks: [Block] = [
            .table(
                header: [[.code("a|<script>alert(1)</script>")], [.text("b")]],
                rows: [[[.link(destination: "https://example.org/a|b", [.text("c")])], [.code("|")]]]
            )
        ]
        let result = Self.roundTrip(blocks)
        #expect(result.blocks == blocks, "\(result.markdown)")
        #expect(result.rawHTML.isEmpty, "\(result.markdown)")
    }

    @Test(arguments: ["a\\", "a\\<b>", "<b>x</b>", "<img/src=x/onerror=alert`1`>", "a>b", "\\", "a\\|b"])
    func aLinkDestinationKeepsItsLink(destination: String) {
        let blocks: [Block] = [.paragraph([.link(destination: destination, [.text("t")]), .text(" <b>after</b>")])]
        let result = Self.roundTrip(blocks)
        #expect(result.blocks == blocks, "\(result.markdown)")
        #expect(result.rawHTML.isEmpty, "\(result.markdown)")
    }

    static let lineStarts = ["- b", "+ b", "-", "---", "===", "=", ":-", "1. b", "2) b", "123456789. b", "    b", "\tb", " -", "#", "> b"]

    /// Text that begins a line (a paragraph's or after a line break) stays
    /// text: what would open a list, a setext heading, a table or a code
    /// block there is escaped.
    @Test(arguments: lineStarts) func textAtTheStartOfALineStaysText(text: String) {
        for blocks: [Block] in [
            [.paragraph([.text(text)])],
            [.paragraph([.text("a"), .softBreak, .text(text)])],
            [.paragraph([.text("a"), .lineBreak, .text(text)])],
            [.list(ordered: false, start: 0, tight: true, items: [[.paragraph([.text(text)])]])],
            [.blockQuote([.paragraph([.text("a"), .softBreak, .strong([.text("b"), .softBreak, .text(text)])])])],
        ] {
            let result = Self.roundTrip(blocks)
            #expect(result.blocks == blocks, "\(result.markdown)")
        }
    }

    @Test func aHeadingOfSeveralLinesStaysOneHeading() {
        let blocks: [Block] = [.heading(level: 1, [.link(destination: "a", [.text("b"), .softBreak, .text("c")]), .lineBreak, .text("- d")])]
        let written = Self.writer.blocks(blocks)
        #expect(written == "#### [b c](a) - d")
        #expect(MarkdownParser.parse(written).blocks == [.heading(level: 4, [.link(destination: "a", [.text("b c")]), .text(" - d")])])
    }

    @Test func aFootnoteReferenceStartingALineDoesNotDefineIt() {
        let writer = BodyRenderer(format: .markdown) { Int($0) }
        let written = writer.blocks([.paragraph([.footnote(label: "1"), .text(":after")])]) + "\n\n[^1]: Note.\n"
        #expect(written.hasPrefix("[^1]\\:after"))
        #expect(MarkdownParser.parse(written).blocks.map(MarkdownWriterTests.merged) == [.paragraph([.footnote(label: "1"), .text(":after")])])
    }

    @Test func ordinaryTextAtTheStartOfALineIsWrittenAsItIs() {
        #expect(Self.writer.blocks([.paragraph([.text("2030 Agenda"), .softBreak, .text("and 4 more.")])]) == "2030 Agenda\nand 4 more.")
    }

    @Test func forumTextIsEscapedInTheMarkdownSummary() async throws {
        var forum = Edition.second.forum
        let hostile = "<img src=x onerror=alert(1)> & `x` *y*"
        forum.title = "Forum " + hostile
        forum.place = "New York " + hostile
        forum.edition = "2026 " + hostile
        forum.roundTables[0].coChairs = ["Atlantis " + hostile, "Ruritania"]
        forum.roundTables[0].keynote = "Keynote " + hostile
        forum.policyDebate.facilitator = "Facilitator " + hostile
        forum.document.president = "President " + hostile
        let markdown = try #require(
            try await Summary(SummaryTests.exampleWorkspace(forum)).renderedText(formats: [.md], templates: nil)[.md]
        )
        #expect(MarkdownParser.rawHTMLLines(in: markdown).isEmpty)
        #expect(markdown.contains("Co-chairs: Atlantis \\<img src=x onerror=alert(1)\\> \\& \\`x\\` \\*y\\* and Ruritania"))
        #expect(markdown.contains("\n# Forum \\<img"))
        // The letter's values too: the letter is Markdown, parsed and written again.
        #expect(markdown.contains("my summary of the Forum \\<img src=x onerror=alert(1)\\> \\& \\`x\\` \\*y\\*, held"))
        #expect(markdown.contains("**President \\<img src=x onerror=alert(1)\\> \\& \\`x\\` \\*y\\***"))
    }

    /// Texts written one after another can make an autolink's `www.` or
    /// `://` together (raw HTML the parser dropped stood between them): the
    /// autolink would take the code span after it, whose `<b>` would then
    /// stand as raw HTML. A markdown-fuzz finding (in the corpus since).
    @Test(arguments: [
        "[ w<div>ww.`<b>`", "a ww<i></i>w.x`<b>`", "see https:<i></i>//a.org`<b>`", "see https:/<i></i>/a.org`<b>`",
        "see https<i></i>://a.org`<b>`",
    ])
    func anAutolinkMadeAcrossTextsIsKeptText(note: String) {
        let markdown = MarkdownParser.parse(note).summaryMarkdown
        #expect(MarkdownParser.rawHTMLLines(in: markdown).isEmpty, "\(markdown)")
        #expect(MarkdownParser.parse(markdown).blocks.description.contains("code(\"<b>\")"), "\(markdown)")
    }

    /// Two code spans side by side (raw HTML dropped between them) are
    /// written as one: written apart, their fences would join into a run of
    /// backticks closing neither, and `<b>` would be live. Another finding.
    @Test func codeSpansSideBySideAreWrittenAsOne() {
        let markdown = MarkdownParser.parse("x `<b>a`<i>`````b`````y").summaryMarkdown
        #expect(MarkdownParser.rawHTMLLines(in: markdown).isEmpty, "\(markdown)")
        #expect(MarkdownParser.parse(markdown).blocks == [.paragraph([.text("x "), .code("<b>ab"), .text("y")])], "\(markdown)")
    }

    /// A number alone at a line's start and a `.` or `)` after it, in two
    /// texts (raw HTML dropped between them), would read back as an empty
    /// ordered list item: the number lost. The markdown fuzzer's finding.
    @Test func aNumberAndItsPeriodInTwoTextsStayText() {
        for note in ["3</b>.", "3</b>) x", "12<i>.</i>", "> 7<b>.</b>", "- 1<b>.</b>"] {
            let document = MarkdownParser.parse(note)
            let markdown = document.summaryMarkdown
            let again = MarkdownParser.parse(markdown)
            #expect(again.blocks.map(Self.merged) == document.blocks.map(Self.merged), "\(note) written as \(markdown)")
        }
        #expect(BodyRenderer.lineIsDigits("a\n123") && !BodyRenderer.lineIsDigits("a\n12a") && !BodyRenderer.lineIsDigits("1234567890"))
        #expect(!BodyRenderer.lineIsDigits("") && !BodyRenderer.lineIsDigits("x\n"))
    }

    /// A lazy line of a quote beginning with a vertical tab and `-`: written
    /// inside the quote, `w` over `\u{0B}-` read as a table whose cells cut
    /// the code span after it. Another finding of the markdown fuzzer.
    @Test func aVerticalTabAtALinesStartIsNoTableDelimiter() {
        for note in [">w\n\u{0B}-\n`|d`", "w\n\u{0C}-\nx", ">a\n\u{0B}\u{0B}-|-\nb"] {
            let document = MarkdownParser.parse(note)
            let markdown = document.summaryMarkdown
            let again = MarkdownParser.parse(markdown)
            #expect(again.blocks.map(Self.merged) == document.blocks.map(Self.merged), "\(note) written as \(markdown)")
        }
    }

    /// A line break in a table cell (`<br>`) written as Markdown's
    /// backslash and newline cut the row in two, and the cells after it were
    /// lost: a row is one line, so a break is a space there. Another finding.
    @Test func aLineBreakInATableCellKeepsTheRowWhole() {
        let document = MarkdownParser.parse("<br>|-\n-|-\n\u{0}|i")
        let markdown = document.summaryMarkdown
        let again = MarkdownParser.parse(markdown)
        #expect(MarkdownParser.rawHTMLLines(in: markdown).isEmpty)
        guard case .table(_, let rows, _) = again.blocks.first else {
            Issue.record("no table read back from \(markdown)")
            return
        }
        #expect(rows.first?.last?.map(\.plainText).joined() == "i", "\(markdown)")
    }
}
