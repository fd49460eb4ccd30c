import Foundation
import IMRFTestSupport
import Ledger
import Testing

@testable import ForumWorkspace

/// `Withdrawal`: what `imrf mark withdrawn`, `imrf mark moved` and the
/// office's dashboard call.
@Suite struct WithdrawalTests {
    /// The office person on the web moves a rapporteur's note: the note keeps
    /// its author, and the office person is the withdrawal's `by`.
    @Test func aNoteMovedByTheOfficeKeepsItsAuthor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let (receipt, withdrawal) = try Withdrawal.move(
            note: "round-table-1.md", to: "hearing", workspace: workspace, reason: "sent for the wrong session", by: "Olga Office")
        #expect(receipt.session == "hearing")
        #expect(receipt.author == "Round-table rapporteur (sample)")
        let moved = try String(contentsOfFile: workspace + "/" + receipt.path, encoding: .utf8)
        #expect(moved.contains("author: Round-table rapporteur (sample)"))
        #expect(!FileManager.default.fileExists(atPath: workspace + "/notes/round-table-1.md"))
        guard case .withdrawal(let record) = withdrawal.event else {
            Issue.record("not a withdrawal: \(withdrawal)")
            return
        }
        #expect(record.by == "Olga Office")
        #expect(record.session == "round-table-1")
        #expect(record.reason == "moved to hearing as \(receipt.path): sent for the wrong session")
    }

    @Test func aNoteWithdrawnByTheOfficeIsRecordedWithThePerson() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let entry = try Withdrawal.withdraw(note: "notes/plenary.md", workspace: workspace, reason: " duplicate ", by: "Olga Office")
        guard case .withdrawal(let record) = entry.event else {
            Issue.record("not a withdrawal: \(entry)")
            return
        }
        #expect(record.by == "Olga Office")
        #expect(record.reason == "duplicate")
        #expect(FileManager.default.fileExists(atPath: workspace + "/" + record.kept))
        #expect(!FileManager.default.fileExists(atPath: workspace + "/notes/plenary.md"))
    }
}
