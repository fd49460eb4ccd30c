import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMRFTestSupport
import Ledger
import Testing
import WebIntake

/// The office's corrections on the dashboard, as `imrf mark withdrawn`,
/// `mark moved` and `mark undistributed` make them (the same library
/// calls): the API's twins, the pages' forms and their answers, each
/// recorded with the office person, each refusal in words.
@Suite("office dashboard: withdraw, move, undo a distribution")
struct OfficeCorrectionsTests {
    typealias Office = OfficeRouterTests

    static func post(_ client: some TestClientProtocol, _ fixture: Office.Fixture, _ uri: String, json body: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: fixture.json, body: ByteBuffer(string: body))
    }

    static func form(_ client: some TestClientProtocol, _ fixture: Office.Fixture, _ uri: String, _ fields: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: fixture.form, body: ByteBuffer(string: "csrf=\(fixture.csrf)&" + fields))
    }

    static func page(_ client: some TestClientProtocol, _ fixture: Office.Fixture, _ uri: String) async throws -> String {
        Office.text(try await client.execute(uri: uri, method: .get, headers: fixture.cookie))
    }

    static func exists(_ fixture: Office.Fixture, _ note: String) -> Bool {
        FileManager.default.fileExists(atPath: fixture.workspace + "/notes/" + note)
    }

    /// No type name, no stack, no server path in a refusal.
    static func inWords(_ text: String, _ fixture: Office.Fixture) -> Bool {
        !text.contains("Error(") && !text.contains("DiagnosticFailure") && !text.contains("TrackerError") && !text.contains(fixture.workspace)
    }

    // MARK: The API

    @Test("POST /api/withdrawals: the note leaves notes/, recorded by the person with the reason; refusals in words")
    func withdrawAPI() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let done = try await Self.post(
                client, fixture, "/api/withdrawals", json: "{\"note\":\"notes/round-table-2.md\",\"reason\":\"sent by mistake\"}")
            #expect(done.status == .created)
            let answer = try Office.json(done)
            #expect(answer["kind"] as? String == "withdrawal")
            let record = try #require(answer["record"] as? [String: Any])
            #expect(record["by"] as? String == "Olga Office")
            #expect(record["reason"] as? String == "sent by mistake")
            #expect(!Self.exists(fixture, "round-table-2.md"))
            let notes = try Office.json(try await client.execute(uri: "/api/notes", method: .get, headers: fixture.bearer))
            let sessions = try #require(notes["sessions"] as? [[String: Any]])
            #expect(sessions.first { $0["session"] as? String == "round-table-2" }?["missing"] as? Bool == true)

            let cases: [(String, HTTPResponse.Status, String)] = [
                (
                    "{\"note\":\"round-table-2.md\",\"reason\":\"again\"}", .unprocessableContent,
                    "there is no note 'round-table-2.md' in notes/ to withdraw"
                ),
                ("{\"note\":\"../forum.yaml\",\"reason\":\"x\"}", .unprocessableContent, "there is no note '../forum.yaml' in notes/ to withdraw"),
                ("{\"note\":\"round-table-3.md\",\"reason\":\"  \"}", .unprocessableContent, "say why the note is withdrawn"),
                ("{\"note\":\"round-table-3.md\"}", .badRequest, "the JSON body lacks \"reason\""),
            ]
            for (body, status, words) in cases {
                let response = try await Self.post(client, fixture, "/api/withdrawals", json: body)
                #expect(response.status == status, "\(body)")
                #expect(Office.field(response, "error") as? String == words, "\(body)")
                #expect(Self.inWords(Office.text(response), fixture))
            }
        }
        #expect(Self.exists(fixture, "round-table-3.md"))
        let withdrawals = try Office.entries(fixture.workspace).filter { $0.event.kind == "withdrawal" }
        #expect(withdrawals.count == 1)
    }

    @Test("POST /api/moves: stored under the other session with its author, the old note withdrawn by the person; refusals in words")
    func moveAPI() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let done = try await Self.post(
                client, fixture, "/api/moves", json: "{\"note\":\"round-table-1.md\",\"session\":\"hearing\",\"reason\":\"wrong form\"}")
            #expect(done.status == .created)
            let answer = try Office.json(done)
            #expect(answer["session"] as? String == "hearing")
            #expect(answer["author"] as? String == "Round-table rapporteur (sample)")
            let path = try #require(answer["path"] as? String)
            #expect(path.hasPrefix("notes/hearing--"))
            let withdrawal = try #require(answer["withdrawal"] as? [String: Any])
            #expect(withdrawal["kind"] as? String == "withdrawal")
            let record = try #require(withdrawal["record"] as? [String: Any])
            #expect(record["by"] as? String == "Olga Office")
            #expect(record["reason"] as? String == "moved to hearing as \(path): wrong form")
            #expect(!Self.exists(fixture, "round-table-1.md"))
            #expect(FileManager.default.fileExists(atPath: fixture.workspace + "/" + path))

            let cases: [(String, String)] = [
                ("{\"note\":\"round-table-3.md\",\"session\":\"round-table-9\"}", "unknown session 'round-table-9'"),
                ("{\"note\":\"round-table-3.md\",\"session\":\"round-table-3\"}", "the note is already for round-table-3"),
                ("{\"note\":\"round-table-1.md\",\"session\":\"plenary\"}", "there is no note 'round-table-1.md' in notes/ to move"),
            ]
            for (body, words) in cases {
                let response = try await Self.post(client, fixture, "/api/moves", json: body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(Office.field(response, "error") as? String == words, "\(body)")
                #expect(Self.inWords(Office.text(response), fixture))
            }
        }
        #expect(Self.exists(fixture, "round-table-3.md"))
    }

    @Test("POST /api/distributions/undo: the deliverable is open again, recorded by the person; nothing to undo is 422")
    func undoAPI() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let refused = try await Self.post(client, fixture, "/api/distributions/undo", json: "{\"deliverable\":\"pga-summaries\"}")
            #expect(refused.status == .unprocessableContent)
            #expect(Office.field(refused, "error") as? String == "pga-summaries is not marked distributed: there is nothing to undo")
            let unknown = try await Self.post(client, fixture, "/api/distributions/undo", json: "{\"deliverable\":\"nothing\"}")
            #expect(unknown.status == .unprocessableContent)
            #expect((Office.field(unknown, "error") as? String)?.contains("no deliverable 'nothing'") == true)
            #expect(try await Self.post(client, fixture, "/api/distributions", json: "{\"deliverable\":\"pga-summaries\"}").status == .created)
            let undone = try await Self.post(
                client, fixture, "/api/distributions/undo", json: "{\"deliverable\":\"pga-summaries\",\"reason\":\"the wrong one\"}")
            #expect(undone.status == .created)
            let answer = try Office.json(undone)
            #expect(answer["kind"] as? String == "distribution")
            let record = try #require(answer["record"] as? [String: Any])
            #expect(record["undone"] as? Bool == true)
            #expect(record["by"] as? String == "Olga Office")
            let status = try Office.json(try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer))
            let items = try #require(status["deliverables"] as? [[String: Any]])
            #expect(items.first { $0["id"] as? String == "pga-summaries" }?["state"] as? String != "distributed")
        }
    }

    // MARK: The pages' forms

    @Test("the notes page has a withdraw and a move form under each note, with the CSRF token and the other sessions")
    func notesPageForms() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let page = try await Self.page(client, fixture, "/office/notes")
            #expect(page.components(separatedBy: "action=\"/office/withdrawals\"").count == 8, "one form per note (7)")
            #expect(page.components(separatedBy: "action=\"/office/moves\"").count == 8)
            #expect(page.contains("<input type=\"hidden\" name=\"note\" value=\"round-table-2.md\">"))
            #expect(page.contains("name=\"reason\" required"))
            // The move form of round-table-2's note offers the other six sessions.
            let section = try #require(page.range(of: "id=\"notes-round-table-2\""))
            let moves = try #require(page.range(of: "action=\"/office/moves\"", range: section.upperBound..<page.endIndex))
            let rest = page[moves.upperBound...]
            let options = String(rest[..<(try #require(rest.range(of: "</select>"))).lowerBound])
            #expect(options.components(separatedBy: "<option").count == 7)
            #expect(!options.contains("value=\"round-table-2\""))
            #expect(page.contains("name=\"csrf\" value=\"\(fixture.csrf)\""))
        }
    }

    @Test("the forms: withdraw, move and undo answer with a redirect to a page that says what was done and the ledger entry")
    func forms() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let withdrawn = try await Self.form(client, fixture, "/office/withdrawals", "note=round-table-2.md&reason=sent+by+mistake")
            #expect(withdrawn.status == .seeOther)
            let location = try #require(withdrawn.headers[.location])
            #expect(location.hasPrefix("/office/notes?withdrawn="))
            let entry = String(location.dropFirst("/office/notes?withdrawn=".count))
            var page = try await Self.page(client, fixture, location)
            #expect(page.contains("Withdrawn: <code>notes/round-table-2.md</code> (Round table 2)"))
            #expect(page.contains("(ledger entry \(entry))"))
            #expect(!page.contains("value=\"round-table-2.md\""), "the note has left the list")

            let moved = try await Self.form(client, fixture, "/office/moves", "note=round-table-1.md&session=hearing")
            #expect(moved.status == .seeOther)
            let movedTo = try #require(moved.headers[.location])
            #expect(movedTo.hasPrefix("/office/notes?moved="))
            page = try await Self.page(client, fixture, movedTo)
            #expect(page.contains("Moved: <code>notes/round-table-1.md</code> is now <code>notes/hearing--"))
            #expect(page.contains("the old note withdrawn (ledger entry "))
            let hearing = try #require(page.range(of: "id=\"notes-hearing\""))
            let next = try #require(page.range(of: "<section", range: hearing.upperBound..<page.endIndex))
            #expect(page[hearing.upperBound..<next.lowerBound].contains("value=\"hearing--"), "listed under the hearing")

            #expect(try await Self.form(client, fixture, "/office/distributions", "deliverable=pga-summaries&at=&reference=").status == .seeOther)
            page = try await Self.page(client, fixture, "/")
            #expect(page.contains("action=\"/office/distributions/undo\""))
            #expect(page.contains("<input type=\"hidden\" name=\"deliverable\" value=\"pga-summaries\">"))
            let undone = try await Self.form(client, fixture, "/office/distributions/undo", "deliverable=pga-summaries&reason=the+wrong+one")
            #expect(undone.status == .seeOther)
            let undoneAt = try #require(undone.headers[.location])
            #expect(undoneAt.hasPrefix("/?undistributed="))
            page = try await Self.page(client, fixture, undoneAt)
            #expect(page.contains("No longer marked distributed: pga-summaries (the wrong one); it is open again (ledger entry "))
            #expect(!page.contains("action=\"/office/distributions/undo\""), "nothing left to undo")
        }
        let records = try Office.entries(fixture.workspace).compactMap { entry -> String? in
            switch entry.event {
            case .withdrawal(let record): record.by
            case .distribution(let record): record.by
            default: nil
            }
        }
        #expect(records == Array(repeating: "Olga Office", count: 4))
    }

    @Test("the forms' refusals: a page in words with status 422, nothing done; without the CSRF token 403; a rapporteur 403")
    func formRefusals() async throws {
        let fixture = try Office.fixture()
        defer { fixture.folder.remove() }
        let before = try Office.entries(fixture.workspace).count
        try await fixture.app.test(.router) { client in
            let cases: [(String, String, String)] = [
                ("/office/withdrawals", "note=round-table-2.md&reason=", "say why the note is withdrawn"),
                ("/office/withdrawals", "note=gone.md&reason=x", "there is no note &#39;gone.md&#39; in notes/ to withdraw"),
                ("/office/moves", "note=round-table-2.md&session=round-table-2", "the note is already for round-table-2"),
                ("/office/moves", "note=round-table-2.md&session=nowhere", "unknown session &#39;nowhere&#39;"),
                (
                    "/office/distributions/undo", "deliverable=pga-summaries&reason=",
                    "pga-summaries is not marked distributed: there is nothing to undo"
                ),
            ]
            for (uri, fields, words) in cases {
                let response = try await Self.form(client, fixture, uri, fields)
                #expect(response.status == .unprocessableContent, "\(uri) \(fields)")
                let page = Office.text(response)
                #expect(page.contains("<strong>Not done:</strong> \(words)"), "\(uri) \(fields)")
                #expect(Self.inWords(page, fixture))
            }
            for uri in ["/office/withdrawals", "/office/moves", "/office/distributions/undo"] {
                let forged = try await client.execute(
                    uri: uri, method: .post, headers: fixture.form,
                    body: ByteBuffer(string: "csrf=wrong&note=round-table-2.md&reason=x&session=hearing&deliverable=pga-summaries"))
                #expect(forged.status == .forbidden, "\(uri)")
                let rapporteur: HTTPFields = [
                    .cookie: "imrf_session=\(fixture.rapporteur)", .origin: Office.base, .contentType: "application/x-www-form-urlencoded",
                ]
                let csrf = Intake.csrfToken(for: fixture.rapporteur)
                let refused = try await client.execute(
                    uri: uri, method: .post, headers: rapporteur,
                    body: ByteBuffer(string: "csrf=\(csrf)&note=round-table-2.md&reason=x&session=hearing&deliverable=pga-summaries"))
                #expect(refused.status == .forbidden, "\(uri)")
            }
        }
        #expect(try Office.entries(fixture.workspace).count == before)
        #expect(Self.exists(fixture, "round-table-2.md"))
    }
}
