import Forum
import Testing

/// `Forum.yaml` writes any text a forum.yaml could hold so that it reads
/// back unchanged: line breaks, tabs, control characters, quotes and
/// backslashes are escaped inside the double-quoted YAML strings.
@Suite struct ForumWriterTests {
    @Test(arguments: [
        "two\nlines", "carriage\rreturn", "tab\there", "bell\u{7}", "quote \" and \\ backslash",
        "next\u{85}line", "line\u{2028}separator", "  spaces  ", "# not a comment", "nul\u{0}", "bom\u{FEFF}", "é ✓ 🇺🇳",
    ])
    func textRoundTrips(text: String) throws {
        var forum = Edition.second.forum
        forum.title = text
        forum.policyDebate.facilitator = text
        forum.roundTables[0].coChairs = [text, "plain"]
        forum.roundTables[1].keynote = text
        #expect(try Forum.parse(yaml: forum.yaml, path: "forum.yaml") == forum)
    }
}
