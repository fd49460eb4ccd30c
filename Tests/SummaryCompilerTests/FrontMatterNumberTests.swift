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
