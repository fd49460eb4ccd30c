import Foundation
import Ledger
import Testing

/// An entry in `imrf log`'s words (also the office's ledger page): who did
/// it when the entry names them, and an entry written before `by` existed
/// read as before.
@Suite("log line")
struct LogLineTests {
    let text = LogLine(timeZone: TimeZone(identifier: "America/New_York")!)

    @Test("an action on the web ends with '; by NAME'; one from the command line has no 'by'")
    func by() {
        let output = CompiledOutput(path: "build/summary.md", sha256: String(repeating: "a", count: 64))
        #expect(text.details(.compile(CompileRecord(outputs: [output], draft: false, by: "Olga Office"))).hasSuffix("; by Olga Office"))
        #expect(!text.details(.compile(CompileRecord(outputs: [output], draft: false))).contains("; by"))
        #expect(
            text.details(.distribution(DistributionRecord(deliverable: "pga-summaries", reference: "A/80/1", by: "Olga Office")))
                == "pga-summaries (A/80/1); by Olga Office")
        #expect(text.details(.revocation(RevocationRecord(invitation: "7f3a9c01", by: "Olga Office"))) == "7f3a9c01 revoked; by Olga Office")
        let invitation = InvitationRecord(
            id: "7f3a9c01", name: "Jane Doe", sessions: ["hearing"], email: nil, role: "rapporteur", expires: nil,
            tokenSHA256: String(repeating: "b", count: 64), by: "Olga Office")
        #expect(text.details(.invitation(invitation)) == "7f3a9c01: Jane Doe (rapporteur) for hearing; by Olga Office")
    }

    @Test("a record stored without 'by' reads back with none, and one with it keeps it")
    func storedBy() throws {
        let old = try JSONDecoder().decode(DistributionRecord.self, from: Data(#"{"deliverable":"pga-summaries"}"#.utf8))
        #expect(old.by == nil)
        let encoded = try JSONEncoder().encode(CompileRecord(outputs: [], draft: true, by: "Olga Office"))
        #expect(try JSONDecoder().decode(CompileRecord.self, from: encoded).by == "Olga Office")
        #expect(!String(decoding: try JSONEncoder().encode(CompileRecord(outputs: [], draft: true)), as: UTF8.self).contains("by"))
    }

    @Test("the line's time is when the entry was recorded; one that took effect at another time says when")
    func recordedAndEffective() {
        let event = LedgerEvent.distribution(DistributionRecord(deliverable: "pga-summaries", reference: "A/80/1"))
        let late = LedgerEntry(
            id: 7, at: Date(timeIntervalSince1970: 1_779_121_800), recorded: Date(timeIntervalSince1970: 1_779_199_200), event: event)
        #expect(
            text.line(late)
                == "2026-05-19 10:00:00 -04:00  #7  distribution pga-summaries (A/80/1); took effect 2026-05-18 12:30:00 -04:00")
        let onTime = LedgerEntry(id: 8, at: Date(timeIntervalSince1970: 1_779_121_800), event: event)
        #expect(text.line(onTime) == "2026-05-18 12:30:00 -04:00  #8  distribution pga-summaries (A/80/1)")
    }

    @Test("the time as the line shows it, in the zone given")
    func time() {
        #expect(text.time(Date(timeIntervalSince1970: 1_779_120_000)) == "2026-05-18 12:00:00 -04:00")
    }

    @Test("a submission replaced by a later text of the same note says so; the same text again replaces nothing")
    func replaced() {
        func submission(_ id: Int64, _ path: String, _ digest: Character) -> LedgerEntry {
            LedgerEntry(
                id: id, at: Date(timeIntervalSince1970: 1_779_120_000 + Double(id)),
                event: .submission(NoteSubmission(session: "hearing", author: "A", path: path, sha256: String(repeating: digest, count: 64))))
        }
        let entries = [
            submission(1, "notes/a.md", "1"), submission(2, "notes/b.md", "2"), submission(3, "notes/a.md", "1"),
            submission(4, "notes/a.md", "3"), submission(5, "notes/a.md", "4"),
        ]
        let replaced = LogLine.replacements(entries)
        #expect(replaced == [1: 4, 4: 5])
        #expect(text.line(entries[0], replacedBy: replaced[1]).hasSuffix("(sha256 111111111111); replaced by #4"))
        #expect(!text.line(entries[1], replacedBy: replaced[2]).contains("replaced"))
    }
}
