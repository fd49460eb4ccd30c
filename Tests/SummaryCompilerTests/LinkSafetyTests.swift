import Testing

@testable import SummaryCompiler

/// Links that name another host without a scheme: `//host/...` and Windows
/// UNC paths (`\\host\share`). A browser resolves them against the page (a
/// summary opened from disk makes them `file://host/...`), Word opens them
/// as network paths; on Windows either sends the user's network login to
/// that host. They lose their link, as `file:` links do.
@Suite struct LinkSafetyTests {
    static let networkPaths = [
        "//host/share", "\\\\host\\share", "/\\host/share", "\\/host", "\\\\host", " //host",
        "%5C%5Chost%5Cshare", "%5c%5chost", "%2F%2Fhost/x", "/%2Fhost", "%255C%255Chost",
        "\t//host", "/\t/host", "/\n/host", "\\\\?\\UNC\\host\\share", "%09//host",
    ]

    @Test(arguments: networkPaths) func aNetworkPathIsNotSafe(destination: String) {
        #expect(!Inline.isSafe(destination: destination))
    }

    @Test(arguments: ["notes/a.md", "/abs/path", "#fn1", "?q=1", "a//b", "a\\\\b", "https://example.org//x", "mailto:a@b.org", "%41bc", ""])
    func otherRelativeAndWebLinksStaySafe(destination: String) {
        #expect(Inline.isSafe(destination: destination))
    }

    @Test func aNoteLinkingToAShareKeepsOnlyItsText() {
        // In Markdown `\\` is one backslash: the first destination is \\host\share.
        let document = MarkdownParser.parse("See [the share](\\\\\\\\host\\share), [that](//host/x), [this](%5C%5Chost).\n")
        let html = BodyRenderer(format: .html) { _ in nil }.blocks(document.blocks)
        #expect(html == "<p>See the share, that, this.</p>")
    }
}
