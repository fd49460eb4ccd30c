import Forum
import Foundation
import Testing

@testable import SummaryCompiler

/// What a reader of the summary sees, in every format (issue 21, "Outputs a
/// reader would not trip over").
@Suite struct ReaderOutputTests {
    static func outputs(_ workspace: CheckedNotes) async throws -> (md: String, html: String, document: String) {
        let summary = try Summary(workspace)
        let text = try await summary.renderedText(formats: [.md, .html], templates: SummaryTests.templates)
        let docx = try DocxTests.unzip(summary.renderDocx())
        return (try #require(text[.md]), try #require(text[.html]), try #require(docx["word/document.xml"]))
    }

    /// A Spanish or Arabic author is not followed by "(rapporteur)": a known
    /// role is printed in the note's language, left out in a language imrf
    /// has no words for, and left out when the author's name already says it.
    @Test func roleWordsFollowTheNoteLanguage() async throws {
        let workspace = try SummaryTests.exampleWorkspace(adding: [
            ("notes/zz-es.md", "---\nsession: plenary\ntitle: Nota\nauthor: Ana Pérez\nrole: rapporteur\nlanguage: es\n---\nTexto.\n"),
            ("notes/zz-ar.md", "---\nsession: plenary\ntitle: مذكرة\nauthor: سلمى\nrole: secretariat\nlanguage: ar\n---\nنص.\n"),
            ("notes/zz-de.md", "---\nsession: plenary\ntitle: Notiz\nauthor: Eva Braun\nrole: rapporteur\nlanguage: de\n---\nText.\n"),
            ("notes/zz-free.md", "---\nsession: plenary\ntitle: Nota\nauthor: Luis Gómez\nrole: moderador\nlanguage: es\n---\nTexto.\n"),
        ])
        let (md, html, document) = try await Self.outputs(workspace)
        for text in [md, html, document] {
            #expect(text.contains("Ana Pérez (relatoría)"))
            #expect(text.contains("سلمى (الأمانة العامة)"))
            #expect(text.contains("Eva Braun") && !text.contains("Eva Braun ("))
            #expect(text.contains("Luis Gómez (moderador)"))
            // The samples' authors say their role already.
            #expect(text.contains("Civil-society rapporteur (sample)") && !text.contains("(sample) (rapporteur)"))
            #expect(!text.contains("(ejemplo) (rapporteur)") && !text.contains("(مثال) (rapporteur)"))
        }
    }

    /// "Second International Migration Review Forum" is not printed under
    /// "International Migration Review Forum 2026"; a title that does not
    /// name the forum keeps that line.
    @Test func titleBlockNamesTheForumOnce() async throws {
        let (md, html, document) = try await Self.outputs(SummaryTests.exampleWorkspace())
        for text in [md, html, document] {
            #expect(text.components(separatedBy: "International Migration Review Forum").count - 1 == 1 + (text == html ? 1 : 0))
        }
        var forum = Edition.second.forum
        forum.title = "Review of the Global Compact"
        let (otherMD, otherHTML, otherDocument) = try await Self.outputs(SummaryTests.exampleWorkspace(forum))
        #expect(otherMD.contains("International Migration Review Forum 2026, United Nations Headquarters"))
        #expect(otherHTML.contains("<p>International Migration Review Forum 2026</p>\n<h1>Review of the Global Compact</h1>"))
        #expect(otherDocument.contains(">International Migration Review Forum 2026</w:t>"))
    }
}
