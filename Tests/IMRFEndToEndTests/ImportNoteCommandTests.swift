import Foundation
import IMRFTestSupport
import Testing

/// `imrf import-note` through the binary: the note and its pictures
/// written beside the Word file, warnings as `file: warning: ...`, refusals
/// with nothing written, no file replaced without --force, and the note
/// passing `imrf check`. Several Word files in one run: each note beside
/// its file, each file on its own, conflicts refused before anything is
/// written.
@Suite("imrf import-note")
struct ImportNoteCommandTests {
    func copyFixture(_ name: String, to folder: TemporaryFolder) throws {
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/\(name)"), to: folder.url.appendingPathComponent(name))
    }

    @Test func writesTheNoteAndItsPicturesBesideTheWordFileAndSaysWhatWasLost() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("spanish.docx", to: temporary)
        let result = try IMRFProcess.run(
            ["import-note", "spanish.docx", "--session", "round-table-3", "--role", "rapporteur"], directory: temporary.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote spanish.md and 1 picture beside it\n")
        #expect(
            result.stderr == """
                spanish.docx: warning: paragraph 4 (“Los Estados deberían reducir los costos…”): a comment by Luis Revisor: “¿Fuente?” was dropped
                  hint: comments are not part of the note
                spanish.docx: warning: paragraph 6 (“Un recuadro:”): a text box was left out
                  hint: put its text in the note's paragraphs

                """)
        let note = try String(contentsOf: temporary.url.appendingPathComponent("spanish.md"), encoding: .utf8)
        #expect(
            note.hasPrefix(
                "---\nsession: \"round-table-3\"\ntitle: \"Mesa redonda 3: remesas\"\nauthor: \"Ana Relatora\"\nrole: \"rapporteur\"\nlanguage: \"es-ES\"\n---\n"
            ))
        #expect(note.contains("![Costo de las remesas](spanish-1.png)"))
        let picture = try Data(contentsOf: temporary.url.appendingPathComponent("spanish-1.png"))
        #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let check = try IMRFProcess.run(["check", "spanish.md"], directory: temporary.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).sorted() == ["spanish-1.png", "spanish.docx", "spanish.md"])
    }

    @Test func withoutASessionItIsAUsageErrorThatSaysWhatToGive() throws {
        let result = try IMRFProcess.run(["import-note", "note.docx"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: --session is required: the session the note is for (hearing, round-table-1"))
    }

    @Test func anExistingNoteIsReplacedOnlyWithForce() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("arabic.docx", to: temporary)
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("notes"), withIntermediateDirectories: true)
        _ = try temporary.write("notes/ar.md", "mine\n")
        let refused = try IMRFProcess.run(["import-note", "arabic.docx", "--session", "hearing", "--out", "notes/ar.md"], directory: temporary.url)
        #expect(refused.status == 73)
        #expect(
            refused.stderr
                == "notes/ar.md: error: 'ar.md' already exists: not replaced\n  hint: pass --force to replace it, or --out to name another note\n")
        #expect(try String(contentsOf: temporary.url.appendingPathComponent("notes/ar.md"), encoding: .utf8) == "mine\n")
        let forced = try IMRFProcess.run(
            ["import-note", "arabic.docx", "--session", "hearing", "--out", "notes/ar.md", "--force"], directory: temporary.url)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "wrote notes/ar.md\n")
        let note = try String(contentsOf: temporary.url.appendingPathComponent("notes/ar.md"), encoding: .utf8)
        #expect(note.contains("language: \"ar-SA\"\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("notes").path) == ["ar.md"])
    }

    @Test func aRefusedFileWritesNothingAndExits65() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try Data([0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 0, count: 508)).write(to: temporary.url.appendingPathComponent("locked.docx"))
        let result = try IMRFProcess.run(["import-note", "locked.docx", "--session", "hearing"], directory: temporary.url)
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "locked.docx: error: this Word file is password-protected (or an old .doc file)\n  hint: save it without a password as a Word document (.docx): File, Save As, Word Document\n"
        )
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["locked.docx"])
    }

    @Test func theSessionIsRequired() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try IMRFProcess.run(["import-note", "x.docx"], directory: temporary.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--session"))
    }

    // Made on each use: this Data kept in a static let was reported leaked by
    // LeakSanitizer at exit (.ci/run's address-sanitizer pass).
    static var locked: Data { Data([0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 0, count: 508)) }
    static let spanishWarnings = """
        spanish.docx: warning: paragraph 4 (“Los Estados deberían reducir los costos…”): a comment by Luis Revisor: “¿Fuente?” was dropped
          hint: comments are not part of the note
        spanish.docx: warning: paragraph 6 (“Un recuadro:”): a text box was left out
          hint: put its text in the note's paragraphs

        """

    func contents(_ folder: TemporaryFolder, _ path: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent(path).path).sorted()
    }

    @Test func severalWordFilesEachGetTheirNoteBesideThemWithTheOptionsGiven() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("spanish.docx", to: temporary)
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("mail"), withIntermediateDirectories: true)
        try copyFixture("arabic.docx", to: temporary)
        try FileManager.default.moveItem(
            at: temporary.url.appendingPathComponent("arabic.docx"), to: temporary.url.appendingPathComponent("mail/arabic.docx"))
        let result = try IMRFProcess.run(
            ["import-note", "spanish.docx", "mail/arabic.docx", "--session", "hearing", "--author", "Office PGA"], directory: temporary.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote spanish.md and 1 picture beside it\nwrote mail/arabic.md\n")
        #expect(result.stderr == Self.spanishWarnings)
        let spanish = try String(contentsOf: temporary.url.appendingPathComponent("spanish.md"), encoding: .utf8)
        #expect(
            spanish.hasPrefix("---\nsession: \"hearing\"\ntitle: \"Mesa redonda 3: remesas\"\nauthor: \"Office PGA\"\nlanguage: \"es-ES\"\n---\n"))
        let arabic = try String(contentsOf: temporary.url.appendingPathComponent("mail/arabic.md"), encoding: .utf8)
        #expect(arabic.contains("session: \"hearing\"\n") && arabic.contains("author: \"Office PGA\"\n") && arabic.contains("language: \"ar-SA\"\n"))
        #expect(try contents(temporary) == ["mail", "spanish-1.png", "spanish.docx", "spanish.md"])
        #expect(try contents(temporary, "mail") == ["arabic.docx", "arabic.md"])
    }

    @Test func aRefusedFileIsSaidAndTheOthersAreWrittenAllTheSame() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try Self.locked.write(to: temporary.url.appendingPathComponent("locked.docx"))
        try copyFixture("spanish.docx", to: temporary)
        let result = try IMRFProcess.run(["import-note", "locked.docx", "spanish.docx", "--session", "hearing"], directory: temporary.url)
        #expect(result.status == 65)
        #expect(result.stdout == "wrote spanish.md and 1 picture beside it\n")
        #expect(
            result.stderr == """
                locked.docx: error: this Word file is password-protected (or an old .doc file)
                  hint: save it without a password as a Word document (.docx): File, Save As, Word Document

                """ + Self.spanishWarnings)
        #expect(try contents(temporary) == ["locked.docx", "spanish-1.png", "spanish.docx", "spanish.md"])
    }

    @Test func aNoteThatCannotBeWrittenOutweighsARefusedFile() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("spanish.docx", to: temporary)
        try copyFixture("arabic.docx", to: temporary)
        try Self.locked.write(to: temporary.url.appendingPathComponent("locked.docx"))
        _ = try temporary.write("spanish.md", "mine\n")
        let result = try IMRFProcess.run(
            ["import-note", "spanish.docx", "locked.docx", "arabic.docx", "--session", "hearing"], directory: temporary.url)
        #expect(result.status == 73)
        #expect(result.stdout == "wrote arabic.md\n")
        #expect(
            result.stderr.hasPrefix(
                "./spanish.md: error: 'spanish.md' already exists: not replaced\n  hint: pass --force to replace it, or move it away first\nlocked.docx: error: "
            ))
        #expect(try String(contentsOf: temporary.url.appendingPathComponent("spanish.md"), encoding: .utf8) == "mine\n")
        #expect(try contents(temporary) == ["arabic.docx", "arabic.md", "locked.docx", "spanish.docx", "spanish.md"])
    }

    @Test func outOrTitleWithSeveralFilesIsAUsageErrorAndNothingIsWritten() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("spanish.docx", to: temporary)
        try copyFixture("arabic.docx", to: temporary)
        let out = try IMRFProcess.run(
            ["import-note", "spanish.docx", "arabic.docx", "--session", "hearing", "--out", "note.md"], directory: temporary.url)
        #expect(out.status == 64)
        #expect(
            out.stderr.hasPrefix(
                "error: --out names one note; with several Word files each note is written beside its file (NAME.md): leave out --out, or import the files one at a time\n"
            ))
        #expect(out.stdout.isEmpty)
        let title = try IMRFProcess.run(
            ["import-note", "spanish.docx", "arabic.docx", "--session", "hearing", "--title", "Remittances"], directory: temporary.url)
        #expect(title.status == 64)
        #expect(title.stderr.hasPrefix("error: --title gives one note its title; with several Word files each note takes the title of its document"))
        #expect(try contents(temporary) == ["arabic.docx", "spanish.docx"])
    }

    @Test func aFileGivenTwiceOrTwoFilesWritingOneNoteAreRefusedBeforeAnythingIsWritten() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try copyFixture("spanish.docx", to: temporary)
        try copyFixture("arabic.docx", to: temporary)
        let twice = try IMRFProcess.run(
            ["import-note", "arabic.docx", "spanish.docx", "./spanish.docx", "--session", "hearing"], directory: temporary.url)
        #expect(twice.status == 64)
        #expect(twice.stderr == "./spanish.docx: error: this Word file is given twice\n  hint: name each Word file once\n")
        #expect(twice.stdout.isEmpty)
        try FileManager.default.copyItem(
            at: temporary.url.appendingPathComponent("spanish.docx"), to: temporary.url.appendingPathComponent("span ish.docx"))
        try FileManager.default.copyItem(
            at: temporary.url.appendingPathComponent("arabic.docx"), to: temporary.url.appendingPathComponent("Arabic.DOCX"))
        let same = try IMRFProcess.run(
            ["import-note", "arabic.docx", "spanish.docx", "span ish.docx", "Arabic.DOCX", "--session", "hearing"], directory: temporary.url)
        #expect(same.status == 64)
        #expect(
            same.stderr == """
                span ish.docx: error: its pictures would be named as those of 'spanish.docx' (spanish-1.png, ...) and written over them
                  hint: rename one of the two files, or import one of them alone with --out NOTE.md
                Arabic.DOCX: error: its note, 'Arabic.md', would be written over the note of 'arabic.docx' ('arabic.md')
                  hint: rename one of the two files, or import one of them alone with --out NOTE.md

                """)
        #expect(try contents(temporary) == ["Arabic.DOCX", "arabic.docx", "span ish.docx", "spanish.docx"])
    }
}
