import Diagnostics
import Forum
import Testing

/// `Forum.yaml` writes any text a forum.yaml may hold so that it reads
/// back unchanged: tabs, line separators, quotes and backslashes are
/// escaped inside the double-quoted YAML strings. Control characters are
/// written as escapes too, and `parse` refuses them.
@Suite struct ForumWriterTests {
    @Test(arguments: [
        "tab\there", "quote \" and \\ backslash", "line\u{2028}separator", "  spaces  ", "# not a comment",
        "bom\u{FEFF}", "é ✓ 🇺🇳", "\u{200F}مرحبا",
    ])
    func textRoundTrips(text: String) throws {
        var forum = Edition.second.forum
        forum.title = text
        forum.policyDebate.facilitator = text
        forum.roundTables[0].coChairs = [text, "plain"]
        forum.roundTables[1].keynote = text
        #expect(try Forum.parse(yaml: forum.yaml, path: "forum.yaml") == forum)
    }

    @Test(arguments: ["two\nlines", "carriage\rreturn", "bell\u{7}", "next\u{85}line", "nul\u{0}", "\u{1B}[2J"])
    func controlCharactersAreWrittenAsEscapesAndRefused(text: String) throws {
        var forum = Edition.second.forum
        forum.title = text
        #expect(!forum.yaml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(throws: DiagnosticFailure.self) { try Forum.parse(yaml: forum.yaml, path: "forum.yaml") }
    }
}
