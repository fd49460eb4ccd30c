import Diagnostics
import Forum
import Testing

/// `Forum.parse`'s messages name a value by its one key path
/// (`sessions.roundTables[1].date`, as every forum.yaml message does),
/// point at its line, and name no imrf command.
extension ForumParsingTests {
    /// The 1-based number of the first line of `yaml` that contains `text`.
    func line(of text: String, in yaml: String) -> Int {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    @Test func valuesInListsAreNamedWithTheirIndex() {
        var yaml = Edition.second.forum.yaml
        let secondTable = line(of: "- number: 2", in: yaml)
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[secondTable] = "      date: \"2026-05-55\""  // the line after `- number: 2`
        lines[secondTable + 1] = "      time: \"25:00\""
        yaml = lines.joined(separator: "\n")
            .replacingOccurrences(of: "plenary: [\"2026-05-07\", \"2026-05-08\"]", with: "plenary: [\"2026-05-07\", \"May 8\"]")
        let found = problems(yaml)
        #expect(
            found.map(\.message) == [
                "'sessions.roundTables[1].date' is not a date: '2026-05-55'",
                "'sessions.roundTables[1].time' is not a time: '25:00'",
                "'sessions.plenary[1]' is not a date: 'May 8'",
            ])
        #expect(found.map { $0.location?.line } == [secondTable + 1, secondTable + 2, line(of: "plenary:", in: yaml)])
    }

    @Test func aDueRuleThatCannotBeReadIsShownAtItsLine() {
        let yaml = Edition.second.forum.yaml + "  - id: \"briefing\"\n    title: \"Briefing\"\n    due: \"soon\"\n"
        let found = problems(yaml)
        #expect(found.map(\.message) == ["deliverable 'briefing': cannot read due rule 'soon'"])
        #expect(found.first?.location?.line == line(of: "due: \"soon\"", in: yaml))
    }

    @Test func aForumFileTooLargeSaysSoInWordsWithItsCode() throws {
        let diagnostic = try #require(Forum.tooLarge(bytes: 2_000_000, path: "forum.yaml").diagnostics.first)
        #expect(diagnostic.code == .forumTooLarge)
        #expect(!diagnostic.description.contains("imrf "))
        #expect(!diagnostic.description.contains("--"))
    }
}
