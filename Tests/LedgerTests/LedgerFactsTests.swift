import Foundation
import GRDB
import IMRFTestSupport
import Ledger
import Testing

/// The tracker's facts found by SQL (`Ledger.factsIfPresent`) are the facts
/// `LedgerFacts(entries:)` defines, on ledgers that exercise every rule.
@Suite("Ledger facts")
struct LedgerFactsTests {
    static func randomEvent(_ random: inout SeededRandom) -> LedgerEvent {
        let hash = { (n: Int) in String(repeating: String(n % 4), count: 64) }
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            let session = ["hearing", "round-table-1", "plenary", "not-a-session"].randomElement(using: &random)!
            let path = ["notes/x.md", "notes/y.md"].randomElement(using: &random)!
            if Int.random(in: 0..<4, using: &random) == 0 {
                return .withdrawal(WithdrawalRecord(path: path, session: session, sha256: hash(0), kept: "notes/.history/x.md", reason: nil))
            }
            return .submission(NoteSubmission(session: session, author: "A", path: path, sha256: hash(0)))
        case 1:
            let outputs = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                CompiledOutput(path: "build/summary.md", sha256: hash(Int.random(in: 0..<4, using: &random)))
            }
            return .compile(CompileRecord(outputs: outputs, draft: Bool.random(using: &random)))
        case 2:
            return .upload(
                UploadRecord(
                    file: "build/summary.md", endpoint: "https://example.org/", location: nil, httpStatus: 201, bytes: 1,
                    sha256: hash(Int.random(in: 0..<4, using: &random)), attempts: 1))
        case 4:
            return .closure(ClosureRecord(closed: Bool.random(using: &random), reason: nil))
        case 5:
            let date = "2026-05-2\(Int.random(in: 0...9, using: &random))"
            return .deadlines(
                DeadlinesRecord(calendar: "un-new-york", calendarSHA256: hash(Int.random(in: 0..<4, using: &random)), due: ["pga-summaries": date]))
        case 3:
            let deliverable = ["round-table-summaries", "hearing-summary"].randomElement(using: &random)!
            return .reminder(
                ReminderRecord(
                    deliverable: deliverable, stage: Int.random(in: -1...5, using: &random), recipient: "a@example.org", name: nil,
                    invitation: nil, sessions: ["hearing"], messageID: "<m\(Int.random(in: 0..<99, using: &random))@example.org>", reply: "250 OK"))
        default:
            let deliverable = ["pga-summaries", "hearing-summary"].randomElement(using: &random)!
            return .distribution(DistributionRecord(deliverable: deliverable, reference: "R\(Int.random(in: 0..<9, using: &random))"))
        }
    }

    @Test(arguments: 0..<40)
    func queriesAgreeWithTheDefinition(seed: UInt64) throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        var random = SeededRandom(seed: seed)
        for index in 0..<Int.random(in: 0..<30, using: &random) {
            try ledger.append(Self.randomEvent(&random), at: Date(timeIntervalSince1970: 1_778_000_000 + Double(index)))
        }
        let entries = try ledger.entries()
        let facts = try Ledger.factsIfPresent(workspace: workspace.url)
        #expect(facts == LedgerFacts(entries: entries), "seed \(seed)")
        // As at a moment (a what-if): the entries recorded after it left out.
        let moment = Date(timeIntervalSince1970: 1_778_000_000 + Double(Int.random(in: -1..<31, using: &random)))
        let (then, _) = try Ledger.factsIfPresent(workspace: workspace.url, asOf: moment)
        #expect(then == LedgerFacts(entries: entries, asOf: moment), "seed \(seed), as at \(moment)")
    }

    @Test func theRulesOnAHandWrittenLedger() throws {
        let md = CompiledOutput(path: "build/summary.md", sha256: String(repeating: "1", count: 64))
        let upload = { (hash: String) in
            LedgerEvent.upload(
                UploadRecord(
                    file: "f", endpoint: "https://e/", location: nil, httpStatus: 201, bytes: 1, sha256: hash, attempts: 1))
        }
        let reminder = { (stage: Int) in
            LedgerEvent.reminder(
                ReminderRecord(
                    deliverable: "hearing-summary", stage: stage, recipient: "ana@example.org", name: "Ana", invitation: "1a2b",
                    sessions: ["hearing"], messageID: "<\(stage)@example.org>", reply: "250 OK"))
        }
        let events: [LedgerEvent] = [
            .submission(NoteSubmission(session: "hearing", author: "A", path: "notes/a.md", sha256: md.sha256)),
            upload(md.sha256),  // before the compile: not its upload
            .compile(CompileRecord(outputs: [md], draft: false)),
            .compile(CompileRecord(outputs: [md], draft: true)),  // a draft after it changes nothing
            upload(String(repeating: "9", count: 64)),  // another file
            upload(md.sha256),  // the upload
            .distribution(DistributionRecord(deliverable: "pga-summaries", reference: "first")),
            .distribution(DistributionRecord(deliverable: "pga-summaries", reference: "second")),
            reminder(2),
            reminder(0),
        ]
        let entries = events.enumerated().map { LedgerEntry(id: Int64($0 + 1), at: Date(timeIntervalSince1970: Double($0)), event: $1) }
        let facts = LedgerFacts(entries: entries)
        #expect(facts.submittedSessions == ["hearing"])
        #expect(facts.currentCompile?.id == 3)
        #expect(facts.currentUpload?.id == 6)
        #expect(facts.latestDistributions["pga-summaries"]?.id == 8)
        #expect(facts.latestReminders["hearing-summary"]?.id == 10)
        #expect(facts.latestReminders["pga-summaries"] == nil)
        // A submission after the compile makes it stale.
        let later = entries + [LedgerEntry(id: 11, at: Date(), event: events[0])]
        #expect(LedgerFacts(entries: later).currentCompile == nil)
        #expect(LedgerFacts(entries: later).currentUpload == nil)
    }
}
