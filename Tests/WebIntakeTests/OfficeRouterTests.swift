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
import Tracker
@_spi(Testing) import WebIntake
import ZIPFoundation

/// The office's dashboard and API, driven in process over a real example
/// workspace: each endpoint's answer checked against the library call the
/// CLI makes, each refusal (a rapporteur's 403, bad bodies 400 and 422),
/// and every action recorded in the ledger with the person.
@Suite("office dashboard router")
struct OfficeRouterTests {
    static let base = IntakeRouterTests.base
    /// 12:00 New York on Monday 18 May 2026, the forum's second day.
    static let now = Date(timeIntervalSince1970: 1_779_120_000)

    struct Fixture {
        var folder: TemporaryFolder
        var workspace: String
        var office: String
        var rapporteur: String
        var intake: Intake
        var app: Application<RouterResponder<IntakeContext>>

        var bearer: HTTPFields { [.authorization: "Bearer \(office)"] }
        var json: HTTPFields { [.authorization: "Bearer \(office)", .contentType: "application/json"] }
        /// The office's browser: the cookie, its origin and the form's CSRF token.
        var cookie: HTTPFields { [.cookie: "imrf_session=\(office)"] }
        var form: HTTPFields {
            [.cookie: "imrf_session=\(office)", .origin: OfficeRouterTests.base, .contentType: "application/x-www-form-urlencoded"]
        }
        var csrf: String { Intake.csrfToken(for: office) }
    }

    static func fixture(clock: @escaping @Sendable () -> Date = { now }) throws -> Fixture {
        let folder = try TemporaryFolder()
        let workspace = folder.url.appendingPathComponent("ws").path
        try WorkspaceCreator.create(at: workspace, edition: .second, example: true)
        let invitations = Invitations(workspace: workspace)
        let office = try invitations.create(name: "Olga Office", sessions: [], role: .office, at: now.addingTimeInterval(-86_400))
        let rapporteur = try invitations.create(name: "Jane Doe", sessions: ["round-table-2"], at: now.addingTimeInterval(-86_400))
        let intake = Intake(configuration: IntakeConfiguration(workspace: workspace, baseURL: base, rateLimit: 1000, now: clock))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let app = Application(router: IntakeRouter.router(intake, logger: logger))
        return Fixture(folder: folder, workspace: workspace, office: office.token, rapporteur: rapporteur.token, intake: intake, app: app)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// A key of the answer's JSON object; nil when there is none.
    static func field(_ response: TestResponse, _ key: String) -> Any? {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])?[key]
    }

    static func entries(_ workspace: String) throws -> [LedgerEntry] {
        try Ledger.entriesIfPresent(workspace: URL(fileURLWithPath: workspace))
    }

    // MARK: Refusals

    @Test("a rapporteur's token gets 403 on every office endpoint and page; no token gets 401")
    func rapporteurRefused() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let endpoints: [(String, HTTPRequest.Method, String?)] = [
            ("/api/status", .get, nil), ("/api/compile", .post, "{\"formats\":[\"md\"]}"), ("/api/builds", .get, nil),
            ("/api/summary/summary.md", .get, nil), ("/api/log", .get, nil), ("/api/invitations", .get, nil),
            ("/api/invitations", .post, "{\"name\":\"X\",\"sessions\":[\"hearing\"]}"), ("/api/invitations/abc", .delete, nil),
            ("/api/distributions", .post, "{\"deliverable\":\"pga-summaries\"}"),
            ("/api/distributions/undo", .post, "{\"deliverable\":\"pga-summaries\"}"),
            ("/api/withdrawals", .post, "{\"note\":\"round-table-2.md\",\"reason\":\"x\"}"),
            ("/api/moves", .post, "{\"note\":\"round-table-2.md\",\"session\":\"hearing\"}"), ("/office/notes", .get, nil),
            ("/office/summary", .get, nil),
            ("/office/invitations", .get, nil), ("/office/ledger", .get, nil), ("/office/notes/x.md", .get, nil),
        ]
        let before = try Self.entries(fixture.workspace).count
        try await fixture.app.test(.router) { client in
            for (uri, method, body) in endpoints {
                let headers: HTTPFields = [.authorization: "Bearer \(fixture.rapporteur)", .contentType: "application/json"]
                try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri)")
                    if uri.hasPrefix("/api/") { #expect((Self.field(response, "error") as? String) == "this is for the office only") }
                }
                try await client.execute(uri: uri, method: method, body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == .unauthorized, "\(method) \(uri) without a token")
                }
            }
        }
        #expect(try Self.entries(fixture.workspace).count == before, "nothing was recorded")
    }

    @Test("bad bodies: 400 naming what is wrong, 422 for what the library refuses; nothing recorded")
    func badBodies() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let before = try Self.entries(fixture.workspace).count
        try await fixture.app.test(.router) { client in
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/api/compile", "{\"formats\":[\"rtf\"]}", .badRequest, "unknown format 'rtf'"),
                ("/api/compile", "not json", .badRequest, "the body is not a JSON object"),
                ("/api/compile", "{\"formats\":\"md\"}", .badRequest, "the JSON field \"formats\" has the wrong type"),
                ("/api/invitations", "{\"sessions\":[\"hearing\"]}", .badRequest, "the JSON body lacks \"name\""),
                ("/api/invitations", "{\"name\":\"X\",\"sessions\":[\"round-table-9\"]}", .unprocessableContent, "unknown session 'round-table-9'"),
                ("/api/invitations", "{\"name\":\"X\",\"sessions\":[\"hearing\"],\"expires\":\"soon\"}", .unprocessableContent, "the expiry 'soon'"),
                ("/api/invitations", "{\"name\":\"X\",\"role\":\"boss\"}", .unprocessableContent, "unknown role 'boss'"),
                ("/api/distributions", "{\"deliverable\":\"nothing\"}", .unprocessableContent, "nothing"),
                ("/api/distributions", "{\"deliverable\":\"pga-summaries\",\"at\":\"yesterday\"}", .unprocessableContent, "yesterday"),
            ]
            for (uri, body, status, words) in cases {
                try await client.execute(uri: uri, method: .post, headers: fixture.json, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(uri) \(body)")
                    let error = try Self.json(response)["error"] as? String ?? ""
                    #expect(error.contains(words), "\(uri) \(body): \(error)")
                }
            }
            try await client.execute(uri: "/api/log?kind=nothing", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/invitations/nobody", method: .delete, headers: fixture.bearer) { response in
                #expect(response.status == .unprocessableContent)
                #expect((Self.field(response, "error") as? String)?.contains("no invitation has the id 'nobody'") == true)
            }
        }
        #expect(try Self.entries(fixture.workspace).count == before)
    }

    @Test("cookie-authenticated office actions need the page's origin and CSRF token")
    func officeCSRF() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            var headers = fixture.cookie
            headers[.contentType] = "application/json"
            try await client.execute(uri: "/api/compile", method: .post, headers: headers, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/office/compile", method: .post, headers: fixture.form, body: ByteBuffer(string: "format=md&csrf=wrong")
            ) { #expect($0.status == .forbidden) }
            var otherSite = fixture.form
            otherSite[.origin] = "https://evil.example"
            try await client.execute(
                uri: "/office/compile", method: .post, headers: otherSite, body: ByteBuffer(string: "format=md&csrf=\(fixture.csrf)")
            ) { #expect($0.status == .forbidden) }
        }
        #expect(try Self.entries(fixture.workspace).allSatisfy { $0.event.kind != "compile" })
    }

    // MARK: Status and notes

    @Test("GET /api/status is imrf status --json at the same moment")
    func status() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let tracker = try Tracker.load(workspace: fixture.workspace)
        let report = try StatusReport(tracker: tracker, evidence: try Evidence.gather(workspace: fixture.workspace), now: Self.now, warnDays: 3)
        let expected = StatusDocument(report).encoded()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                // The same bytes: the same clock, the same JSON form.
                #expect(Self.text(response) == expected)
                #expect(Self.field(response, "status") as? String == report.status.rawValue)
            }
            try await client.execute(uri: "/", method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                #expect(page.contains("<strong>\(report.status.rawValue)</strong> - \(htmlEscaped(report.message))"))
                for item in report.deliverables { #expect(page.contains("id=\"deliverable-\(item.id)\"")) }
                // A date is due by the end of that day, as the status line and the rapporteur's page say.
                #expect(page.contains(">Fri 22 May 2026 (end of day) New York</time>"))
                #expect(page.contains("data-label=\"Due\""), "the narrow layout names each cell")
            }
        }
    }

    /// The status of one second is computed once however many ask; a
    /// change in the ledger, or the next second, computes it again.
    @Test("the status is kept for its second while nothing changes: computed once for many requests")
    func statusKeptForItsSecond() async throws {
        let clock = Locked(Self.now.addingTimeInterval(0.25))
        let fixture = try Self.fixture(clock: { clock.withLock { $0 } })
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            var answers: [String] = []
            for _ in 0..<5 {
                try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { answers.append(Self.text($0)) }
            }
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { #expect($0.status == .ok) }
            #expect(fixture.intake.statusComputations == 1)
            #expect(Set(answers).count == 1)
            // Within the same second: the same answer, as at the second's start.
            clock.withLock { $0 = Self.now.addingTimeInterval(0.75) }
            try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { #expect(Self.text($0) == answers[0]) }
            #expect(fixture.intake.statusComputations == 1)
            #expect(answers[0].contains("\"now\":\"2026-05-18T16:00:00Z\""))
            // The ledger changes: computed again, and the distribution is in it.
            let body = "{\"deliverable\":\"pga-summaries\"}"
            try await client.execute(uri: "/api/distributions", method: .post, headers: fixture.json, body: ByteBuffer(string: body)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { response in
                let items = Self.field(response, "deliverables") as? [[String: Any]] ?? []
                #expect(items.first { $0["id"] as? String == "pga-summaries" }?["state"] as? String == "distributed")
            }
            #expect(fixture.intake.statusComputations == 2)
            // The next second: computed again.
            clock.withLock { $0 = Self.now.addingTimeInterval(1.25) }
            try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { #expect($0.status == .ok) }
            #expect(fixture.intake.statusComputations == 3)
        }
    }

    @Test("GET /api/notes for the office: every session, a missing one flagged, the check's diagnostics with file and line")
    func notes() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let notes = fixture.workspace + "/notes"
        let hearing = try #require(try FileManager.default.contentsOfDirectory(atPath: notes).first { $0.hasPrefix("hearing") })
        try FileManager.default.removeItem(atPath: notes + "/" + hearing)
        try Data("---\nsession: round-table-1\ntitle: \"<script>alert(1)</script>\"\nauthor: X\nobjectives: [99]\n---\nText.\n".utf8)
            .write(to: URL(fileURLWithPath: notes + "/broken.md"))
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/notes", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response)
                #expect(answer["notes"] is [Any])
                let sessions = try #require(answer["sessions"] as? [[String: Any]])
                #expect(sessions.count == 7)
                let missing = sessions.filter { $0["missing"] as? Bool == true }.map { $0["session"] as? String }
                #expect(missing == ["hearing"])
                let check = try #require(answer["check"] as? [String: Any])
                let diagnostics = try #require(check["diagnostics"] as? [[String: Any]])
                let broken = try #require(diagnostics.first { $0["file"] as? String == "notes/broken.md" })
                #expect(broken["line"] as? Int == 5)
                #expect(diagnostics.contains { ($0["message"] as? String)?.contains("session 'hearing' has no note") == true })
            }
            try await client.execute(uri: "/office/notes", method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                #expect(page.contains("id=\"notes-hearing\""))
                #expect(page.contains("No note yet."))
                #expect(page.contains("notes/broken.md:5"))
                #expect(!page.contains(":0:0") && !page.contains("notes:0"), "a folder has no line")
                #expect(!page.contains("<script>alert"), "a note's words are escaped")
            }
            try await client.execute(uri: "/office/notes/broken.md", method: .get, headers: fixture.cookie) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("&lt;script&gt;"))
            }
            for name in ["..%2Fforum.yaml", "missing.md", "%2E%2E"] {
                try await client.execute(uri: "/office/notes/\(name)", method: .get, headers: fixture.cookie) { response in
                    #expect(response.status == .notFound, "\(name)")
                }
            }
        }
    }

    // MARK: Compile and download

    @Test("POST /api/compile writes the build and records it with the person; GET /api/summary/FILE serves it")
    func compileAndDownload() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/summary/summary.docx", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .notFound)
                #expect((Self.field(response, "error") as? String) == "nothing has been compiled yet")
            }
            var outputs: [[String: Any]] = []
            try await client.execute(
                uri: "/api/compile", method: .post, headers: fixture.json, body: ByteBuffer(string: "{\"formats\":[\"md\",\"html\",\"docx\"]}")
            ) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response)
                outputs = try #require(answer["outputs"] as? [[String: Any]])
                #expect(outputs.map { $0["file"] as? String } == ["summary.md", "summary.html", "summary.docx"])
                #expect(answer["draft"] as? Bool == false)
            }
            for output in outputs {
                let path = try #require(output["path"] as? String)
                let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.workspace + "/" + path))
                #expect(SHA256.hex(of: Array(bytes)) == output["sha256"] as? String)
            }
            try await client.execute(uri: "/api/summary/summary.docx", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"summary.docx\"")
                let bytes = Data(response.body.readableBytesView)
                #expect(SHA256.hex(of: Array(bytes)) == outputs[2]["sha256"] as? String)
                let archive = try Archive(data: bytes, accessMode: .read)
                #expect(archive["word/document.xml"] != nil)
            }
            try await client.execute(uri: "/api/summary/summary.html", method: .get, headers: fixture.bearer) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"summary.html\"")
            }
            for name in ["forum.yaml", "..%2Fforum.yaml", "summary.pdf"] {
                try await client.execute(uri: "/api/summary/\(name)", method: .get, headers: fixture.bearer) { response in
                    #expect(response.status == .notFound, "\(name)")
                }
            }
            // A file changed after the compile is not served as the build.
            try Data("changed".utf8).write(to: URL(fileURLWithPath: fixture.workspace + "/build/summary.md"))
            try await client.execute(uri: "/api/summary/summary.md", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .conflict)
            }
        }
        // The last compile (the deadlines it found are recorded after it).
        let compile = try #require(try Self.entries(fixture.workspace).last { $0.event.kind == "compile" })
        guard case .compile(let record) = compile.event else {
            Issue.record("not a compile: \(compile)")
            return
        }
        #expect(record.by == "Olga Office")
        #expect(compile.at == Self.now)
    }

    @Test("revision marks: a compile with changesSince also writes summary.changes.docx, served like the others; the form lists the final builds")
    func compileWithChangesSince() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            // Nothing to compare with yet: refused with the library's words, nothing written.
            try await client.execute(
                uri: "/api/compile", method: .post, headers: fixture.json,
                body: ByteBuffer(string: "{\"formats\":[\"docx\"],\"changesSince\":\"previous\"}")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let diagnostics = try Self.json(response)["diagnostics"] as? [[String: Any]] ?? []
                #expect(diagnostics.contains { ($0["message"] as? String ?? "").contains("no earlier") }, "\(diagnostics)")
            }
            try await client.execute(
                uri: "/api/compile", method: .post, headers: fixture.json,
                body: ByteBuffer(string: "{\"formats\":[\"docx\"],\"changesSince\":\"soon\"}")
            ) { response in
                #expect(response.status == .badRequest)
                #expect((Self.field(response, "error") as? String)?.contains("changes since 'soon'") == true)
            }
            try await client.execute(uri: "/api/compile", method: .post, headers: fixture.json, body: ByteBuffer(string: "{\"formats\":[\"docx\"]}"))
            {
                #expect($0.status == .ok)
            }
            let first = try #require(try Self.entries(fixture.workspace).last { $0.event.kind == "compile" }).id
            try await client.execute(uri: "/office/summary", method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                #expect(page.contains("<select id=\"changes-since\" name=\"changesSince\""))
                #expect(page.contains("<option value=\"previous\">") && page.contains("<option value=\"\(first)\">since build #\(first), "))
            }
            let note = fixture.workspace + "/notes/hearing.md"
            let text = try String(contentsOfFile: note, encoding: .utf8)
            try (text + "\nA paragraph added since the first build.\n").write(toFile: note, atomically: true, encoding: .utf8)
            var location = ""
            try await client.execute(
                uri: "/office/compile", method: .post, headers: fixture.form,
                body: ByteBuffer(string: "format=docx&changesSince=\(first)&csrf=\(fixture.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
            }
            try await client.execute(uri: location, method: .get, headers: fixture.cookie) { response in
                #expect(Self.text(response).contains("href=\"/api/summary/summary.changes.docx\""))
            }
            try await client.execute(uri: "/api/summary/summary.changes.docx", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
                let entry = try #require(archive["word/document.xml"])
                var xml = Data()
                _ = try archive.extract(entry) { xml.append($0) }
                let document = String(decoding: xml, as: UTF8.self)
                #expect(document.contains("<w:ins ") && document.contains("A paragraph added since the first build."))
                #expect(document.contains("w:author=\""))
            }
        }
    }

    @Test("a compile refused for the notes' errors: 422 with the diagnostics, and the previous build still downloads")
    func refusedCompile() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/compile", method: .post, headers: fixture.json, body: ByteBuffer(string: "{\"formats\":[\"md\"]}")) {
                #expect($0.status == .ok)
            }
            try Data("---\nsession: round-table-1\nauthor: X\nobjectives: [99]\n---\nText.\n".utf8)
                .write(to: URL(fileURLWithPath: fixture.workspace + "/notes/broken.md"))
            try await client.execute(uri: "/api/compile", method: .post, headers: fixture.json, body: ByteBuffer(string: "{\"formats\":[\"md\"]}")) {
                response in
                #expect(response.status == .unprocessableContent)
                let answer = try Self.json(response)
                #expect((answer["errors"] as? Int ?? 0) >= 1)
                let diagnostics = try #require(answer["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.contains { $0["file"] as? String == "notes/broken.md" && $0["severity"] as? String == "error" })
            }
            try await client.execute(
                uri: "/office/compile", method: .post, headers: fixture.form, body: ByteBuffer(string: "format=md&csrf=\(fixture.csrf)")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let page = Self.text(response)
                #expect(page.contains("Not compiled"))
                #expect(page.contains("notes/broken.md"))
                #expect(page.contains("href=\"/api/summary/summary.md\""), "the previous build's download stays")
            }
            try await client.execute(uri: "/api/summary/summary.md", method: .get, headers: fixture.bearer) { #expect($0.status == .ok) }
        }
    }

    // MARK: Ledger, invitations, distribution

    @Test("GET /api/log is imrf log --json; ?kind= filters; the page shows it newest first")
    func log() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let expected = try LedgerEntry.jsonArray(try Self.entries(fixture.workspace))
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/log", method: .get, headers: fixture.bearer) { response in
                #expect(Self.text(response) == expected)
            }
            try await client.execute(uri: "/api/log?kind=invitation", method: .get, headers: fixture.bearer) { response in
                let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
                #expect(items.count == 2)
                #expect(items.allSatisfy { $0["kind"] as? String == "invitation" })
            }
            try await client.execute(uri: "/office/ledger", method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                let jane = try #require(page.range(of: "Jane Doe"))
                let olga = try #require(page.range(of: "Olga Office"))
                #expect(jane.lowerBound < olga.lowerBound, "newest first")
                #expect(!page.contains(fixture.office))
            }
        }
    }

    @Test("invitations: created with a working link and recorded by the person, listed without tokens, revoked")
    func invitations() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            var url = ""
            var id = ""
            let body = "{\"name\":\"Amal Haddad\",\"sessions\":[\"round-table-3\"],\"email\":\"amal@example.org\",\"expires\":\"2026-06-30\"}"
            try await client.execute(uri: "/api/invitations", method: .post, headers: fixture.json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                let answer = try Self.json(response)
                #expect(answer.keys.sorted() == ["email", "expires", "id", "name", "role", "sessions", "url"])
                url = try #require(answer["url"] as? String)
                id = try #require(answer["id"] as? String)
                #expect(url.hasPrefix(Self.base + "/i/"))
                #expect(answer["sessions"] as? [String] == ["round-table-3"])
            }
            let token = String(url.dropFirst((Self.base + "/i/").count))
            try await client.execute(uri: "/i/\(token)", method: .get) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/api/invitations", method: .get, headers: fixture.bearer) { response in
                let text = Self.text(response)
                #expect(!text.contains(token))
                let listed = try #require(try Self.json(response)["invitations"] as? [[String: Any]])
                let amal = try #require(listed.first { $0["id"] as? String == id })
                #expect(amal["state"] as? String == "active")
                #expect(amal["lastSignIn"] != nil, "the sign-in just made")
            }
            try await client.execute(uri: "/api/invitations/\(id)", method: .delete, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                #expect(Self.field(response, "state") as? String == "revoked")
            }
            try await client.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .unauthorized)
            }
            // The page's form: the link shown once, with its copy button;
            // the same form sent again (a reload) creates nothing.
            let form = ByteBuffer(
                string: "csrf=\(fixture.csrf)&once=0123456789abcdef&name=Li+Wei&sessions=hearing&sessions=plenary&role=rapporteur&email=&expires=")
            try await client.execute(uri: "/office/invitations", method: .post, headers: fixture.form, body: form) { response in
                #expect(response.status == .created)
                let page = Self.text(response)
                #expect(page.contains("id=\"new-link\" readonly value=\"\(Self.base)/i/"))
                #expect(page.contains("data-copy=\"new-link\""))
                #expect(page.contains("Informal interactive multistakeholder hearing, Plenary"))
            }
            try await client.execute(uri: "/office/invitations", method: .post, headers: fixture.form, body: form) { response in
                #expect(response.status == .conflict)
                #expect(Self.text(response).contains("this form was already sent"))
                #expect(!Self.text(response).contains("id=\"new-link\""))
            }
        }
        #expect(try Invitations(workspace: fixture.workspace).list().filter { $0.name == "Li Wei" }.count == 1)
        let records = try Self.entries(fixture.workspace).compactMap { entry -> (String, String?)? in
            switch entry.event {
            case .invitation(let record): (record.name, record.by)
            case .revocation(let record): ("revoked " + record.invitation, record.by)
            default: nil
            }
        }
        #expect(records.filter { $0.1 == "Olga Office" }.map(\.0).count == 3)
    }

    @Test("the office cannot revoke its own invitation on the web (it would be locked out); the page offers no button for it")
    func ownInvitation() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let own = try #require(try Invitations(workspace: fixture.workspace).list().first { $0.name == "Olga Office" })
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/invitations/\(own.id)", method: .delete, headers: fixture.bearer) { response in
                #expect(response.status == .unprocessableContent)
                #expect((Self.field(response, "error") as? String)?.hasPrefix("you cannot revoke your own invitation") == true)
            }
            try await client.execute(uri: "/office/invitations", method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                #expect(!page.contains("/office/invitations/\(own.id)/revoke"))
                #expect(page.contains("/revoke"), "the others' buttons are there")
            }
        }
        #expect(try Invitations(workspace: fixture.workspace).list().first { $0.id == own.id }?.revoked == nil)
    }

    @Test("the pages' forms answer a done action with a redirect, so a reload does not do it again; the page then shows what was done")
    func postRedirectGet() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let jane = try #require(try Invitations(workspace: fixture.workspace).list().first { $0.name == "Jane Doe" })
        try await fixture.app.test(.router) { client in
            var location = ""
            try await client.execute(
                uri: "/office/compile", method: .post, headers: fixture.form, body: ByteBuffer(string: "format=md&format=docx&csrf=\(fixture.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
                #expect(location.hasPrefix("/office/summary?compiled="))
            }
            try await client.execute(uri: location, method: .get, headers: fixture.cookie) { response in
                let page = Self.text(response)
                #expect(page.contains("<h3>Compiled</h3>"))
                #expect(page.contains("build/summary.docx"))
                #expect(page.contains("href=\"/api/summary/summary.docx\""))
            }
            try await client.execute(
                uri: "/office/distributions", method: .post, headers: fixture.form,
                body: ByteBuffer(string: "csrf=\(fixture.csrf)&deliverable=pga-summaries&at=&reference=A%2F80%2F123")
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
                #expect(location.hasPrefix("/?distributed="))
            }
            try await client.execute(uri: location, method: .get, headers: fixture.cookie) { response in
                #expect(Self.text(response).contains("Marked distributed: pga-summaries, reference A/80/123"))
            }
            try await client.execute(
                uri: "/office/invitations/\(jane.id)/revoke", method: .post, headers: fixture.form, body: ByteBuffer(string: "csrf=\(fixture.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/office/invitations?revoked=\(jane.id)")
            }
            try await client.execute(uri: "/office/invitations?revoked=\(jane.id)", method: .get, headers: fixture.cookie) { response in
                #expect(Self.text(response).contains("Invitation \(jane.id) (Jane Doe) revoked"))
            }
        }
    }

    @Test("POST /api/distributions marks the deliverable as imrf mark distributed does, by the person; the status follows")
    func distribution() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let body = "{\"deliverable\":\"pga-summaries\",\"at\":\"2026-05-21T16:30\",\"reference\":\"A/80/123\"}"
            try await client.execute(uri: "/api/distributions", method: .post, headers: fixture.json, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                let answer = try Self.json(response)
                #expect(answer["kind"] as? String == "distribution")
                #expect(answer["at"] as? String == "2026-05-21T20:30:00Z")
            }
            try await client.execute(uri: "/api/status", method: .get, headers: fixture.bearer) { response in
                let items = try #require(try Self.json(response)["deliverables"] as? [[String: Any]])
                #expect(items.first { $0["id"] as? String == "pga-summaries" }?["state"] as? String == "distributed")
            }
            try await client.execute(
                uri: "/office/distributions", method: .post, headers: fixture.form,
                body: ByteBuffer(string: "csrf=\(fixture.csrf)&deliverable=nothing&at=&reference=")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Self.text(response).contains("Not done:"))
            }
        }
        let last = try #require(try Self.entries(fixture.workspace).last { $0.event.kind == "distribution" })
        guard case .distribution(let record) = last.event else {
            Issue.record("\(last)")
            return
        }
        #expect(record.by == "Olga Office")
        #expect(record.reference == "A/80/123")
    }
}

/// The page's escaping, for comparing a page with a message.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}
