import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Testing

@testable import ForumWorkspace

/// `Submission.store`: a submission replaces only its own author's note for
/// its session, whatever the names of the authors give as file names.
@Suite struct SubmissionOwnerTests {
    static func submit(_ workspace: String, author: String, body: String, session: String = "round-table-2") throws -> SubmissionReceipt {
        let file = workspace + "/incoming-\(UUID().uuidString).md"
        defer { unlink(file) }
        let text = "---\nsession: \(session)\ntitle: Round table\nauthor: '\(author)'\nobjectives: [4, 8]\n---\n\(body)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return try Submission(notePath: file, workspace: workspace).store()
    }

    static func text(_ workspace: String, _ relative: String) throws -> String {
        try String(contentsOfFile: workspace + "/" + relative, encoding: .utf8)
    }

    @Test func storedResubmittedAndSubmittedAgainByTheSameAuthor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let first = try Self.submit(workspace, author: "Jane Doe", body: "First version.")
        #expect(first.outcome == .stored)
        #expect(first.path == "notes/round-table-2--jane-doe.md")
        let second = try Self.submit(workspace, author: "Jane Doe", body: "Second version.")
        #expect(second.outcome == .replaced)
        #expect(second.path == first.path)
        #expect(try Self.text(workspace, second.path).contains("Second version."))
        #expect(try Self.text(workspace, try #require(second.previous)).contains("First version."))
        let again = try Self.submit(workspace, author: "Jane Doe", body: "Second version.")
        #expect(again.outcome == .alreadySubmitted)
        #expect(again.path == first.path)
    }

    /// "Jane Doe" and "jane-doe" give the same slug: each keeps a file.
    @Test func twoAuthorsWithTheSameSlugKeepTheirOwnNotes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let jane = try Self.submit(workspace, author: "Jane Doe", body: "Jane's text.")
        let other = try Self.submit(workspace, author: "jane-doe", body: "The other text.")
        #expect(other.outcome == .stored)
        #expect(other.path != jane.path)
        let janeAgain = try Self.submit(workspace, author: "Jane Doe", body: "Jane's second text.")
        #expect(janeAgain.path == jane.path)
        let otherAgain = try Self.submit(workspace, author: "jane-doe", body: "The other's second text.")
        #expect(otherAgain.path == other.path)
        #expect(try Self.text(workspace, jane.path).contains("Jane's second text."))
        #expect(try Self.text(workspace, other.path).contains("The other's second text."))
    }

    /// "[Jane ; Doe" and "(Jane(] DOe" share the slug and the eight hex
    /// digits of their hashes (36f05877): with a third "Jane Doe" holding the
    /// plain name, the disambiguated name of the first is the second's too.
    @Test func authorsWhoseShortHashesCollideNeverReplaceEachOther() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        #expect(StoredNoteName.authorHash("[Jane ; Doe") == StoredNoteName.authorHash("(Jane(] DOe"))
        let plain = try Self.submit(workspace, author: "Jane Doe", body: "Plain text.")
        let victim = try Self.submit(workspace, author: "[Jane ; Doe", body: "The victim's text.")
        let attacker = try Self.submit(workspace, author: "(Jane(] DOe", body: "The attacker's text.")
        #expect(Set([plain.path, victim.path, attacker.path]).count == 3)
        #expect(attacker.outcome == .stored)
        #expect(try Self.text(workspace, victim.path).contains("The victim's text."))
        #expect(try Self.text(workspace, plain.path).contains("Plain text."))
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace + "/notes").filter { $0.hasSuffix(".md") }
        #expect(names.count == 3)
        #expect(!FileManager.default.fileExists(atPath: workspace + "/notes/.history"))
    }

    /// A note at the plain name whose author cannot be read (copied in by
    /// hand, or written for another session) is nobody's to replace.
    @Test func aStoredNoteWithoutThisAuthorIsNotReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let byHand = "---\nsession: round-table-2\ntitle: Copied in by hand\n---\nThe office's text.\n"
        try Data(byHand.utf8).write(to: URL(fileURLWithPath: workspace + "/notes/round-table-2--jane-doe.md"))
        let receipt = try Self.submit(workspace, author: "Jane Doe", body: "Jane's text.")
        #expect(receipt.outcome == .stored)
        #expect(receipt.path != "notes/round-table-2--jane-doe.md")
        #expect(try Self.text(workspace, "notes/round-table-2--jane-doe.md") == byHand)
    }

    /// Another author's identical text is a duplicate even when the names
    /// give the same slug (it used to be skipped as the submitter's own).
    @Test func theSameTextAsAnotherAuthorWithTheSameSlugIsADuplicate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        _ = try Self.submit(workspace, author: "Jane Doe", body: "Shared text.")
        let failure = #expect(throws: DiagnosticFailure.self) {
            try Self.submit(workspace, author: "jane-doe", body: "Shared text.")
        }
        #expect(failure?.diagnostics.first?.message.hasPrefix("note duplicates") == true)
    }
}
