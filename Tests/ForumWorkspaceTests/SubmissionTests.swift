import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Ledger
import Testing
import WorkingDays

@testable import ForumWorkspace

/// `Submission` as the web intake will call it: a note's bytes, the name the
/// person gave the file, and the person signed in.
@Suite struct SubmissionTests {
    /// A note with no warning: round table 1 covers objectives 2 and 5, round table 2 objectives 4 and 8.
    static func note(author: String?, session: String = "round-table-1", body: String = "What the round table said.") -> Data {
        let objectives = session == "round-table-2" ? "[4, 8]" : "[2, 5]"
        return Data(
            "---\nsession: \(session)\ntitle: A round table\n\(author.map { "author: \($0)\n" } ?? "")objectives: \(objectives)\n---\n\(body)\n".utf8)
    }

    static func notes(_ workspace: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace + "/notes").filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func bytesAreStoredUnderTheSessionAndAuthorAndRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let bytes = Self.note(author: "Amina Diallo")
        let submission = try Submission(noteBytes: bytes, fileName: "My note (final).md", workspace: workspace)
        let receipt = try submission.store(at: Date(timeIntervalSince1970: 1_779_000_000))
        #expect(receipt.outcome == .stored)
        #expect(receipt.path == "notes/round-table-1--amina-diallo.md")
        #expect(receipt.session == "round-table-1")
        #expect(receipt.author == "Amina Diallo")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace + "/" + receipt.path)) == bytes)
        #expect(try Self.notes(workspace) == ["round-table-1--amina-diallo.md"])
        let entries = try Ledger.entriesIfPresent(workspace: URL(fileURLWithPath: workspace))
        #expect(entries.count == 1)
        guard case .submission(let record) = entries.first?.event else {
            Issue.record("not a submission: \(entries)")
            return
        }
        #expect(record.path == receipt.path)
        #expect(record.sha256 == receipt.sha256)
        #expect(receipt.ledgerEntry == entries.first?.id)
    }

    /// The file name is only ever what diagnostics call the note.
    @Test func aFileNameNeverBecomesAPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let bad = Data("---\nsession: round-table-9\n---\nText.\n".utf8)
        let failure = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: bad, fileName: "../../etc/passwd.md", workspace: workspace)
        }
        #expect(failure?.diagnostics.contains { $0.location?.path == "../../etc/passwd.md" && $0.severity == .error } == true)
        let receipt = try Submission(noteBytes: Self.note(author: "Jo"), fileName: "../../etc/passwd.md", workspace: workspace).store()
        #expect(receipt.path == "notes/round-table-1--jo.md")
        #expect(try Self.notes(workspace) == ["round-table-1--jo.md"])
    }

    /// The person signed in must be the note's author: a note is stored and
    /// recorded only under its real author; nothing is written otherwise.
    @Test func theSignedInPersonMustBeTheAuthor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let failure = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: Self.note(author: "Someone Else"), fileName: "note.md", workspace: workspace, signedInAs: "Amina Diallo")
        }
        #expect(failure?.kind == .badInput)
        #expect(failure?.diagnostics.map(\.message) == ["the note's author is 'Someone Else', but it is submitted by 'Amina Diallo'"])
        #expect(failure?.diagnostics.first?.hint == "a note is submitted by its author: set 'author: Amina Diallo' in the front matter")
        #expect(try Self.notes(workspace).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace + "/.imrf"))

        let own = try Submission(
            noteBytes: Self.note(author: " Amina Diallo "), fileName: "note.md", workspace: workspace, signedInAs: "Amina Diallo")
        #expect(try own.store().author == "Amina Diallo")
    }

    @Test func aNoteWithoutAnAuthorOrWithAnErrorIsRefusedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let anonymous = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: Self.note(author: nil), fileName: "note.md", workspace: workspace)
        }
        #expect(anonymous?.diagnostics.map(\.message) == ["a submitted note needs an 'author' in its front matter"])
        let wrongSession = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: Self.note(author: "Jo", session: "round-table-7"), fileName: "note.md", workspace: workspace)
        }
        #expect(wrongSession?.diagnostics.contains { $0.severity == .error } == true)
        let tooLarge = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: Data(count: (4 << 20) + 1), fileName: "huge.md", workspace: workspace)
        }
        #expect(tooLarge?.diagnostics.first?.location == SourceLocation(path: "huge.md", line: 1, column: 1))
        #expect(try Self.notes(workspace).isEmpty)
    }

    /// Submitting the same bytes again changes nothing and names the first
    /// record; a changed version keeps the earlier one in notes/.history.
    @Test func theSameBytesAgainChangeNothingAndAChangeKeepsTheEarlierVersion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let first = try Submission(noteBytes: Self.note(author: "Jo"), fileName: "a.md", workspace: workspace).store()
        let again = try Submission(noteBytes: Self.note(author: "Jo"), fileName: "b.md", workspace: workspace).store()
        #expect(again.outcome == .alreadySubmitted)
        #expect(again.ledgerEntry == first.ledgerEntry)
        #expect(again.at == first.at)
        let changed = try Submission(noteBytes: Self.note(author: "Jo", body: "Revised."), fileName: "c.md", workspace: workspace).store()
        #expect(changed.outcome == .replaced)
        let previous = try #require(changed.previous)
        #expect(previous.hasPrefix("notes/.history/round-table-1--jo."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace + "/" + previous)) == Self.note(author: "Jo"))
        #expect(try Ledger.entriesIfPresent(workspace: URL(fileURLWithPath: workspace)).count == 2)
    }

    /// The one duplicate rule: text that another note of the workspace has
    /// (whitespace around it aside) is refused, as compile would refuse it.
    @Test func textAnotherNoteHasIsADuplicate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        _ = try Submission(noteBytes: Self.note(author: "Jo", body: "Shared words."), fileName: "a.md", workspace: workspace).store()
        let copy = Self.note(author: "Kim", session: "round-table-2", body: "\n  Shared words.  \n")
        let failure = #expect(throws: DiagnosticFailure.self) {
            try Submission(noteBytes: copy, fileName: "b.md", workspace: workspace)
        }
        #expect(failure?.diagnostics.map(\.message) == ["note duplicates \(workspace)/notes/round-table-1--jo.md"])
        // The library names no command: the web shows the same words.
        #expect(failure?.diagnostics.first?.hint == "this text is already in the workspace, and the summary cannot hold two copies of it")
        #expect(failure?.diagnostics.first?.code == Submission.duplicateCode)
    }

    /// A picture is looked for where the note will be, in notes/: a note
    /// whose picture is missing there is refused as `imrf check` would
    /// report it after the submission; once the picture is there it is stored.
    @Test func aPictureMustBeInTheNotesFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let bytes = Self.note(author: "Amina Diallo", body: "The chart:\n\n![Chart](figures/chart.png)")
        #expect {
            try Submission(noteBytes: bytes, fileName: "mine.md", workspace: workspace)
        } throws: { error in
            guard let failure = error as? DiagnosticFailure, let first = failure.diagnostics.first else { return false }
            return first.message == "image 'figures/chart.png' not found" && first.location?.path == "mine.md"
                && first.location?.line == 9 && first.hint?.contains("notes folder") == true
        }
        #expect(try Self.notes(workspace).isEmpty)
        // The smallest PNG: signature, IHDR of a 1x1 grey picture, IDAT, IEND.
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
            0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
            0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xAF, 0xA4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49,
            0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        try FileManager.default.createDirectory(atPath: workspace + "/notes/figures", withIntermediateDirectories: true)
        try Data(png).write(to: URL(fileURLWithPath: workspace + "/notes/figures/chart.png"))
        let receipt = try Submission(noteBytes: bytes, fileName: "mine.md", workspace: workspace).store()
        #expect(receipt.path == "notes/round-table-1--amina-diallo.md")
    }
}

/// `WorkspaceCreator`: what `imrf init` and the office's first step make.
@Suite struct WorkspaceCreatorTests {
    @Test(arguments: [false, true])
    func aNewWorkspaceLoadsAndItsExampleChecksClean(example: Bool) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url.appendingPathComponent("ws").path
        let files = try WorkspaceCreator.create(at: folder, edition: .first, example: example)
        #expect(files.first == "forum.yaml")
        #expect(files.count == (example ? 8 : 1))
        let workspace = try Workspace.load(folder, draft: true)
        #expect(workspace.forum.start.iso == "2022-05-17")
        #expect(workspace.notes.count == (example ? 7 : 0))
        #expect(workspace.errorCount == 0)
        if example { #expect(workspace.warningCount == 0, "\(workspace.diagnostics)") }
        // Written durably: no temporary file is left beside them.
        let left = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test func aFolderThatHoldsAnythingOrIsAFileIsRefused() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        try Data("keep".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        let full = #expect(throws: DiagnosticFailure.self) { try WorkspaceCreator.create(at: folder.path, edition: .second, example: true) }
        #expect(full?.kind == .cannotCreate)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])
        let file = folder.appendingPathComponent("keep.txt").path
        let notAFolder = #expect(throws: DiagnosticFailure.self) { try WorkspaceCreator.create(at: file, edition: .second, example: false) }
        #expect(notAFolder?.diagnostics.first?.message == "'\(file)' exists and is not a folder")
    }
}
