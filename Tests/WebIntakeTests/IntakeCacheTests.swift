import Forum
import ForumWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMRFTestSupport
import Ledger
import Logging
import Storage
import Testing
@_spi(Testing) import WebIntake

/// The intake keeps the invitations, the submissions and the tracker's
/// inputs between requests: what the office changes from the command line
/// (another connection, as another process would) is seen at the next request.
@Suite("web intake cache")
struct IntakeCacheTests {
    typealias Fixture = IntakeRouterTests.Fixture

    @Test("a link revoked from the command line fails at the next request; a new one works at once")
    func revocationAndNewInvitation() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let invitations = Invitations(workspace: fixture.workspace)
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { #expect($0.status == .ok) }
            try invitations.revoke(id: fixture.person.id)
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { #expect($0.status == .unauthorized) }
            let other = try invitations.create(name: "Ali Hassan", sessions: ["plenary"])
            try await client.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(other.token)"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("a note submitted from the command line is in the list and the deadline at the next request")
    func submissionFromTheCommandLine() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/notes", method: .get, headers: fixture.bearer) { response in
                let body = try IntakeRouterTests.json(response)
                #expect((body["notes"] as? [Any])?.count == 0)
            }
            let submission = try Submission(
                noteBytes: Data(IntakeRouterTests.note().utf8), fileName: "jane.md", workspace: fixture.workspace, signedInAs: "Jane Doe")
            _ = try submission.store()
            try await client.execute(uri: "/api/notes", method: .get, headers: fixture.bearer) { response in
                let notes = try #require(try IntakeRouterTests.json(response)["notes"] as? [[String: Any]])
                #expect(notes.count == 1)
            }
        }
    }

    @Test("forum.yaml changed on disk: the next answer uses the new one")
    func forumChanged() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let forumFile = WorkspaceLayout(fixture.workspace).forumFile
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { response in
                let body = try IntakeRouterTests.json(response)
                #expect(body["timeZone"] as? String == "America/New_York")
            }
            let text = try String(contentsOfFile: forumFile, encoding: .utf8)
            #expect(text.contains("timeZone: \"America/New_York\""))
            try text.replacingOccurrences(of: "timeZone: \"America/New_York\"", with: "timeZone: \"Europe/Zurich\"")
                .write(toFile: forumFile, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { response in
                let body = try IntakeRouterTests.json(response)
                #expect(body["timeZone"] as? String == "Europe/Zurich")
            }
        }
    }

    @Test("nothing changed: the second request reads no file and no ledger")
    func keptBetweenRequests() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = folder.url.appendingPathComponent("ws").path
        try WorkspaceCreator.create(at: workspace, edition: .second, example: true)
        let issued = try Invitations(workspace: workspace).create(name: "Jane Doe", sessions: ["round-table-2"])
        let intake = Intake(configuration: IntakeConfiguration(workspace: workspace, baseURL: IntakeRouterTests.base))
        let app = Application(router: IntakeRouter.router(intake, logger: Logger(label: "test")))
        let bearer: HTTPFields = [.authorization: "Bearer \(issued.token)"]
        try await app.test(.router) { client in
            for uri in ["/api/me", "/api/notes"] {
                try await client.execute(uri: uri, method: .get, headers: bearer) { #expect($0.status == .ok) }
                let first = intake.cacheReads
                #expect(first > 0)
                try await client.execute(uri: uri, method: .get, headers: bearer) { #expect($0.status == .ok) }
                #expect(intake.cacheReads == first, "\(uri): kept, not read again")
            }
            try Invitations(workspace: workspace).revoke(id: issued.invitation.id)
            let before = intake.cacheReads
            try await client.execute(uri: "/api/me", method: .get, headers: bearer) { #expect($0.status == .unauthorized) }
            #expect(intake.cacheReads == before + 1, "the ledger changed: the invitations read again")
        }
    }

    @Test("the ledger watch: a commit by another connection changes the stamp; none keeps it")
    func ledgerWatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = folder.url.appendingPathComponent("ws").path
        try WorkspaceCreator.create(at: workspace, edition: .second, example: false)
        let watch = LedgerWatch(workspace: URL(fileURLWithPath: workspace))
        let absent = watch.stamp()
        #expect(absent != nil)
        let invitations = Invitations(workspace: workspace)
        let issued = try invitations.create(name: "Jane Doe", sessions: ["plenary"])
        let created = try #require(watch.stamp())
        #expect(created != absent)
        #expect(watch.stamp() == created)
        try invitations.recordSignIn(issued.invitation, method: "link")
        let after = try #require(watch.stamp())
        #expect(after != created)
        #expect(watch.stamp() == after)
    }
}
