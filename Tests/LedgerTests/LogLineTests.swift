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

    @Test("the time as the line shows it, in the zone given")
    func time() {
        #expect(text.time(Date(timeIntervalSince1970: 1_779_120_000)) == "2026-05-18 12:00:00 -04:00")
    }
}
