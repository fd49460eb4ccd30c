import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import IMRFTestSupport
import Testing
import WorkingDays

@testable import SummaryCompiler

@Suite struct SummaryTests {
    static var templates: String { repositoryRoot.appendingPathComponent("Templates").path }
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The sample notes of `init --example`, parsed, as a workspace.
    static func exampleWorkspace(_ forum: Forum = Edition.second.forum) -> CheckedNotes {
        var notes: [Note] = []
        var diagnostics: [Diagnostic] = []
        for sample in SampleNotes.all {
            let (note, found) = NoteParser.parse(text: sample.content, path: "notes/" + sample.name, forum: forum)
            notes += note.map { [$0] } ?? []
            diagnostics += found
        }
        return CheckedNotes(folder: ".", forum: forum, notes: notes, diagnostics: diagnostics)
    }

    /// The example workspace with `notes` (path and text) added, each
    /// expected to parse without an error (a warning, such as for an
    /// undefined footnote a test writes on purpose, is allowed).
    static func exampleWorkspace(adding notes: [(path: String, text: String)]) throws -> CheckedNotes {
        let forum = Edition.second.forum
        var workspace = exampleWorkspace(forum)
        for (path, text) in notes {
            let (note, found) = NoteParser.parse(text: text, path: path, forum: forum)
            #expect(!found.contains { $0.severity == .error }, "\(path): \(found)")
            workspace.notes.append(try #require(note))
        }
        return workspace
    }

    @Test func sampleNotesAreClean() {
        let workspace = Self.exampleWorkspace()
        #expect(workspace.diagnostics.isEmpty)
        #expect(Set(workspace.notes.map(\.session)) == Set(Session.allCases))
        #expect(workspace.notes.contains { $0.language == "ar" })
        #expect(workspace.notes.contains { $0.language == "es" || $0.language == "fr" })
    }

    /// Golden files catch a misspelled template variable (it renders as
    /// nothing). Regenerate with IMRF_UPDATE_GOLDEN=1 and review the diff.
    /// The letter form (the default) and the official form, each dated
    /// the day the 2026 summaries were due (else the day of the test).
    @Test(arguments: Summary.Format.textFormats, DocumentSettings.Form.allCases)
    func matchesGoldenFile(format: Summary.Format, form: DocumentSettings.Form) async throws {
        var forum = Edition.second.forum
        forum.document.form = form
        if form == .official { forum.document.symbol = "A/80/000" }
        var summary = try Summary(Self.exampleWorkspace(forum))
        summary.date = CivilDate(year: 2026, month: 5, day: 22)!
        let outputs = try await summary.renderedText(formats: [format], templates: Self.templates)
        let text = try #require(outputs[format])
        let file = Self.golden.appendingPathComponent("summary-2026\(form == .letter ? "" : "-official").\(format.rawValue)")
        if ProcessInfo.processInfo.environment["IMRF_UPDATE_GOLDEN"] != nil {
            try Data(text.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected)
    }

    /// The Word document's body and footnotes in both forms, a paragraph,
    /// table and row to a line (the parts are one line each) so that a
    /// change reads as a diff. Regenerate as above; look at the document in
    /// LibreOffice (Tests/Office/docx_in_libreoffice.sh) before accepting one.
    @Test(arguments: DocumentSettings.Form.allCases)
    func docxMatchesGoldenFiles(form: DocumentSettings.Form) throws {
        var forum = Edition.second.forum
        forum.document.form = form
        if form == .official { forum.document.symbol = "A/80/000" }
        var summary = try Summary(Self.exampleWorkspace(forum))
        summary.date = CivilDate(year: 2026, month: 5, day: 22)!
        let parts = try DocxTests.unzip(summary.renderDocx())
        for part in ["document", "footnotes"] {
            let xml = try #require(parts["word/\(part).xml"])
            var lines = xml
            for opening in ["<w:p>", "<w:p ", "<w:tbl>", "<w:tr>", "<w:footnote ", "<w:sectPr>"] {
                lines = lines.replacingOccurrences(of: opening, with: "\n" + opening)
            }
            let file = Self.golden.appendingPathComponent("summary-2026\(form == .letter ? "" : "-official").docx.\(part).xml")
            if ProcessInfo.processInfo.environment["IMRF_UPDATE_GOLDEN"] != nil {
                try Data((lines + "\n").utf8).write(to: file)
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(lines + "\n" == expected, "word/\(part).xml differs from \(file.lastPathComponent)")
        }
    }

    /// The fuzz harness renders on its own thread: what it checks must be
    /// what `imrf compile` writes.
    @Test func renderedSynchronouslyAsRenderFilesWritesIt() async throws {
        let summary = try Summary(Self.exampleWorkspace())
        let files = try await summary.renderFiles(formats: [.md, .html, .docx], templates: nil)
        for format in [Summary.Format.md, .html, .docx] {
            #expect(try summary.renderSynchronously(format) == files[format], "\(format)")
        }
    }

    @Test func tableOfContentsListsEverySectionWithItsAnchor() async throws {
        let outputs = try await Summary(Self.exampleWorkspace()).renderedText(formats: Summary.Format.allCases, templates: Self.templates)
        let html = try #require(outputs[.html])
        let markdown = try #require(outputs[.md])
        let contents = try #require(html.range(of: "<h2 id=\"contents\">Contents</h2>"))
        let main = try #require(html.range(of: "<main>"))
        #expect(contents.upperBound < main.lowerBound)
        for (index, session) in Session.allCases.enumerated() {
            let heading = "\(Summary.roman(index + 1)). \(session.displayName)"
            #expect(html.contains("<li><a href=\"#\(session.rawValue)\">\(heading)</a></li>"))
            #expect(html.contains("<section id=\"\(session.rawValue)\">"))
            #expect(markdown.contains("\n- \(heading)\n"))
        }
        #expect(html.contains("<li><a href=\"#annex\">") && html.contains("<section class=\"annex\" id=\"annex\">"))
        #expect(markdown.contains("## Contents\n"))
    }

    /// The built-in templates are Templates/ as it stands: every file, byte for
    /// byte. A template added to the folder but not to Package.swift's
    /// `.embedInCode` list fails here.
    @Test func builtInTemplatesAreTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.templates).filter { $0.hasSuffix(".mustache") }
        #expect(Set(BuiltInTemplates.all.keys) == Set(files.map { String($0.dropLast(".mustache".count)) }))
        for (name, text) in BuiltInTemplates.all {
            let file = try Data(contentsOf: URL(fileURLWithPath: Self.templates + "/\(name).mustache"))
            #expect(Array(text.utf8) == Array(file), "Templates/\(name).mustache and the built-in copy differ")
        }
    }

    @Test func builtInTemplatesRenderLikeTheFiles() async throws {
        let summary = try Summary(Self.exampleWorkspace())
        let files = try await summary.renderedText(formats: Summary.Format.allCases, templates: Self.templates)
        let builtIn = try await summary.renderedText(formats: Summary.Format.allCases, templates: nil)
        #expect(files == builtIn)
    }

    @Test func coChairsKeynoteAndEscapedForumText() async throws {
        var forum = Edition.first.forum
        forum.roundTables[0].coChairs = ["Atlantis", "Ruritania <b>"]
        forum.roundTables[0].keynote = "A keynote speaker & guest"
        let outputs = try await Summary(Self.exampleWorkspace(forum)).renderedText(formats: [.html, .md], templates: Self.templates)
        let html = try #require(outputs[.html])
        #expect(html.contains("Co-chairs: <bdi>Atlantis</bdi> and <bdi>Ruritania &lt;b&gt;</bdi>"))
        #expect(html.contains("Keynote: <bdi>A keynote speaker &amp; guest</bdi>"))
        #expect(html.contains("<h1>First International Migration Review Forum</h1>"))
        let markdown = try #require(outputs[.md])
        #expect(markdown.contains("Co-chairs: Atlantis and Ruritania \\<b\\>"))
        #expect(markdown.contains("17 to 20 May 2022"))
    }

    /// A note's front matter may leave out its title or its author's role:
    /// the templates' `{{#role}} ({{role}}){{/role}}` must then print
    /// nothing, not "Rapporteur ()" (an absent value used to reach the
    /// templates as an empty text, which opens a section).
    /// The number the Markdown output gives the paragraph that starts with `text` (`12\\. text`).
    static func paragraphNumber(before text: String, in markdown: String) -> Int? {
        guard let range = markdown.range(of: "\\. " + text) else { return nil }
        return Int(markdown[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed().map(String.init).joined())
    }

    @Test func absentTitleAndRoleLeaveNoEmptyMarkup() async throws {
        let workspace = try Self.exampleWorkspace(adding: [
            ("notes/untitled.md", "---\nsession: plenary\nauthor: Delegation of Atlantis\n---\nA statement without title or role.\n")
        ])
        let outputs = try await Summary(workspace).renderedText(formats: [.html, .md], templates: Self.templates)
        let html = try #require(outputs[.html])
        let markdown = try #require(outputs[.md])
        let number = try #require(Self.paragraphNumber(before: "A statement without title or role.", in: markdown))
        #expect(
            html.contains(
                "<p class=\"meta\"><bdi>Delegation of Atlantis</bdi></p>\n<p class=\"numbered\" id=\"paragraph-\(number)\">"
                    + "<span class=\"paragraph-number\">\(number).</span> A statement without title or role.</p>"))
        #expect(markdown.contains("\n*Delegation of Atlantis*\n\n\(number)\\. A statement without title or role.\n"))
        #expect(!html.contains("()") && !markdown.contains("()"))
        #expect(!html.contains("<h3></h3>") && !markdown.contains("### \n"))
    }

    /// The HTML template's values are escaped on their bytes: a quote or an
    /// angle bracket followed by a combining accent (one `Character` with it)
    /// is escaped like any other; swift-mustache's own escaping let it through.
    @Test func markupFollowedByACombiningAccentIsEscapedInHTML() async throws {
        let workspace = try Self.exampleWorkspace(adding: [
            ("notes/zz-accent.md", "---\nsession: plenary\ntitle: \"Quote \\\"\u{301} and <\u{301}b>\"\nauthor: \"A&\u{301}B\"\n---\nA statement.\n")
        ])
        let html = try #require(try await Summary(workspace).renderedText(formats: [.html], templates: Self.templates)[.html])
        #expect(html.contains(". Quote &quot;\u{301} and &lt;\u{301}b&gt;</h3>"))
        #expect(html.contains("<p class=\"meta\"><bdi>A&amp;\u{301}B</bdi></p>"))
    }

    /// The annex names, for each objective, the notes that list it, in
    /// document order; a note's title is escaped like any text (a `|` would
    /// split the Markdown table's cell).
    @Test func annexNamesTheNotesAddressingEachObjective() async throws {
        let workspace = try Self.exampleWorkspace(adding: [
            ("notes/zz-remittances.md", "---\nsession: plenary\ntitle: Remittances | costs <2%>\nobjectives: [20]\n---\nA statement.\n")
        ])
        let summary = try Summary(workspace)
        #expect(
            summary.notesAddressing[7] == ["Hearing: Summary of the multistakeholder hearing", "Round table 4: تقرير تقني عن المائدة المستديرة 4"])
        #expect(summary.notesAddressing[20] == ["Round table 3: Technical summary of round table 3", "Plenary: Remittances | costs <2%>"])
        let outputs = try await summary.renderedText(formats: [.html, .md], templates: Self.templates)
        let html = try #require(outputs[.html])
        let markdown = try #require(outputs[.md])
        #expect(html.contains("<th>Round table</th><th>Addressed in</th>"))
        #expect(
            html.contains(
                "<td>3</td><td>Round table 3: <bdi lang=\"en\" dir=\"auto\">Technical summary of round table 3</bdi>; "
                    + "Plenary: <bdi lang=\"en\" dir=\"auto\">Remittances | costs &lt;2%&gt;</bdi></td></tr>"))
        #expect(markdown.contains("| Round table | Addressed in |\n|---|---|---|---|---|\n"))
        #expect(
            markdown.contains("| Remittances | 3 | Round table 3: Technical summary of round table 3; Plenary: Remittances \\| costs \\<2%\\> |\n"))
    }

    @Test func anObjectiveNoNoteAddressesShowsADash() throws {
        var workspace = Self.exampleWorkspace()
        workspace.notes = workspace.notes.map {
            var note = $0
            note.objectives = []
            return note
        }
        let summary = try Summary(workspace)
        #expect(summary.notesAddressing.isEmpty)
        #expect(Summary.addressedBy(summary.notesAddressing[1]) == "-")
    }

    /// The plenary's notes follow its segments (a note naming none first),
    /// each showing its segment under its title; the other sessions keep
    /// file order.
    @Test func plenaryNotesFollowTheirSegments() async throws {
        let workspace = try Self.exampleWorkspace(
            adding: [("a-closing", "closing"), ("b-debate", "general-debate"), ("c-opening", "opening")].map {
                (name, segment) in ("notes/\(name).md", "---\nsession: plenary\ntitle: Note \(name)\nsegment: \(segment)\n---\nOn the \(segment).\n")
            })
        let plenary = try #require(workspace.noteIndicesBySession[.plenary]).map { workspace.notes[$0].title }
        #expect(plenary == ["Notes on the plenary", "Note c-opening", "Note b-debate", "Note a-closing"])
        let outputs = try await Summary(workspace).renderedText(formats: [.html, .md], templates: Self.templates)
        let html = try #require(outputs[.html])
        let markdown = try #require(outputs[.md])
        #expect(html.contains(". Note c-opening</h3>\n<p class=\"meta\">Opening segment</p>\n"))
        let number = try #require(Self.paragraphNumber(before: "On the general-debate.", in: markdown))
        #expect(markdown.contains(". Note b-debate\n\n*General debate*\n\n\(number)\\. On the general-debate.\n"))
        let order = ["Note c-opening", "Note b-debate", "Note a-closing"].map { try? #require(html.range(of: $0)).lowerBound }
        #expect(order == order.sorted { ($0 ?? html.startIndex) < ($1 ?? html.startIndex) })
        #expect(!html.contains("<p class=\"meta\"></p>"))
    }

    @Test func summaryRefusesAWorkspaceWithErrors() {
        var workspace = Self.exampleWorkspace()
        workspace.diagnostics = [.error("broken", at: SourceLocation(path: "notes/x.md", line: 2, column: 1))]
        #expect(throws: DiagnosticFailure.self) { try Summary(workspace) }
    }

    @Test func dateRanges() {
        let may8 = CivilDateFixture.date("2026-05-08")
        #expect(Summary.dateRange(CivilDateFixture.date("2026-05-05"), may8) == "5 to 8 May 2026")
        #expect(Summary.dateRange(CivilDateFixture.date("2026-04-30"), may8) == "30 April to 8 May 2026")
        #expect(Summary.dateRange(may8, may8) == "8 May 2026")
    }
}

extension Summary {
    /// The text formats among `formats` as `renderFiles` renders them, decoded.
    func renderedText(formats: [Format], templates: String?) async throws -> [Format: String] {
        let files = try await renderFiles(formats: formats.filter(\.isText), templates: templates)
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

enum CivilDateFixture {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
}
