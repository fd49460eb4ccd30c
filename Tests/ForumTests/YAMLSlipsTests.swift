import Diagnostics
import Forum
import Testing

/// The YAML slips people make, each named with its fix at the line of the file.
@Suite("YAML slips in words")
struct YAMLSlipsTests {
    /// The problem composing `text` (front matter starting on line 2 of `note.md`).
    func problem(_ text: String) -> Diagnostic? {
        do {
            _ = try YAMLSource(text: text, path: "note.md", lineOffset: 1).compose()
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test("a colon in a title: the fix is the line with the value in quotes")
    func colonInValue() throws {
        let found = try #require(problem("session: plenary\ntitle: Summary: the \"plenary\", day 2\n"))
        #expect(found.message == "a colon followed by a space inside a value: YAML reads it as the start of another key")
        #expect(found.hint == #"put the value in quotes: title: "Summary: the \"plenary\", day 2""#)
        #expect(found.location?.line == 3)
    }

    @Test("a tab in the indentation is named, at its line")
    func tab() throws {
        let found = try #require(problem("session: plenary\ntitle: x\n\tauthor: Jane\n"))
        #expect(found.message == "a tab in the indentation: YAML indents with spaces only")
        #expect(found.location?.line == 4)
        #expect(found.location?.column == 1)
    }

    @Test("a key written twice: one line naming both places, not Yams' dump")
    func duplicateKey() throws {
        let found = try #require(problem("session: plenary\ntitle: x\nauthor: Jane\nauthor: Jane Doe\n"))
        #expect(found.message == "'author' is given twice (lines 4 and 5)")
        #expect(found.hint == "keep one of them")
        #expect(found.location?.line == 5)
        #expect(!found.message.contains("\n"))
    }

    @Test("any other syntax error keeps libyaml's words, at its place")
    func otherErrors() throws {
        let found = try #require(problem("session: plenary\ntitle: [unclosed\n"))
        #expect(found.message.hasPrefix("YAML syntax error: "))
    }
}
