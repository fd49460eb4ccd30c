import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// Lines end at LF, CR LF or a lone CR, as in CommonMark and YAML, so that
/// every line number in a diagnostic is the line a text editor shows.
/// Found by the `note` fuzz target: lone CRs in the front matter shifted
/// the body's line numbers, and a note saved with CR line endings had "no
/// front matter".
@Suite struct NoteLineEndingTests {
    func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(bytes: Array(text.utf8), path: "n.md", forum: Edition.second.forum)
    }

    @Test func aNoteWithCarriageReturnLineEndingsIsRead() {
        let (note, diagnostics) = parse("---\rsession: plenary\rtitle: T\r---\rText.\r")
        #expect(diagnostics.isEmpty)
        #expect(note?.title == "T")
        #expect(note?.bodyLine == 5)
    }

    @Test func loneCarriageReturnsInTheFrontMatterCountAsLines() {
        let (note, diagnostics) = parse("---\nsession: plenary\r\rcolour: blue\r\n---\nText.\n")
        #expect(diagnostics.map(\.location?.line) == [4])
        #expect(note?.bodyLine == 6)
        let deep = parse("---\nsession: plenary\r\r---\nIntro.\n\n" + String(repeating: ">", count: 200) + " deep\n")
        #expect(deep.diagnostics.map(\.location?.line) == [7])
    }

    @Test func yamlLineSeparatorsInAValueDoNotShiftLines() {
        // YAML 1.1 (libyaml) also breaks lines at NEL, LS and PS; an editor
        // and CommonMark do not. The value keeps its character (NEL, a
        // control character, is refused in values: it ends a comment here).
        let (note, diagnostics) = parse("---\nsession: plenary\ntitle: \"a\u{2028}b\u{2029}c\" # d\u{85}\ncolour: blue\n---\nText.\n")
        #expect(diagnostics.map(\.location?.line) == [4])
        #expect(note?.title?.unicodeScalars.contains("\u{2028}") == true)
    }
}
