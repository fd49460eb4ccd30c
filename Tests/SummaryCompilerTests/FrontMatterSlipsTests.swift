import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// What people type by hand or in Word in a note's front matter, each said
/// at its line in a person's words (README, "Note format").
@Suite("front matter slips")
struct FrontMatterSlipsTests {
    func parse(_ front: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(text: "---\n\(front)\n---\nText.\n", path: "n.md", forum: Edition.second.forum)
    }

    @Test("a plain value cut by ' #' is read as YAML reads it, with a warning at the '#' that suggests quotes")
    func comment() throws {
        let (note, diagnostics) = parse("session: hearing\ntitle: Summary #2 of the round table")
        #expect(note?.title == "Summary")
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "'#' after a space begins a comment in YAML: 'title' is read as 'Summary', without '#2 of the round table'")
        #expect(warning.location == SourceLocation(path: "n.md", line: 3, column: 16))
        #expect(warning.hint == "put the value in quotes: title: \"Summary #2 of the round table\"")
        // Quoted, a list, a '#' without a space before it: no warning.
        for fine in ["title: \"Summary #2\"", "title: 'Summary #2'", "title: Summary#2", "objectives: [4] # the first"] {
            #expect(parse("session: hearing\n\(fine)").diagnostics.isEmpty, "\(fine)")
        }
    }

    @Test("Word's curly quotes around a value are removed, with a warning")
    func curlyQuotes() throws {
        let (note, diagnostics) = parse("session: hearing\nauthor: “Jane Doe”\ntitle: «Le résumé»")
        #expect(note?.author == "Jane Doe")
        #expect(note?.title == "Le résumé")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("curly quotes") })
        #expect(Set(diagnostics.compactMap(\.location?.line)) == [3, 4])
        // Quotes inside the text stay.
        #expect(parse("session: hearing\ntitle: The “whole-of-society” approach").note?.title == "The “whole-of-society” approach")
        #expect(parse("session: hearing\ntitle: “Safe” and “orderly”").note?.title == "“Safe” and “orderly”")
    }

    @Test("a no-break space is named with its line and column")
    func noBreakSpace() throws {
        let (note, diagnostics) = parse("session: hearing\nauthor: Jane\u{00A0}Doe")
        #expect(note?.author == "Jane\u{00A0}Doe", "kept: nothing is silently altered")
        let warning = try #require(diagnostics.first)
        #expect(warning.message.hasPrefix("a no-break space (U+00A0, as Word types it) at line 3, column 13"))
        #expect(warning.location == SourceLocation(path: "n.md", line: 3, column: 13))
    }

    @Test(
        "objectives written as one number or as a sentence are read as the list they mean, with a warning",
        arguments: [("7", [7]), ("14, 15, 16", [14, 15, 16]), ("\"14, 15, 16\"", [14, 15, 16]), ("'3 5'", [3, 5])])
    func objectivesForms(written: String, read: [Int]) throws {
        let (note, diagnostics) = parse("session: plenary\nobjectives: \(written)")
        #expect(note?.objectives == read)
        let list = "[" + read.map(String.init).joined(separator: ", ") + "]"
        #expect(diagnostics.map(\.message) == ["objectives read as \(list)"])
        #expect(diagnostics.first?.hint == "write them as a list: objectives: \(list)")
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test("objectives that are not numbers: an error naming which, in words, never 'expected a mapping' or 'objectives[1]'")
    func objectivesErrors() throws {
        let element = parse("session: plenary\nobjectives: [14, x]").diagnostics
        #expect(element.map(\.message) == ["the second objective, 'x', is not a number"])
        #expect(element.first?.location == SourceLocation(path: "n.md", line: 3, column: 18))
        #expect(element.first?.hint?.contains("objectives: [14, 15, 16]") == true)
        for bad in ["some", "{a: 1}", "[[1]]"] {
            let diagnostics = parse("session: plenary\nobjectives: \(bad)").diagnostics
            #expect(diagnostics.allSatisfy { !$0.message.contains("mapping") && !$0.message.contains("[") }, "\(bad): \(diagnostics)")
            #expect(diagnostics.contains { $0.severity == .error }, "\(bad)")
        }
    }

    @Test("Word's dash in place of '---' is named; a front matter not closed is reported where it seems to end")
    func fences() throws {
        let dash = NoteParser.parse(text: "—\nsession: hearing\n—\nText.\n", path: "n.md").diagnostics
        #expect(dash.map(\.message) == ["note has no front matter"])
        #expect(dash.first?.hint == "the line '—' holds an em dash (—), as Word's AutoFormat makes of '---': type three hyphens, '---'")
        let closing = NoteParser.parse(text: "---\nsession: hearing\n– – –\nText.\n", path: "n.md").diagnostics
        #expect(closing.first?.location?.line == 3)
        #expect(closing.first?.hint?.contains("an en dash (–)") == true)
        let open = NoteParser.parse(text: "---\nsession: hearing\ntitle: T\n\nThe text.\n", path: "n.md").diagnostics
        #expect(open.map(\.message) == ["front matter is not closed by a '---' line"])
        #expect(open.first?.location?.line == 4)
        #expect(open.first?.hint == "the front matter seems to end before line 4: put a line '---' there, after its last 'key: value' line")
    }
}
