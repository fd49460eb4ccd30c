import Foundation
import IMRFTestSupport
import Ledger
import Testing

/// The web intake's kinds: an invitation (the token's SHA-256, never the
/// token), a revocation and a sign-in, stored and read back like the others.
@Suite("Ledger invitation kinds")
struct InvitationRecordTests {
    static let invitation = InvitationRecord(
        id: "7f3a9c01", name: "Jane Doe", sessions: ["round-table-2"], email: "jane@example.org", role: "rapporteur",
        expires: "2026-05-23T04:00:00Z", tokenSHA256: String(repeating: "e", count: 64))

    @Test func theNewKindsComeBackAsAppended() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try Ledger(workspace: folder.url)
        let events: [LedgerEvent] = [
            .invitation(Self.invitation), .revocation(RevocationRecord(invitation: "7f3a9c01")),
            .signIn(SignInRecord(invitation: "7f3a9c01", name: "Jane Doe", method: "link")),
        ]
        for event in events { try ledger.append(event, at: Date(timeIntervalSince1970: 1_778_000_000)) }
        #expect(try ledger.entries().map(\.event) == events)
        #expect(try ledger.entries().map(\.event.kind) == ["invitation", "revocation", "sign-in"])
        let some = try Ledger.entriesIfPresent(workspace: folder.url, kinds: ["invitation", "revocation"])
        #expect(some.map(\.event.kind) == ["invitation", "revocation"])
    }

    @Test func theWireFormatHasTheDigestAndItsOwnFieldNames() throws {
        let entry = LedgerEntry(id: 1, at: Date(timeIntervalSince1970: 1_778_000_000), event: .invitation(Self.invitation))
        let json = try LedgerEntry.jsonArray([entry])
        #expect(
            json
                == #"[{"at":"2026-05-05T16:53:20Z","id":1,"kind":"invitation","record":{"email":"jane@example.org","expires":"2026-05-23T04:00:00Z","#
                + #""id":"7f3a9c01","name":"Jane Doe","role":"rapporteur","sessions":["round-table-2"],"tokenSHA256":"\#(String(repeating: "e", count: 64))"}}]"#
        )
        let decoded = try JSONDecoder().decode([LedgerEntry].self, from: Data(json.utf8))
        #expect(decoded.map(\.event) == [entry.event])
    }

    @Test func aLedgerOfTheEarlierKindsReadsAsBefore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try Ledger(workspace: folder.url)
        try ledger.append(.distribution(DistributionRecord(deliverable: "pga-summaries", reference: nil)))
        #expect(try Ledger.entriesIfPresent(workspace: folder.url, kinds: ["invitation", "revocation"]).isEmpty)
        #expect(try Ledger.entriesIfPresent(workspace: folder.url).count == 1)
        #expect(try Ledger.factsIfPresent(workspace: folder.url).latestDistributions.keys.sorted() == ["pga-summaries"])
    }
}
