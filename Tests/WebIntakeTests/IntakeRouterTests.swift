import Forum
import ForumWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMRFTestSupport
import Ledger
import Logging
import Testing
import WebIntake

/// The web intake's router, driven in process by HummingbirdTesting over
/// a real example workspace: every status code of the API, sign-in by link
/// and bearer, CSRF, limits, and a hostile note's preview.
@Suite("web intake router")
struct IntakeRouterTests {
    static let base = "http://intake.test"

    /// A workspace with the example notes, an invitation for `sessions`, and
    /// the router over it.
    struct Fixture {
        var folder: TemporaryFolder
        var workspace: String
        var token: String
        var person: Invitation
        var app: Application<RouterResponder<IntakeContext>>

        var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }
        var markdown: HTTPFields { [.authorization: "Bearer \(token)", .contentType: "text/markdown"] }
    }

    static func fixture(
        sessions: [String] = ["round-table-2"], role: InvitationRole = .rapporteur, rateLimit: Int = 100
    ) throws -> Fixture {
        let folder = try TemporaryFolder()
        let workspace = folder.url.appendingPathComponent("ws").path
        try WorkspaceCreator.create(at: workspace, edition: .second, example: true)
        let issued = try Invitations(workspace: workspace).create(name: "Jane Doe", sessions: sessions, role: role)
        let intake = Intake(configuration: IntakeConfiguration(workspace: workspace, baseURL: base, rateLimit: rateLimit))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let app = Application(router: IntakeRouter.router(intake, logger: logger))
        return Fixture(folder: folder, workspace: workspace, token: issued.token, person: issued.invitation, app: app)
    }

    static func note(
        session: String = "round-table-2", author: String = "Jane Doe", body: String = "The round table discussed legal identity."
    )
        -> String
    {
        "---\nsession: \(session)\ntitle: Round table\nauthor: \(author)\nrole: rapporteur\nobjectives: [4, 8]\n---\n\(body)\n"
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let data = Data(response.body.readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    // MARK: Sign-in

    @Test("the link signs in: a session cookie, HttpOnly and SameSite=Strict, then /")
    func linkSignsIn() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/i/\(fixture.token)", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("imrf_session=\(fixture.token);"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(!cookie.contains("Secure"), "http base URL: no Secure")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "imrf_session=\(fixture.token)"]) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.contains("Jane Doe"))
                #expect(page.contains("session-round-table-2"))
                #expect(!page.contains("session-round-table-1"), "only the invited session")
                #expect(!page.contains(fixture.token), "the token never reaches the page")
            }
        }
        let entries = try await Ledger(workspace: URL(fileURLWithPath: fixture.workspace)).entries()
        #expect(entries.contains { if case .signIn(let record) = $0.event { record.method == "link" } else { false } })
    }

    @Test("a link clicked on another site: the cookie, and a page that moves on")
    func crossSiteLink() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/i/\(fixture.token)", method: .get, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie] != nil)
                #expect(Self.text(response).contains("href=\"/\""))
            }
        }
    }

    @Test("an unknown, expired or revoked link: 401 and a page saying so, no stack trace")
    func refusedLinks() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let invitations = Invitations(workspace: fixture.workspace)
        let past = Date().addingTimeInterval(-3 * 86_400)
        let expired = try invitations.create(
            name: "Old Link", sessions: ["round-table-2"], expires: past.addingTimeInterval(86_400), at: past)
        let revoked = try invitations.create(name: "Gone", sessions: ["round-table-2"])
        try invitations.revoke(id: revoked.invitation.id)
        try await fixture.app.test(.router) { client in
            for (token, words) in [
                (String(repeating: "A", count: 43), "not valid"), (expired.token, "expired"), (revoked.token, "withdrawn"),
                ("short", "not valid"),
            ] {
                try await client.execute(uri: "/i/\(token)", method: .get) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.setCookie] == nil)
                    let page = Self.text(response)
                    #expect(page.contains(words), "\(page)")
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
                try await client.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .unauthorized)
                    let answer = try Self.json(response)

                    #expect(answer["error"] as? String != nil)
                }
            }
        }
    }

    @Test("no token: 401 on the page (in a person's words) and the API (with the header to send)")
    func notSignedIn() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .unauthorized)
                let page = Self.text(response)
                #expect(page.contains("<h1>Sign in with your personal link</h1>"))
                #expect(page.contains("ask the office for a new one"))
                #expect(!page.contains("Bearer"), "no HTTP header on a rapporteur's page")
                #expect(!page.contains("Back to your page"), "no way back when not signed in")
            }
            try await client.execute(uri: "/api/notes", method: .get) { response in
                #expect(response.status == .unauthorized)
                let body = try Self.json(response)
                #expect(body["error"] as? String == "sign in with your personal link")
                #expect((body["hint"] as? String)?.contains("Authorization: Bearer TOKEN") == true)
            }
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(string: Self.note())) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    // MARK: The API

    @Test("GET /api/me: the person, their sessions and deadlines")
    func me() async throws {
        let fixture = try Self.fixture(sessions: ["round-table-2", "plenary"])
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["name"] as? String == "Jane Doe")
                #expect(body["role"] as? String == "rapporteur")
                let sessions = try #require(body["sessions"] as? [[String: Any]])
                #expect(sessions.map { $0["session"] as? String } == ["round-table-2", "plenary"])
                let deadline = try #require(sessions[0]["deadline"] as? [String: Any])
                // The example has every session's note: the round tables'
                // summaries are received, so the next deadline is the PGA summaries'.
                #expect(deadline["deliverable"] as? String == "pga-summaries")
                #expect(deadline["due"] as? String == "2026-05-22")
                #expect(deadline.keys.contains("workingDaysLeft"))
                #expect(sessions[0]["objectives"] as? [Int] != nil)
            }
        }
    }

    @Test("POST /api/check: 200 with the diagnostics, errors included")
    func check() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: fixture.markdown, body: ByteBuffer(string: Self.note())) {
                response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["errors"] as? Int == 0)
            }
            let broken = "---\nsession: round-table-9\nauthor: Jane Doe\n---\nText.\n"
            try await client.execute(uri: "/api/check", method: .post, headers: fixture.markdown, body: ByteBuffer(string: broken)) {
                response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect((body["errors"] as? Int ?? 0) >= 1)
                let first = try #require((body["diagnostics"] as? [[String: Any]])?.first)
                #expect(first["severity"] as? String == "error")
                #expect(first["line"] as? Int == 2)
                #expect(first.keys.sorted() == ["column", "hint", "line", "message", "severity"])
            }
        }
    }

    /// The note is checked as if in notes/, where it will be stored: a
    /// picture beside the notes is found, a missing one is "not found".
    /// (It was checked from the server's current folder: every picture was
    /// "outside the workspace" unless the server ran inside it.)
    @Test("POST /api/check finds a note's pictures from the workspace's notes folder, not the server's current folder")
    func checkPictures() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let figures = fixture.workspace + "/notes/figures"
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        try Data(Self.onePixelPNG).write(to: URL(fileURLWithPath: figures + "/chart.png"))
        try await fixture.app.test(.router) { client in
            let shown = Self.note(body: "Text.\n\n![Chart](figures/chart.png)")
            try await client.execute(uri: "/api/check", method: .post, headers: fixture.markdown, body: ByteBuffer(string: shown)) {
                response in
                let body = try Self.json(response)
                #expect(body["errors"] as? Int == 0, "\(body)")
            }
            let missing = Self.note(body: "Text.\n\n![Chart](figures/none.png)")
            try await client.execute(uri: "/api/check", method: .post, headers: fixture.markdown, body: ByteBuffer(string: missing)) {
                response in
                let first = try #require((try Self.json(response)["diagnostics"] as? [[String: Any]])?.first)
                #expect(first["message"] as? String == "image 'figures/none.png' not found")
                #expect(first["line"] as? Int == 10)
                // The page sends text only: the hint says what a rapporteur can do.
                #expect((first["hint"] as? String)?.hasPrefix("this page cannot send pictures") == true)
            }
            // A submission refused for it gives the same hint.
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: missing)) {
                response in
                #expect(response.status == .unprocessableContent)
                let first = try #require((try Self.json(response)["diagnostics"] as? [[String: Any]])?.first)
                #expect((first["hint"] as? String)?.hasPrefix("this page cannot send pictures") == true)
            }
        }
    }

    /// A 1 x 1 PNG.
    static let onePixelPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60,
        0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0xF6, 0x17, 0x38, 0x55, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    @Test("POST /api/notes: 201 with the receipt, 200 for the same text, a new version after a change")
    func submit() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let (firstSHA, firstAt) = try await client.execute(
                uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: Self.note())
            ) { response in
                #expect(response.status == .created)
                let first = try Self.json(response)
                #expect(first["path"] as? String == "notes/round-table-2--jane-doe.md")
                #expect(first["version"] as? Int == 1)
                #expect((first["sha256"] as? String)?.count == 64)
                #expect(first["at"] as? String != nil)
                return (first["sha256"] as? String, first["at"] as? String)
            }
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: Self.note())) {
                response in
                #expect(response.status == .ok)
                let again = try Self.json(response)
                #expect(again["sha256"] as? String == firstSHA)
                #expect(again["at"] as? String == firstAt)
                #expect(again["version"] as? Int == 1)
            }
            let changed = Self.note(body: "The round table discussed legal identity and documents.")
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: changed)) {
                response in
                #expect(response.status == .created)
                let answer = try Self.json(response)

                #expect(answer["version"] as? Int == 2)
            }
            try await client.execute(uri: "/api/notes", method: .get, headers: fixture.bearer) { response in
                #expect(response.status == .ok)
                let notes = try #require(try Self.json(response)["notes"] as? [[String: Any]])
                #expect(notes.count == 1)
                #expect((notes[0]["versions"] as? [[String: Any]])?.count == 2)
            }
        }
        let stored = try String(contentsOfFile: fixture.workspace + "/notes/round-table-2--jane-doe.md", encoding: .utf8)
        #expect(stored.contains("and documents"))
        let history = try FileManager.default.contentsOfDirectory(atPath: fixture.workspace + "/notes/.history")
        #expect(history.count == 1, "the earlier version is kept")
    }

    @Test("POST /api/notes: 422 with the diagnostics and nothing stored; 403 for another session")
    func refusedSubmissions() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: fixture.workspace + "/notes").sorted()
        try await fixture.app.test(.router) { client in
            let invalid = "---\nsession: round-table-2\nauthor: Jane Doe\nobjectives: [99]\n---\nText.\n"
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: invalid)) {
                response in
                #expect(response.status == .unprocessableContent)
                let answer = try Self.json(response)
                #expect((answer["errors"] as? Int ?? 0) >= 1)
            }
            let someoneElse = Self.note(author: "John Roe")
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: someoneElse)) {
                response in
                #expect(response.status == .unprocessableContent, "a note is submitted by its author")
            }
            let otherSession = Self.note(session: "round-table-1")
            try await client.execute(uri: "/api/notes", method: .post, headers: fixture.markdown, body: ByteBuffer(string: otherSession)) {
                response in
                #expect(response.status == .forbidden)
                let answer = try Self.json(response)

                #expect(answer["error"] as? String != nil)
            }
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: fixture.workspace + "/notes").sorted()
        #expect(before == after)
    }

    @Test("a body over the note limit: 413")
    func bodyLimit() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let huge = Self.note(body: String(repeating: "word ", count: (4 << 20) / 5 + 10))
        try await fixture.app.test(.router) { client in
            for uri in ["/api/check", "/api/notes"] {
                try await client.execute(uri: uri, method: .post, headers: fixture.markdown, body: ByteBuffer(string: huge)) { response in
                    #expect(response.status == .contentTooLarge)
                    let answer = try Self.json(response)

                    #expect(answer["error"] as? String != nil)
                }
            }
        }
    }

    @Test("beyond the rate limit: 429 with Retry-After")
    func rateLimit() async throws {
        let fixture = try Self.fixture(rateLimit: 2)
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            for expected in [HTTPResponse.Status.ok, .ok, .tooManyRequests] {
                try await client.execute(uri: "/api/check", method: .post, headers: fixture.markdown, body: ByteBuffer(string: Self.note())) {
                    response in
                    #expect(response.status == expected)
                    if expected == .tooManyRequests {
                        let wait = try #require(response.headers[.retryAfter].flatMap(Int.init))
                        #expect((1...60).contains(wait))
                    }
                }
            }
        }
    }

    // MARK: CSRF

    @Test("a cookie-authenticated POST needs the same Origin and the CSRF token")
    func csrf() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let cookie = "imrf_session=\(fixture.token)"
        try await fixture.app.test(.router) { client in
            let csrfToken = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                let page = Self.text(response)
                let marker = "name=\"csrf-token\" content=\""
                let start = try #require(page.range(of: marker)).upperBound
                return String(page[start...].prefix { $0 != "\"" })
            }
            #expect(csrfToken == Intake.csrfToken(for: fixture.token))
            let body = ByteBuffer(string: Self.note())
            let cases: [(HTTPFields, HTTPResponse.Status)] = [
                ([.cookie: cookie, .contentType: "text/markdown"], .forbidden),
                ([.cookie: cookie, .contentType: "text/markdown", .origin: "https://evil.example"], .forbidden),
                ([.cookie: cookie, .contentType: "text/markdown", .origin: Self.base], .forbidden),
                (
                    [.cookie: cookie, .contentType: "text/markdown", .origin: "https://evil.example", HTTPField.Name("X-CSRF-Token")!: csrfToken],
                    .forbidden
                ),
                (
                    [
                        .cookie: cookie, .contentType: "text/markdown", .origin: Self.base,
                        // One digit changed (a token starting with 0 gets a 1: the test failed 1 run in 16).
                        HTTPField.Name("X-CSRF-Token")!: (csrfToken.hasPrefix("0") ? "1" : "0") + csrfToken.dropFirst(),
                    ], .forbidden
                ),
                ([.cookie: cookie, .contentType: "text/markdown", .origin: Self.base, HTTPField.Name("X-CSRF-Token")!: csrfToken], .ok),
            ]
            for (headers, status) in cases {
                try await client.execute(uri: "/api/check", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == status, "\(headers)")
                }
            }
            // The form: the token in its field.
            let form = "csrf=\(csrfToken)&session=round-table-2&title=T&body=Text&action=check"
            let formHeaders: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .origin: Self.base]
            try await client.execute(uri: "/note", method: .post, headers: formHeaders, body: ByteBuffer(string: form)) {
                #expect($0.status == .ok)
            }
            let forged = "csrf=nope&session=round-table-2&title=T&body=Text&action=submit"
            try await client.execute(uri: "/note", method: .post, headers: formHeaders, body: ByteBuffer(string: forged)) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test("a mistake in a field is shown at the field, not at a line of front matter the person never typed")
    func fieldNamedInTheCheck() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let cookie = "imrf_session=\(fixture.token)"
        let csrf = Intake.csrfToken(for: fixture.token)
        let form = "csrf=\(csrf)&session=round-table-2&title=T&language=English+(UK)&body=Text&action=check"
        let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .origin: Self.base]
        var json = headers
        json[.accept] = "application/json"
        try await fixture.app.test(.router) { [json] client in
            try await client.execute(uri: "/note", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains("at the Language field: &#39;English (UK)&#39; is a language&#39;s name, not its code"))
            }
            try await client.execute(uri: "/note", method: .post, headers: json, body: ByteBuffer(string: form)) { response in
                let body = try Self.json(response)
                let fields = try #require(body["fields"] as? [String: String])
                let first = try #require(((body["check"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.first)
                let line = try #require(first["line"] as? Int)
                #expect(fields[String(line)] == "Language")
                #expect(fields["2"] == "Session")
            }
        }
    }

    @Test("sign-out clears the cookie, with the page's CSRF token only; the link signs in again")
    func signOut() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let cookie = "imrf_session=\(fixture.token)"
        let csrf = Intake.csrfToken(for: fixture.token)
        let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .origin: Self.base]
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
                #expect(Self.text(response).contains("action=\"/sign-out\""))
            }
            for (form, origin) in [("csrf=forged", Self.base), ("csrf=\(csrf)", "https://evil.example")] {
                var forged = headers
                forged[.origin] = origin
                try await client.execute(uri: "/sign-out", method: .post, headers: forged, body: ByteBuffer(string: form)) { response in
                    #expect(response.status == .forbidden)
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            try await client.execute(uri: "/sign-out", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)")) {
                response in
                #expect(response.status == .ok)
                let set = try #require(response.headers[.setCookie])
                #expect(set.hasPrefix("imrf_session=;"))
                #expect(set.contains("Max-Age=0"))
                #expect(Self.text(response).contains("Signed out"))
            }
            // Without a cookie (already signed out): nothing to protect, the page again.
            try await client.execute(uri: "/sign-out", method: .post, headers: [:]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/i/\(fixture.token)", method: .get) { #expect($0.status == .seeOther) }
        }
    }

    // MARK: The page

    @Test("the form submits, shows the receipt and lists the version; another session's form is refused")
    func formSubmit() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let csrfToken = Intake.csrfToken(for: fixture.token)
        let headers: HTTPFields = [
            .cookie: "imrf_session=\(fixture.token)", .contentType: "multipart/form-data; boundary=XyZ", .origin: Self.base,
        ]
        @Sendable func multipart(_ fields: [(String, String)]) -> ByteBuffer {
            var text = ""
            for (name, value) in fields {
                text += "--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            return ByteBuffer(string: text + "--XyZ--\r\n")
        }
        try await fixture.app.test(.router) { client in
            let fields = [
                ("csrf", csrfToken), ("session", "round-table-2"), ("title", "Round table \"2\""), ("role", "rapporteur"),
                ("language", "en"), ("objectives", "4"), ("objectives", "8"), ("body", "Delegates discussed identity documents."),
                ("action", "submit"),
            ]
            try await client.execute(uri: "/note", method: .post, headers: headers, body: multipart(fields)) { response in
                #expect(response.status == .created)
                let page = Self.text(response)
                #expect(page.contains("Submitted: version 1"))
                #expect(page.contains("notes/round-table-2--jane-doe.md"))
                #expect(page.contains("/versions/"))
                // The answer opens at the outcome, not at the top of the page.
                #expect(page.contains("action=\"/note#outcome-round-table-2\""))
                #expect(page.contains("<div class=\"outcome\" id=\"outcome-round-table-2\""))
            }
            let stored = try String(contentsOfFile: fixture.workspace + "/notes/round-table-2--jane-doe.md", encoding: .utf8)
            #expect(stored.contains("title: \"Round table \\\"2\\\"\""))
            #expect(stored.contains("author: \"Jane Doe\""))
            #expect(stored.contains("objectives: [4, 8]"))
            var other = fields
            other[1] = ("session", "round-table-1")
            try await client.execute(uri: "/note", method: .post, headers: headers, body: multipart(other)) { response in
                #expect(response.status == .forbidden)
                let page = Self.text(response)
                #expect(page.contains("<h1>You were not invited for the session &#39;round-table-1&#39;</h1>"))
                #expect(page.contains("Your sessions: Round table 2."))
                #expect(page.contains("<a href=\"/\">Back to your page</a>"))
            }
        }
    }

    @Test("a hostile note previews inert: no script, no javascript: link, no event handler")
    func hostilePreview() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let csrfToken = Intake.csrfToken(for: fixture.token)
        let hostile = """
            <script>alert(1)</script>
            <img src=x onerror="alert(2)">
            [click](javascript:alert(3)) and <a href="javascript:alert(4)" onclick="alert(5)">x</a>
            <svg onload=alert(6)></svg> ![p](javascript:alert(7))
            """
        let headers: HTTPFields = [
            .cookie: "imrf_session=\(fixture.token)", .contentType: "application/x-www-form-urlencoded", .origin: Self.base,
        ]
        let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let title = "<script>alert(8)</script>".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let form = "csrf=\(csrfToken)&session=round-table-2&title=\(title)&role=rapporteur&language=en&body=\(encoded)&action=preview"
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/note", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                let preview = String(try #require(page.range(of: "<div class=\"preview\">").map { page[$0.lowerBound...] }))
                let lower = preview.lowercased()
                #expect(!lower.contains("<script"))
                #expect(!lower.contains("javascript:"))
                #expect(lower.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
                #expect(lower.range(of: #"<(img|svg|a)\b[^>]*on"#, options: .regularExpression) == nil)
                // The only scripts on the page are the intake's own file.
                #expect(page.components(separatedBy: "<script").count == 2)
                #expect(page.contains("<script src=\"/static/intake.js\" defer></script>"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test("an office invitation gets the office's forum page and every session in the API")
    func office() async throws {
        let fixture = try Self.fixture(sessions: [], role: .office)
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "imrf_session=\(fixture.token)"]) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.contains("The forum's deliverables"))
                #expect(page.contains("pga-summaries"))
            }
            try await client.execute(uri: "/api/me", method: .get, headers: fixture.bearer) { response in
                let answer = try Self.json(response)
                #expect((answer["sessions"] as? [Any])?.count == 7)
            }
        }
    }

    /// A browser serializes the `Origin` of a form post by the page's
    /// referrer policy: under `no-referrer` it sends `Origin: null`, and
    /// the page's own Check, Preview and Submit were all refused (403)
    /// until the policy became `same-origin` (found by Tests/Browser).
    /// Under `same-origin` a same-origin post carries the real origin, and
    /// no other site gets a Referer (the link's token stays private).
    @Test("the page's own form posts are not refused: same-origin referrer policy, Origin null refused")
    func formPostOrigin() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        let csrfToken = Intake.csrfToken(for: fixture.token)
        let cookie = "imrf_session=\(fixture.token)"
        let form = ByteBuffer(string: "csrf=\(csrfToken)&session=round-table-2&title=T&body=Text&action=check")
        try await fixture.app.test(.router) { client in
            for uri in ["/", "/i/\(fixture.token)", "/nowhere"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                }
            }
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            var fromPage = headers
            fromPage[.origin] = Self.base
            try await client.execute(uri: "/note", method: .post, headers: fromPage, body: form) { #expect($0.status == .ok) }
            var opaque = headers
            opaque[.origin] = "null"
            try await client.execute(uri: "/note", method: .post, headers: opaque, body: form) { #expect($0.status == .forbidden) }
        }
    }

    @Test("the script and style are served; security headers on every answer")
    func staticFiles() async throws {
        let fixture = try Self.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/static/intake.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true)
                #expect(Self.text(response).contains("use strict"))
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
