import Forum
import Foundation
import Testing

@testable import SummaryCompiler

/// Footnotes that cite footnotes, in two notes: every footnote gets its own
/// number across the document, in every format. (Counting the note's
/// footnotes twice once used to give a, b, c, d the numbers 1, 2, 3, 5 and
/// the next note's first footnote 5 again: two `[^5]:` in summary.md, two
/// `<w:footnote w:id="5">` in the .docx.)
@Suite struct NestedFootnoteTests {
    static let body = """
        Statement[^a] and reply[^b].

        [^a]: A source, itself citing[^c].

        [^b]: Another, citing[^d].

        [^c]: The first nested source.

        [^d]: The second nested source.
        """

    static func workspace() -> CheckedNotes {
        let forum = Edition.second.forum
        let notes = ["one", "two"].compactMap { name in
            let text = "---\nsession: plenary\ntitle: Note \(name)\n---\n\(body)\n"
            return NoteParser.parse(text: text, path: "notes/\(name).md", forum: forum).note
        }
        return CheckedNotes(folder: ".", forum: forum, notes: notes, diagnostics: [])
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func markdownAndHTMLNumberEveryFootnoteOnce() async throws {
        let workspace = Self.workspace()
        #expect(workspace.notes.count == 2)
        let outputs = try await Summary(workspace).renderedText(formats: [.md, .html], templates: nil)
        let markdown = try #require(outputs[.md])
        let html = try #require(outputs[.html])
        for number in 1...8 {
            #expect(Self.count("[^\(number)]:", in: markdown) == 1, "footnote \(number) in summary.md")
            #expect(Self.count("id=\"fn\(number)\"", in: html) == 1, "footnote \(number) in summary.html")
        }
        #expect(Self.count("[^9]:", in: markdown) == 0)
        #expect(Self.count("id=\"fn9\"", in: html) == 0)
    }

    @Test func wordGivesEveryFootnoteItsOwnId() throws {
        let parts = try DocxTests.unzip(Summary(Self.workspace()).renderDocx())
        let footnotes = try #require(parts["word/footnotes.xml"])
        for id in 1...8 {
            #expect(Self.count("<w:footnote w:id=\"\(id)\">", in: footnotes) == 1, "footnote id \(id)")
        }
        #expect(Self.count("<w:footnote w:id=\"9\">", in: footnotes) == 0)
    }

    /// The back-link of a footnote goes to its first reference; a second
    /// reference links to the footnote but carries no id of its own.
    @Test func aFootnoteCitedTwiceAnchorsItsFirstReferenceOnly() async throws {
        let forum = Edition.second.forum
        let text = "---\nsession: plenary\n---\nOne[^a], again[^a], and[^b].\n\n[^a]: Alpha, citing[^b].\n\n[^b]: Beta.\n"
        let note = try #require(NoteParser.parse(text: text, path: "notes/twice.md", forum: forum).note)
        let workspace = CheckedNotes(folder: ".", forum: forum, notes: [note], diagnostics: [])
        let html = try #require(try await Summary(workspace).renderedText(formats: [.html], templates: nil)[.html])
        #expect(Self.count("id=\"fnref1\"", in: html) == 1)
        #expect(Self.count("id=\"fnref2\"", in: html) == 1)
        #expect(Self.count("href=\"#fn1\"", in: html) == 2)
        #expect(Self.count("href=\"#fn2\"", in: html) == 2)
        #expect(Self.count("href=\"#fnref1\"", in: html) == 1)
    }
}
