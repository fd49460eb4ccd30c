import Diagnostics
import Foundation
import IMRFTestSupport
import Ledger
import Testing

@testable import ForumWorkspace

/// `Invitations`: tokens shown once, only their digest kept, refused when
/// unknown, expired or revoked.
@Suite struct InvitationsTests {
    @Test func aTokenSignsInItsPersonOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let invitations = Invitations(workspace: workspace)
        let jane = try invitations.create(name: " Jane Doe ", sessions: ["round-table-2", "round-table-2", "plenary"])
        let john = try invitations.create(name: "John Roe", sessions: ["hearing"], email: "john@example.org")
        #expect(jane.token.count == Invitations.tokenLength)
        #expect(jane.token != john.token)
        #expect(jane.invitation.name == "Jane Doe")
        #expect(jane.invitation.sessions == ["round-table-2", "plenary"])
        #expect(jane.url(base: "https://imrf.example.org/") == "https://imrf.example.org/i/" + jane.token)
        #expect(try invitations.authenticate(token: jane.token).get().id == jane.invitation.id)
        #expect(try invitations.authenticate(token: john.token).get().name == "John Roe")
        #expect(jane.invitation.mayAccess(session: "plenary"))
        #expect(!jane.invitation.mayAccess(session: "hearing"))

        // The ledger holds the digest, never the token.
        let ledger = try String(contentsOfFile: workspace + "/.imrf/ledger.sqlite", encoding: .isoLatin1)
        #expect(!ledger.contains(jane.token))
        #expect(try invitations.list().map(\.id) == [jane.invitation.id, john.invitation.id])
    }

    @Test func unknownExpiredAndRevokedTokensAreRefusedWithTheReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let invitations = Invitations(workspace: workspace)
        let now = Date(timeIntervalSince1970: 1_778_000_000)
        let expiring = try invitations.create(name: "A", sessions: ["hearing"], expires: now.addingTimeInterval(60), at: now)
        #expect(try invitations.authenticate(token: expiring.token, at: now).get().name == "A")
        #expect(try invitations.authenticate(token: expiring.token, at: now.addingTimeInterval(60)) == .failure(.expired(now.addingTimeInterval(60))))
        let revoked = try invitations.create(name: "B", sessions: ["hearing"], at: now)
        let withdrawn = try invitations.revoke(id: revoked.invitation.id, at: now)
        #expect(withdrawn.revoked != nil)
        guard case .failure(.revoked) = try invitations.authenticate(token: revoked.token, at: now) else {
            Issue.record("a revoked token signed in")
            return
        }
        // Revoking twice changes nothing; an unknown id is refused.
        #expect(try invitations.revoke(id: revoked.invitation.id, at: now).revoked == withdrawn.revoked)
        #expect(throws: DiagnosticFailure.self) { try invitations.revoke(id: "nope") }
        for token in ["", "x", String(repeating: "A", count: 43), revoked.token + "A", String(revoked.token.dropLast()) + "!"] {
            #expect(try invitations.authenticate(token: token, at: now) == .failure(.unknown))
        }
        #expect(try invitations.list().map { $0.state(at: now.addingTimeInterval(3600)) } == ["expired", "revoked"])
    }

    @Test func badInvitationsAreRefusedAndNothingIsRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let invitations = Invitations(workspace: workspace)
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "", sessions: ["hearing"]) }
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "A", sessions: []) }
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "A", sessions: ["round-table-9"]) }
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "A\u{1B}[2J", sessions: ["hearing"]) }
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "A", sessions: ["hearing"], email: "not an address") }
        #expect(throws: DiagnosticFailure.self) { try invitations.create(name: "A", sessions: ["hearing"], expires: Date(timeIntervalSince1970: 0)) }
        #expect(try invitations.list().isEmpty)
        let office = try invitations.create(name: "Office", sessions: [], role: .office)
        #expect(office.invitation.mayAccess(session: "hearing"))
        #expect(office.invitation.visibleSessions.count == 7)
    }

    @Test func signInsAreRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace()
        let invitations = Invitations(workspace: workspace)
        let jane = try invitations.create(name: "Jane Doe", sessions: ["hearing"])
        try invitations.recordSignIn(jane.invitation, method: "link")
        let entries = try Ledger(workspace: URL(fileURLWithPath: workspace)).entries()
        #expect(entries.last?.event == .signIn(SignInRecord(invitation: jane.invitation.id, name: "Jane Doe", method: "link")))
    }
}
