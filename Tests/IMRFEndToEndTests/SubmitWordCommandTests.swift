import Foundation
import IMRFTestSupport
import Testing

/// `imrf submit FILE.docx` through the built binary: the Word file made a
/// note with the options as its front matter, checked as any note, its
/// pictures in notes/figures/ under the stored note's name, the Word file
/// kept in notes/.history/, the import's warnings on stderr and in --json.
@Suite("imrf submit with a Word file")
struct SubmitWordCommandTests {
    func copyFixture(_ name: String, to folder: TemporaryFolder, as copy: String? = nil) throws {
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/\(name)"),
            to: folder.url.appendingPathComponent(copy ?? name))
    }

    /// Every file under ws/notes, relative to it.
    func files(in folder: TemporaryFolder) -> [String] {
        let notes = folder.url.appendingPathComponent("ws/notes").path
        return ((FileManager.default.enumerator(atPath: notes)?.allObjects as? [String]) ?? [])
            .filter { !$0.hasSuffix("figures") && !$0.hasSuffix(".history") }.sorted()
    }

    static let warnings = """
        spanish.docx: warning: paragraph 4 (“Los Estados deberían reducir los costos…”): a comment by Luis Revisor: “¿Fuente?” was dropped
          hint: comments are not part of the note
        spanish.docx: warning: paragraph 6 (“Un recuadro:”): a text box was left out
          hint: put its text in the note's paragraphs

        """

    @Test func aWordFileIsStoredAsANoteWithItsPicturesAndKept() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("spanish.docx", to: temporary)
            let result = try IMRFProcess.run(
                ["submit", "spanish.docx", "--workspace", "ws", "--session", "round-table-3", "--role", "rapporteur"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == Self.warnings)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "submitted ws/notes/round-table-3--ana-relatora.md (round-table-3, Ana Relatora)")
            #expect(lines.contains("1 picture stored in ws/notes/figures"))
            let kept = try #require(lines.last)
            #expect(kept.hasPrefix("Word file kept as ws/notes/.history/round-table-3--ana-relatora.") && kept.hasSuffix(".docx"))
            let stored = files(in: temporary)
            #expect(stored.count == 3)
            #expect(stored.contains("round-table-3--ana-relatora.md"))
            #expect(stored.contains("figures/round-table-3--ana-relatora-1.png"))
            let original = try #require(stored.first { $0.hasSuffix(".docx") })
            #expect(
                try Data(contentsOf: temporary.url.appendingPathComponent("ws/notes/\(original)"))
                    == Data(contentsOf: temporary.url.appendingPathComponent("spanish.docx")))
            let note = try String(contentsOf: temporary.url.appendingPathComponent("ws/notes/round-table-3--ana-relatora.md"), encoding: .utf8)
            #expect(
                note.hasPrefix(
                    "---\nsession: \"round-table-3\"\ntitle: \"Mesa redonda 3: remesas\"\nauthor: \"Ana Relatora\"\nrole: \"rapporteur\"\n"))
            #expect(note.contains("![Costo de las remesas](figures/round-table-3--ana-relatora-1.png)"))
            // What was stored passes the check the submission ran.
            let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(!check.stderr.contains("error"))
        }
    }

    /// A replaced note's pictures go to the history beside the version they
    /// belong to, unless the new text still uses them: notes/figures holds
    /// only what current notes use, and nothing is lost.
    @Test func aReplacedNotesPicturesAreKeptBesideItInTheHistory() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("spanish.docx", to: temporary)
            let submit = ["submit", "spanish.docx", "--workspace", "ws", "--session", "round-table-3"]
            #expect(try IMRFProcess.run(submit, directory: temporary.url).status == 0)
            let figures = temporary.url.appendingPathComponent("ws/notes/figures")
            let history = temporary.url.appendingPathComponent("ws/notes/.history")
            let picture = try Data(contentsOf: figures.appendingPathComponent("round-table-3--ana-relatora-1.png"))
            let stored = temporary.url.appendingPathComponent("ws/notes/round-table-3--ana-relatora.md")
            let first = try String(contentsOf: stored, encoding: .utf8)

            // The same Word file with another title: its picture written afresh, the earlier one kept.
            let again = try IMRFProcess.run(submit + ["--title", "Remesas"], directory: temporary.url)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("its 1 picture kept beside it in ws/notes/.history\n"))
            #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("round-table-3--ana-relatora-1.png").path))
            let keptFirst = try FileManager.default.contentsOfDirectory(atPath: history.path).filter { $0.hasSuffix("-1.png") }
            #expect(keptFirst.count == 1)
            #expect(try Data(contentsOf: history.appendingPathComponent(keptFirst[0])) == picture)

            // Replaced by Markdown without the picture: it leaves notes/figures for the history.
            let markdown = try String(contentsOf: stored, encoding: .utf8)
                .replacingOccurrences(of: "![Costo de las remesas](figures/round-table-3--ana-relatora-1.png)", with: "")
            _ = try temporary.write("nota.md", markdown)
            let json = try IMRFProcess.run(["submit", "nota.md", "--workspace", "ws", "--json"], directory: temporary.url)
            #expect(json.status == 0, "\(json.stderr)")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let retired = try #require(receipt["retiredPictures"] as? [String])
            #expect(retired.count == 1 && retired[0].hasPrefix("notes/.history/round-table-3--ana-relatora.") && retired[0].hasSuffix("-1.png"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: figures.path).isEmpty)
            #expect(FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/" + retired[0]).path))

            // Replaced by Markdown that still uses a picture: it stays.
            _ = try temporary.write("nota.md", first.replacingOccurrences(of: "Mesa redonda 3", with: "Mesa 3"))
            try FileManager.default.copyItem(
                at: temporary.url.appendingPathComponent("ws/" + retired[0]),
                to: figures.appendingPathComponent("round-table-3--ana-relatora-1.png"))
            #expect(try IMRFProcess.run(["submit", "nota.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            _ = try temporary.write("nota.md", first)
            let kept = try IMRFProcess.run(["submit", "nota.md", "--workspace", "ws"], directory: temporary.url)
            #expect(kept.status == 0, "\(kept.stderr)")
            #expect(!kept.stdout.contains("picture"))
            #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("round-table-3--ana-relatora-1.png").path))
        }
    }

    /// A note moved to another session keeps using its pictures; withdrawn,
    /// they follow it into the history.
    @Test func aMovedNoteKeepsItsPicturesAndAWithdrawnOneTakesThemToTheHistory() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("spanish.docx", to: temporary)
            #expect(
                try IMRFProcess.run(["submit", "spanish.docx", "--workspace", "ws", "--session", "round-table-3"], directory: temporary.url).status
                    == 0)
            let figures = temporary.url.appendingPathComponent("ws/notes/figures")
            let moved = try IMRFProcess.run(
                ["mark", "moved", "round-table-3--ana-relatora.md", "--session", "round-table-4", "-w", "ws"], directory: temporary.url)
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: figures.path) == ["round-table-3--ana-relatora-1.png"])
            let withdrawn = try IMRFProcess.run(["mark", "withdrawn", "round-table-4--ana-relatora.md", "-w", "ws"], directory: temporary.url)
            #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
            // Named by the moved note, the picture leaves with it, kept beside it.
            let history = try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("ws/notes/.history").path)
            #expect(history.contains { $0.hasPrefix("round-table-4--ana-relatora.") && $0.hasSuffix(".md") })
            #expect(history.contains { $0.hasPrefix("round-table-4--ana-relatora.") && $0.hasSuffix("-round-table-3--ana-relatora-1.png") })
            #expect(try FileManager.default.contentsOfDirectory(atPath: figures.path) == [])
        }
    }

    @Test func theReceiptInJSONSaysTheWarningsTheKeptFileAndThePictures() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("spanish.docx", to: temporary)
            let result = try IMRFProcess.run(
                ["submit", "spanish.docx", "--workspace", "ws", "--session", "round-table-3", "--author", "Ana Relatora", "--json"],
                directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 1)
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(receipt["outcome"] as? String == "stored")
            #expect(receipt["path"] as? String == "notes/round-table-3--ana-relatora.md")
            #expect(receipt["pictures"] as? [String] == ["notes/figures/round-table-3--ana-relatora-1.png"])
            #expect((receipt["original"] as? String)?.hasPrefix("notes/.history/round-table-3--ana-relatora.") == true)
            let warnings = try #require(receipt["warnings"] as? [[String: Any]])
            #expect(warnings.map { $0["severity"] as? String } == ["warning", "warning"])
            #expect((warnings.first?["message"] as? String)?.hasSuffix("a comment by Luis Revisor: “¿Fuente?” was dropped") == true)
            #expect(warnings.last?["message"] as? String == "paragraph 6 (“Un recuadro:”): a text box was left out")
        }
    }

    /// The same refusal `imrf check` gives, said of the Word file, with what
    /// to pass; nothing is stored: no note, no picture, no kept Word file.
    @Test func aWordFileWithoutAnAuthorIsRefusedAndNothingIsStored() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("arabic.docx", to: temporary)
            let result = try IMRFProcess.run(["submit", "arabic.docx", "--workspace", "ws", "--session", "hearing"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("arabic.docx: error: a submitted note needs an 'author' in its front matter\n  hint: a Word file's"))
            #expect(result.stderr.contains("--author"))
            #expect(result.stderr.hasSuffix("1 error, 0 warnings; nothing submitted\n"))
            #expect(files(in: temporary) == [])
            let unknown = try IMRFProcess.run(
                ["submit", "arabic.docx", "--workspace", "ws", "--session", "round-table-9", "--author", "Samir"], directory: temporary.url)
            #expect(unknown.status == 65)
            #expect(unknown.stderr.hasPrefix("arabic.docx: error: unknown session 'round-table-9'\n  hint: use one of: hearing,"))
            #expect(files(in: temporary) == [])
        }
    }

    @Test func aFileThatIsNotWordIsRefusedAsCheckWouldSay() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("note.docx", "---\nsession: hearing\nauthor: A\n---\nText.\n")
            let result = try IMRFProcess.run(["submit", "note.docx", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(
                result.stderr == """
                    note.docx: error: this file is not a Word document (.docx)
                      hint: open it in Word and save it as a Word document (.docx), or send the note as Markdown (.md)
                    1 error, 0 warnings; nothing submitted

                    """)
            #expect(files(in: temporary) == [])
        }
    }

    /// A Word file is known by its bytes too: one saved as `.md` by mistake.
    @Test func aWordFileUnderAnotherNameIsReadAsWord() throws {
        try withExampleWorkspace(example: false) { temporary in
            try copyFixture("arabic.docx", to: temporary, as: "note.md")
            let result = try IMRFProcess.run(
                ["submit", "note.md", "--workspace", "ws", "--session", "hearing", "--author", "سمير", "--language", "ar"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            #expect(files(in: temporary).filter { $0.hasSuffix(".md") }.count == 1)
        }
    }

    @Test func wordOptionsWithAMarkdownNoteAreAMistake() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("note.md", "---\nsession: hearing\nauthor: A\n---\nText.\n")
            let result = try IMRFProcess.run(
                ["submit", "note.md", "--workspace", "ws", "--session", "plenary", "--title", "T"], directory: temporary.url)
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("note.md: error: --session, --title are for a Word file; this note is Markdown\n"))
            #expect(files(in: temporary) == [])
        }
    }

    /// Two authors whose names make the same stored name: the second note is
    /// stored under the longer name, and so are its pictures.
    @Test func picturesAreNamedAfterTheNameTheNoteIsStoredUnder() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write(
                "first.md", "---\nsession: round-table-3\nauthor: Ana-Relatora\n---\nAnother text, by another person.\n")
            #expect(try IMRFProcess.run(["submit", "first.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            try copyFixture("spanish.docx", to: temporary)
            let result = try IMRFProcess.run(
                ["submit", "spanish.docx", "--workspace", "ws", "--session", "round-table-3", "--json"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let path = try #require(receipt["path"] as? String)
            #expect(path.hasPrefix("notes/round-table-3--ana-relatora-") && path != "notes/round-table-3--ana-relatora.md")
            let stem = String(path.dropFirst("notes/".count).dropLast(3))
            #expect(receipt["pictures"] as? [String] == ["notes/figures/\(stem)-1.png"])
            #expect(try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url).status == 0)
        }
    }
}
