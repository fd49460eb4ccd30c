import Diagnostics
import Forum
import Foundation
import Testing

@testable import SummaryCompiler

/// A right-to-left title or name inside one of the summary's own English
/// lines (the annex's "Addressed in", an author line, the co-chairs) is
/// isolated, so that the numbers and punctuation around it stay in place:
/// `<bdi>` in HTML, a run of its own marked right to left and wrapped in
/// Unicode isolates in Word.
@Suite struct BidiIsolationTests {
    /// An Arabic note whose title starts with a number (shown on the left
    /// of the Arabic, as if it ended it, without isolation), and an English
    /// note by an author with an Arabic name.
    static func workspace() throws -> CheckedNotes {
        var forum = Edition.second.forum
        forum.roundTables[0].coChairs = ["ليلى حسن", "Atlantis"]
        var workspace = SummaryTests.exampleWorkspace(forum)
        for text in [
            "---\nsession: round-table-1\ntitle: \"2030: خطة العمل (مسودة)\"\nlanguage: ar\nobjectives: [2]\n---\nنص.\n",
            "---\nsession: hearing\ntitle: Voices of 12 youth groups\nauthor: سلمى الحسيني 2\nrole: rapporteur\nobjectives: [2]\n---\nText.\n",
        ] {
            let (note, diagnostics) = NoteParser.parse(text: text, path: "notes/x.md", forum: forum)
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
            workspace.notes.append(try #require(note))
        }
        return workspace
    }

    @Test func htmlIsolatesTitlesAndNamesInBdi() async throws {
        let html = try #require(try await Summary(Self.workspace()).renderedText(formats: [.html], templates: nil)[.html])
        #expect(
            html.contains(
                "<td>Hearing: <bdi lang=\"en\" dir=\"auto\">Voices of 12 youth groups</bdi>; "
                    + "Round table 1: <bdi lang=\"en\" dir=\"auto\">Technical summary of round table 1</bdi>; "
                    + "Round table 1: <bdi lang=\"ar\" dir=\"rtl\">2030: خطة العمل (مسودة)</bdi></td>"))
        #expect(html.contains("<p class=\"meta\"><bdi>سلمى الحسيني 2</bdi> (rapporteur)</p>"))
        #expect(html.contains("Co-chairs: <bdi>ليلى حسن</bdi> and <bdi>Atlantis</bdi>"))
    }

    @Test func wordGivesEachRightToLeftPieceAnIsolatedRightToLeftRun() throws {
        let document = try #require(try DocxTests.unzip(Summary(Self.workspace()).renderDocx())["word/document.xml"])
        // The Arabic note's title: right to left by its note (RLI), in Arabic.
        #expect(
            document.contains(
                "<w:r><w:rPr><w:rtl/><w:lang w:val=\"ar\" w:bidi=\"ar\"/></w:rPr><w:t xml:space=\"preserve\">\u{2067}2030: خطة العمل (مسودة)\u{2069}</w:t></w:r>"
            ))
        // An Arabic name in an English note: right to left by its first
        // letter (FSI), in the note's language, italic as its line.
        #expect(
            document.contains(
                "<w:r><w:rPr><w:i/><w:iCs/><w:rtl/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\">\u{2068}سلمى الحسيني 2\u{2069}</w:t></w:r>"
                    + "<w:r><w:rPr><w:i/><w:iCs/><w:lang w:val=\"en\"/></w:rPr><w:t xml:space=\"preserve\"> (rapporteur)</w:t></w:r>"))
        #expect(document.contains("<w:t xml:space=\"preserve\">\u{2068}ليلى حسن\u{2069}</w:t>"))
        // Left-to-right text in a left-to-right line is left as it was.
        #expect(document.contains("<w:t xml:space=\"preserve\">Atlantis</w:t>"))
        #expect(!document.contains("\u{2068}Atlantis"))
    }

    /// Markdown is left alone: it is text to edit and convert, where
    /// invisible controls would only get in the way.
    @Test func markdownHasNoIsolates() async throws {
        let markdown = try #require(try await Summary(Self.workspace()).renderedText(formats: [.md], templates: nil)[.md])
        #expect(markdown.contains("Round table 1: 2030: خطة العمل (مسودة) |"))
        #expect(!markdown.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) })
    }

    @Test func directionByTheFirstStrongLetter() {
        #expect(TextDirection.firstStrongIsRightToLeft("2030: خطة") == true)
        #expect(TextDirection.firstStrongIsRightToLeft("UNHCR و") == false)
        #expect(TextDirection.firstStrongIsRightToLeft("2030 (1)") == nil)
        #expect(TextDirection.firstStrongIsRightToLeft("שלום") == true)
        #expect(TextDirection.containsRightToLeft("Report ٣") == false)  // Arabic-Indic digits are not letters
        #expect(TextDirection.containsRightToLeft("Report و") == true)
    }
}
