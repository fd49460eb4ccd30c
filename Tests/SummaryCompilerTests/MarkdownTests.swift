import Testing

@testable import SummaryCompiler

@Suite struct MarkdownParserTests {
    @Test func paragraphsEmphasisAndLists() {
        let document = MarkdownParser.parse("Hello *world* and **all**.\n\n1. one\n2. two\n")
        #expect(
            document.blocks == [
                .paragraph([.text("Hello "), .emphasis([.text("world")]), .text(" and "), .strong([.text("all")]), .text(".")]),
                .list(ordered: true, start: 1, tight: true, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
            ])
    }

    @Test func looseListsKeepTheirParagraphs() {
        let loose = MarkdownParser.parse("- a\n\n- b\n")
        #expect(loose.blocks == [.list(ordered: false, start: 0, tight: false, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]])])
        let renderer = BodyRenderer(format: .html) { _ in nil }
        #expect(renderer.blocks(loose.blocks) == "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>")
        #expect(renderer.blocks(MarkdownParser.parse("3. a\n4. b\n").blocks) == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>")
    }

    @Test func gfmExtensions() {
        let document = MarkdownParser.parse("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nsee https://example.org\n")
        #expect(document.blocks.first == .table(header: [[.text("a")], [.text("b")]], rows: [[[.text("1")], [.strikethrough([.text("2")])]]]))
        guard case .paragraph(let inlines) = document.blocks.last else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.contains(.link(destination: "https://example.org", [.text("https://example.org")])))
    }

    @Test func footnotesAreNumberedInOrderOfUse() {
        let document = MarkdownParser.parse("First[^b] then[^a].\n\n[^a]: Alpha.\n[^b]: Beta.\n")
        #expect(document.blocks == [.paragraph([.text("First"), .footnote(label: "1"), .text(" then"), .footnote(label: "2"), .text(".")])])
        #expect(document.footnotes.map(\.blocks) == [[.paragraph([.text("Beta.")])], [.paragraph([.text("Alpha.")])]])
    }

    @Test func rawHTMLAndUnsafeLinksAreDropped() {
        let document = MarkdownParser.parse("<script>alert(1)</script>\n\nClick [me](javascript:alert(1)) <b>now</b>.\n")
        #expect(document.blocks == [.paragraph([.text("Click "), .text("me"), .text(" "), .text("now"), .text(".")])])
    }

    @Test(arguments: [
        "javascript:alert(1)", " JavaScript:x", "data:text/html,x", "vbscript:x", "java\u{301}script:x", "ＨＴＴＰＳ://x", "https\u{301}://x",
        "file:///etc/passwd",
    ])
    func unsafeDestinations(destination: String) {
        #expect(!Inline.isSafe(destination: destination))
    }

    @Test(arguments: [
        "https://un.org", "http://x", "mailto:a@b", "notes/a.md", "#top", "a/b:c", " HTTPS://UN.ORG ", "MailTo:a@b", "?q=a:b", "plain", "",
    ])
    func safeDestinations(destination: String) {
        #expect(Inline.isSafe(destination: destination))
    }
}

@Suite struct BodyRendererTests {
    @Test func htmlEscapesEverything() {
        let renderer = BodyRenderer(format: .html) { _ in nil }
        #expect(renderer.blocks([.paragraph([.text("<b> & \"x\" 'y'")])]) == "<p>&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;</p>")
        #expect(
            renderer.blocks([.paragraph([.link(destination: "https://x/?a=1&b=\"2\"", [.text("x")])])])
                == "<p><a href=\"https://x/?a=1&amp;b=&quot;2&quot;\">x</a></p>")
    }

    @Test func markdownEscapesMarkup() {
        let renderer = BodyRenderer(format: .markdown) { _ in nil }
        #expect(renderer.blocks([.paragraph([.text("<script>*x*</script>")])]) == "\\<script\\>\\*x\\*\\</script\\>")
    }

    @Test func footnotesUseTheDocumentNumber() {
        let renderer = BodyRenderer(format: .markdown) { $0 == "1" ? 7 : nil }
        #expect(renderer.blocks([.paragraph([.text("a"), .footnote(label: "1"), .footnote(label: "9")])]) == "a[^7]")
    }
}
