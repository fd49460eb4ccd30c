import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// Found by the `note` fuzz target: an objective number too large for an
/// `Int` overflowed in the fast front matter reader and crashed imrf.
/// It must be reported like any other bad objective, at its line.
@Suite struct FrontMatterNumberTests {
    @Test(arguments: ["26666666666666666666666666666664", "9223372036854775808", "100"])
    func aHugeObjectiveIsAnErrorNotACrash(number: String) {
        let text = "---\nsession: hearing\nobjectives: [1, \(number)]\n---\nText.\n"
        let (_, diagnostics) = NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum)
        #expect(diagnostics.contains { $0.severity == .error && $0.location?.line == 3 }, "\(diagnostics)")
    }
}

/// Found by the `note` fuzz target: Yams reads `1:2:3` as a base-60 number
/// (YAML 1.1) and overflows, crashing imrf, when it is too large for an
/// `Int`; imrf now refuses it at its line before Yams decodes it.
@Suite struct SexagesimalNumberTests {
    @Test(arguments: ["322222222222222222:2222", "1:1:1:1:1:1:1:1:1:1:1:1"])
    func aHugeBaseSixtyNumberIsAnErrorNotACrash(number: String) {
        let text = "---\nsession: hearing\nobjectives: [\(number), 8]\n---\nText.\n"
        let (_, diagnostics) = NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum)
        #expect(diagnostics.map(\.message) == ["number '\(number)' is too large"])
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func aSmallBaseSixtyNumberIsStillRead() {
        // 1:00 is 60 in YAML 1.1: outside 1-23, and reported as such.
        let text = "---\nsession: hearing\nobjectives: [1:00]\n---\nText.\n"
        let (_, diagnostics) = NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum)
        #expect(diagnostics.map(\.message) == ["objective 60 is outside 1-23"])
    }
}
