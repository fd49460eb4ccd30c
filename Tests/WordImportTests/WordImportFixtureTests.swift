import Diagnostics
import Foundation
import IMRFTestSupport
import SummaryCompiler
import Testing
import WordImport

/// The .docx files LibreOffice made from the sources beside them (Fixtures/make.sh).
@Suite("Word import of LibreOffice's files")
struct WordImportFixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func imported(_ name: String, _ options: WordImportOptions = WordImportOptions(session: "round-table-2")) throws -> ImportedNote {
        try WordImport.note(from: fixture(name), path: name, options: options)
    }

    /// The body after the front matter.
    static func body(_ note: ImportedNote) -> String {
        let parts = note.markdown.components(separatedBy: "---\n")
        return parts.dropFirst(2).joined(separator: "---\n")
    }

    @Test func elementsBecomeTheirMarkdown() throws {
        let note = try Self.imported("elements.docx")
        let body = Self.body(note)
        #expect(body.contains("# Key messages\n"))
        #expect(body.contains("## Costs of remittances\n"))
        #expect(body.contains("### Line breaks and spaces\n"))
        #expect(body.contains("Plain text with **bold words**, *italic words*, ~~struck words~~ and *underlined words*."))
        #expect(
            body.contains(
                "Markdown syntax stays text: \\*stars\\*, \\_underscores\\_, \\[brackets\\], \\<tag\\>, \\`ticks\\`, a\\|pipe, \\#hash, \\~tilde\\~ and \\&amp;."
            ))
        #expect(body.contains("\n1\\. not a list at the start\n"))
        #expect(body.contains("\n\\# not a heading\n"))
        #expect(
            body.contains("See [the UN site](<https://www.un.org/en/migration>), write to [the office](<mailto:pga@un.org>), or open a local file."))
        #expect(body.contains("First line\\\nsecond line"))
        #expect(body.contains("“Smart quotes” and ‘single’, 10\u{00A0}000 migrants, an em dash — here."))
        #expect(body.contains("- First bullet\n  - Nested bullet\n- Second bullet\n"))
        #expect(body.contains("1. First step\n2. Second step\n   1. Sub-step\n3. Third step"))
        #expect(body.contains("| Country | Cost | Note |\n| --- | --- | --- |\n| Mexico | 5\\.1 % | a\\|b |\n| Merged across |  | end |"))
        #expect(
            note.markdown.hasPrefix(
                "---\nsession: \"round-table-2\"\ntitle: \"Round table 2: remittances\"\nauthor: \"Jane Rapporteur\"\nlanguage: \"en-US\"\n---\n"))
        let messages = note.diagnostics.map(\.message)
        #expect(
            messages.contains {
                $0.hasPrefix("paragraph 7 (“See the UN site, write to…”): a link to")
                    && $0.hasSuffix("was kept as text: only http, https and mailto links are kept")
            })
        #expect(messages.contains("paragraph 18 (“Country”): a table's merged cells were split: the text is in the first of them"))
        #expect(note.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func elementsReadBackAsANoteWithTheirText() throws {
        let note = try Self.imported("elements.docx")
        let (parsed, diagnostics) = NoteParser.parse(text: note.markdown, path: "elements.md")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let document = try #require(parsed?.document)
        guard case .table(let header, let rows, _) = document.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table")
            return
        }
        #expect(header.map { $0.map(\.plainText).joined() } == ["Country", "Cost", "Note"])
        #expect(rows[0].map { $0.map(\.plainText).joined() } == ["Mexico", "5.1 %", "a|b"])
        let text = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines) = block { return inlines.map(\.plainText).joined() }
            return nil
        }
        #expect(text.contains("Markdown syntax stays text: *stars*, _underscores_, [brackets], <tag>, `ticks`, a|pipe, #hash, ~tilde~ and &amp;."))
        #expect(text.contains("1. not a list at the start"))
        #expect(text.contains("# not a heading"))
    }

    @Test func spanishNoteKeepsRenamedHeadingsFootnotesEndnotesAndPictures() throws {
        let note = try Self.imported("spanish.docx", WordImportOptions(session: "round-table-3", picturePrefix: "mesa-3"))
        let body = Self.body(note)
        #expect(
            note.markdown.hasPrefix(
                "---\nsession: \"round-table-3\"\ntitle: \"Mesa redonda 3: remesas\"\nauthor: \"Ana Relatora\"\nlanguage: \"es-ES\"\n---\n"))
        #expect(
            body.hasPrefix(
                "# Mensajes clave\n\n¿Cuánto cuesta enviar dinero? ¡Demasiado! El costo medio es del 6,2 %[^1] según el informe.\n\n## Recomendaciones\n"
            ))
        #expect(body.contains("Los Estados deberían reducir los costos a menos del 3 %.[^2]"))
        #expect(body.contains("Gráfico: ![Costo de las remesas](mesa-3-1.png)"))
        #expect(body.hasSuffix("[^1]: Banco Mundial, Remittance Prices Worldwide, 2026.\n\n[^2]: Meta 10.c de los ODS.\n"))
        #expect(note.pictures.map(\.name) == ["mesa-3-1.png"])
        #expect(note.pictures.first?.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
        let messages = note.diagnostics.map(\.message)
        #expect(messages.contains("paragraph 4 (“Los Estados deberían reducir los costos…”): a comment by Luis Revisor: “¿Fuente?” was dropped"))
        #expect(messages.contains("paragraph 6 (“Un recuadro:”): a text box was left out"))
    }

    @Test func arabicNoteIsRightToLeftThroughItsLanguage() throws {
        let note = try Self.imported("arabic.docx")
        #expect(note.markdown.contains("language: \"ar-SA\"\n"))
        #expect(note.markdown.contains("title: \"المائدة المستديرة ١\"\n"))
        #expect(Self.body(note).hasPrefix("# الرسائل الرئيسية\n\nناقش المشاركون تكاليف التحويلات المالية[^1] وحماية المهاجرين.\n"))
        #expect(Self.body(note).hasSuffix("[^1]: البنك الدولي، ٢٠٢٦.\n"))
        #expect(note.diagnostics.isEmpty, "\(note.diagnostics)")
        let (parsed, _) = NoteParser.parse(text: note.markdown, path: "arabic.md")
        #expect(parsed?.isRightToLeft == true)
    }

    @Test func theLanguageGivenWinsAndAWrongDirectionIsSaid() throws {
        let note = try Self.imported("arabic.docx", WordImportOptions(session: "hearing", language: "en"))
        #expect(note.markdown.contains("language: \"en\"\n"))
        #expect(
            note.diagnostics.map(\.message) == [
                "paragraph 1 (“الرسائل الرئيسية”) and 2 more: written right to left, but the note's language (en) is written left to right"
            ])
    }
}
