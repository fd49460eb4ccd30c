import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// `SimpleFrontMatter`, the front matter read without Yams, must give the
/// same notes and diagnostics as Yams on every input: where it cannot be
/// sure, it must decline.
@Suite struct SimpleFrontMatterTests {
    static let keys = ["session", "title", "author", "role", "language", "objectives", "colour", "Title", "session "]
    static let values = [
        "plenary", "round-table-1", "round-table-3", "hearing", "lunch", "Note 1", "Rapporteur 3", "Mr. Smith, Jr.",
        "Women's rights (draft)", "A & B", "a/b+c;d", "Séverine Müller", "ليلى", "中文", "yes", "No", "null", "~", "Null",
        "true", "off", "y", "1.10", "0x1F", "12", "1_000", ".inf", "\"quoted\"", "'single'", "a: b", "a #comment",
        "a#b", "trailing ", "  two spaces", "[7, 16]", "[1, 2, 24]", "[20]", "[]", "[07]", "[1,2]", "[ 1, 2 ]", "[one]",
        "[3, 300]", "{a: 1}", "&anchor x", "*alias", "!tag x", "|", ">", "- item", "?", "@at", "`tick`", "%pct",
        "x\ty", "", "Tab\t", "1990-05-17", "en", "ar", "fr-CA",
    ]

    static func frontMatter(_ random: inout SeededRandom) -> String {
        let count = Int.random(in: 0...5, using: &random)
        var lines: [String] = []
        if Bool.random(using: &random) { lines.append("session: \(["plenary", "round-table-1", "round-table-3"].randomElement(using: &random)!)") }
        // Half the notes are the usual kind (known keys, plain values), which the fast path must take.
        let usual = Bool.random(using: &random)
        for _ in 0..<count {
            let key = (usual ? keys.prefix(5) : keys[...]).randomElement(using: &random)!
            let value = (usual ? values.prefix(14) : values[...]).randomElement(using: &random)!
            let separator = usual ? ": " : [": ", ":  ", ":", " : "].randomElement(using: &random)!
            lines.append(key + separator + value)
        }
        lines.shuffle(using: &random)
        if Int.random(in: 0..<10, using: &random) == 0 { lines.insert("", at: 0) }
        if Int.random(in: 0..<10, using: &random) == 0 { lines.append("# comment") }
        return lines.joined(separator: "\n")
    }

    static func parse(_ text: String, fast: Bool) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum, simpleFrontMatter: fast)
    }

    @Test func agreesWithYamsOnGeneratedFrontMatter() {
        var random = SeededRandom(seed: 42)
        var fastPathTaken = 0
        for _ in 0..<1_500 {
            let yaml = Self.frontMatter(&random)
            let text = "---\n\(yaml)\n---\nText with a note.\n"
            let lines = NoteParser.lines(of: yaml)
            if SimpleFrontMatter.read(lines[...]) != nil { fastPathTaken += 1 }
            let fast = Self.parse(text, fast: true)
            let yams = Self.parse(text, fast: false)
            #expect(fast.note == yams.note, "\(yaml.debugDescription)")
            #expect(fast.diagnostics == yams.diagnostics, "\(yaml.debugDescription)")
        }
        // The comparison means something only if the fast path was used often.
        #expect(fastPathTaken > 250)
    }

    @Test func readsTheUsualFrontMatterWithoutYams() throws {
        let yaml =
            "session: round-table-1\ntitle: Summary of round table 1\nauthor: Co-chair (sample)\nrole: co-chair\nobjectives: [2, 24, 7]\nlanguage: fr"
        let simple = try #require(SimpleFrontMatter.read(NoteParser.lines(of: yaml)[...]))
        #expect(simple.values.session == "round-table-1")
        #expect(simple.values.objectives == [2, 24, 7])
        #expect(simple.valuePositions["session"]! == (1, 10))
        #expect(simple.objectivePositions.map(\.column) == [14, 17, 21])
        // The out-of-range and uncovered objectives point where Yams points.
        let text = "---\n\(yaml)\n---\nText.\n"
        #expect(Self.parse(text, fast: true).diagnostics == Self.parse(text, fast: false).diagnostics)
        #expect(Self.parse(text, fast: true).diagnostics.count == 2)
    }

    @Test(arguments: ["title: yes", "title: \"x\"", "title: a # b", "colour: blue", "title: x\ntitle: y", "objectives: [07]", "title: 12"])
    func declinesWhatYAMLMightReadDifferently(yaml: String) {
        #expect(SimpleFrontMatter.read(NoteParser.lines(of: yaml)[...]) == nil)
    }

    /// A note saved with Windows line ends (CRLF) reads like the same note
    /// with LF line ends; before, its first line never matched `---`.
    @Test func windowsLineEndsAreAccepted() {
        let lf = "---\nsession: plenary\ntitle: T\n---\nText.\n\n- item\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let (note, diagnostics) = NoteParser.parse(bytes: Array(crlf.utf8), path: "n.md")
        #expect(diagnostics.isEmpty)
        #expect(note?.title == "T")
        #expect(note?.body == NoteParser.parse(text: lf, path: "n.md").note?.body)
    }
}
