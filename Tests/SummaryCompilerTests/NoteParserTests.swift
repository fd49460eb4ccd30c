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
        #expect(bad.diagnostics.map(\.message) == ["note is not UTF-8 text"])
    }

    @Test func frontMatterProblems() {
        #expect(parse("Just text\n").diagnostics.map(\.message) == ["note has no front matter"])
        #expect(parse("---\nsession: plenary\nText\n").diagnostics.map(\.message) == ["front matter is not closed by a '---' line"])
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
        #expect(diagnostics.map(\.description.self).map { $0.split(separator: "\n")[0] } == [
            "n.md:4:1: warning: unknown front matter key 'colour'",
            "n.md:3:17: error: objective 24 is outside 1-23",
            "n.md:3:21: warning: objective 7 (Reduce vulnerabilities) is not covered by round table 1",
        ])
    }

    @Test func unknownAndMissingSession() {
        #expect(parse("---\nsession: lunch\n---\nText.\n").diagnostics.first?.description.hasPrefix("n.md:2:10: error: unknown session 'lunch'") == true)
        #expect(parse("---\ntitle: x\n---\nText.\n").diagnostics.first?.message == "missing key 'session'")
    }

    @Test func emptyBodyIsAnError() {
        let diagnostics = parse("---\nsession: plenary\n---\n\n   \n").diagnostics
        #expect(diagnostics.map(\.description) == ["n.md:4:1: error: note has no text after its front matter"])
    }

    @Test func objectivesMustBeIntegers() {
        let diagnostics = parse("---\nsession: plenary\nobjectives: [one]\n---\nText.\n").diagnostics
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.message.contains("objectives") == true)
    }
}
