import Diagnostics
import Testing
import WordImport

/// Where each Word file's note goes: beside it, or where `--out` says; and
/// a set of Word files refused, every conflict said, when one note or its
/// pictures would be written over another's.
@Suite("Note destinations")
struct NoteDestinationTests {
    @Test func theNoteIsBesideTheWordFileWithItsPicturesNamedAfterIt() {
        let destination = NoteDestination(wordFile: "mail/Round table 2.docx")
        #expect(destination.note == "mail/Round table 2.md")
        #expect(destination.folder == "mail")
        #expect(destination.name == "Round table 2.md")
        #expect(destination.picturePrefix == "Roundtable2")
        let here = NoteDestination(wordFile: "hearing.DOCX")
        #expect(here.note == "hearing.md")
        #expect(here.folder == ".")
    }

    @Test func outNamesTheNoteAndItsPicturesPrefix() {
        let destination = NoteDestination(wordFile: "x.docx", note: "notes/ar.md")
        #expect(destination.note == "notes/ar.md")
        #expect(destination.folder == "notes")
        #expect(destination.name == "ar.md")
        #expect(destination.picturePrefix == "ar")
    }

    @Test func severalFilesEachGetTheirNoteInTheOrderGiven() throws {
        let destinations = try NoteDestination.beside(["b.docx", "a.docx", "mail/a.docx", "a-1.docx"])
        #expect(destinations.map(\.note) == ["b.md", "a.md", "mail/a.md", "a-1.md"])
    }

    func refusal(_ files: [String], folderIdentity: (String) -> String = { $0 }) throws -> [Diagnostic] {
        let failure = try #require(throws: DiagnosticFailure.self) { try NoteDestination.beside(files, folderIdentity: folderIdentity) }
        #expect(failure.kind == .usage)
        return failure.diagnostics
    }

    @Test func aFileGivenTwiceIsRefused() throws {
        let problems = try refusal(["a.docx", "b.docx", "a.docx"])
        #expect(problems.map(\.message) == ["this Word file is given twice"])
        #expect(problems.map(\.location) == [SourceLocation(path: "a.docx")])
        #expect(problems.map(\.code) == [NoteDestination.givenTwiceCode])
    }

    @Test func twoSpellingsOfOneFolderAreOneFolder() throws {
        let problems = try refusal(["mail/a.docx", "./mail/a.docx"]) { $0 == "./mail" ? "mail" : $0 }
        #expect(problems.map(\.message) == ["this Word file is given twice"])
        #expect(problems.map(\.location) == [SourceLocation(path: "./mail/a.docx")])
    }

    @Test func twoFilesWritingOneNoteAreRefused() throws {
        let problems = try refusal(["Report.docx", "report.DOCX", "report"])
        #expect(
            problems.map(\.message) == [
                "its note, 'report.md', would be written over the note of 'Report.docx' ('Report.md')",
                "its note, 'report.md', would be written over the note of 'Report.docx' ('Report.md')",
            ])
        #expect(problems.map(\.location) == [SourceLocation(path: "report.DOCX"), SourceLocation(path: "report")])
        #expect(problems.allSatisfy { $0.code == NoteDestination.sameNoteCode && $0.hint != nil })
    }

    @Test func twoFilesWhosePicturesWouldHaveOneNameAreRefused() throws {
        let problems = try refusal(["ab.docx", "a b.docx"])
        #expect(problems.map(\.message) == ["its pictures would be named as those of 'ab.docx' (ab-1.png, ...) and written over them"])
        #expect(problems.map(\.code) == [NoteDestination.samePicturesCode])
    }

    @Test func aNoteWrittenOverAnotherFileGivenIsRefused() throws {
        let problems = try refusal(["x.md", "x.docx"])
        #expect(problems.map(\.message) == ["its note, 'x.md', would be written over 'x.md', given too"])
        #expect(problems.map(\.location) == [SourceLocation(path: "x.docx")])
    }
}
