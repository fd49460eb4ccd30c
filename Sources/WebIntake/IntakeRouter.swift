import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import SummaryCompiler

/// The intake's routes. A library, so that HummingbirdTesting drives it in
/// process; `imrf-server` puts it behind a listening socket.
///
/// | route | does |
/// |---|---|
/// | `GET /i/TOKEN` | signs in: session cookie, then `/` |
/// | `GET /` | the rapporteur's page (office: a placeholder) |
/// | `POST /note` | the page's form: check, preview or submit |
/// | `POST /sign-out` | forgets the session cookie in this browser |
/// | `GET /versions/ENTRY` | an earlier version |
/// | `GET /api/me`, `POST /api/check`, `POST /api/notes`, `GET /api/notes` | the JSON API |
/// | `POST /api/check`, `POST /api/notes` with `multipart/form-data` | a Word file (or a .md) with the form's fields, the same answers |
/// | `GET /static/intake.js`, `/static/intake.css` | the page's script and style |
///
/// The office's pages and API are `OfficeRoutes`.
public enum IntakeRouter {
    /// The session cookie's name.
    public static let cookieName = "imrf_session"

    public static func router(_ intake: Intake, logger: Logger) -> Router<IntakeContext> {
        let router = Router(context: IntakeContext.self)
        router.middlewares.add(RequestLogMiddleware(logger: logger))
        router.middlewares.add(SecurityMiddleware())

        router.get("/i/:token") { request, context in try await signIn(request, context, intake) }
        router.get("/static/intake.js") { _, _ in staticFile(Static.script, type: "text/javascript; charset=utf-8") }
        router.get("/static/intake.css") { _, _ in staticFile(Static.style, type: "text/css; charset=utf-8") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }

        router.get("/") { request, context in
            let (person, token) = try await authenticated(request, intake, unsafe: false)
            if person.role == .office { return try await OfficeRoutes.forumPage(request, intake, token: token) }
            return try await page(intake, person, token: token)
        }
        router.post("/note") { request, context in try await formPost(request, intake) }
        router.post("/sign-out") { request, _ in try await signOut(request, intake) }
        router.get("/versions/:entry") { request, context in
            let (person, _) = try await authenticated(request, intake, unsafe: false)
            guard let entry = context.parameters.get("entry", as: Int64.self),
                let (history, version, bytes) = try await intake.version(entry, for: person)
            else { throw IntakeError(.notFound, "no such version of your notes") }
            let (note, _) = try await intake.parse(bytes)
            return Page.response(
                Page.version(history, version, text: NoteParser.displayText(bytes), preview: note.map { NotePreview($0).html }))
        }

        router.get("/api/me") { request, _ in
            let (person, _) = try await authenticated(request, intake, unsafe: false)
            return JSONBody.response(await intake.sessions(for: person))
        }
        router.get("/api/notes") { request, _ in
            let (person, _) = try await authenticated(request, intake, unsafe: false)
            let notes = try await intake.notes(for: person)
            guard person.role == .office else { return JSONBody.response(["notes": notes]) }
            return JSONBody.response(OfficeNotesAnswer(notes: notes, overview: try await OfficeRoutes.notesOverview(intake)))
        }
        router.post("/api/check") { request, _ in
            if isFormUpload(request) { return try await apiUpload(request, intake, submit: false) }
            var request = request
            let (person, _) = try await authenticated(request, intake, unsafe: true)
            try await rateLimit(person, intake)
            let bytes = try await noteBody(&request)
            try refuseWordBody(bytes, request)
            return JSONBody.response(try await intake.check(bytes))
        }
        router.post("/api/notes") { request, _ in
            if isFormUpload(request) { return try await apiUpload(request, intake, submit: true) }
            var request = request
            let (person, _) = try await authenticated(request, intake, unsafe: true)
            try await rateLimit(person, intake)
            let bytes = try await noteBody(&request)
            try refuseWordBody(bytes, request)
            do {
                let answer = try await intake.submit(bytes, as: person)
                return JSONBody.response(answer, status: answer.isNew ? .created : .ok)
            } catch let refusal as SubmitRefusal {
                return JSONBody.response(refusal.check, status: .unprocessableContent)
            }
        }
        OfficeRoutes.add(to: router, intake)
        return router
    }

    // MARK: Sign-in

    static func signIn(_ request: Request, _ context: IntakeContext, _ intake: Intake) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        switch try await intake.authenticate(token) {
        case .failure(let refusal):
            throw IntakeError(.unauthorized, refusal.message, hint: refusal.hint)
        case .success(let person):
            await intake.recordSignIn(person, method: "link")
            var headers: HTTPFields = [:]
            headers[.setCookie] = sessionCookie(token, intake: intake, person: person)
            // A SameSite=Strict cookie is not sent on a redirect that began
            // on another site (a link clicked in webmail): there, a page that
            // moves on by itself; elsewhere (typed, curl), a plain redirect.
            let site = request.headers[.secFetchSite]?.lowercased()
            if site == "cross-site" || site == "same-site" {
                headers[.refresh] = "0; url=/"
                return Page.response(Page.signedIn(person), headers: headers)
            }
            headers[.location] = "/"
            return Response(status: .seeOther, headers: headers)
        }
    }

    /// Clears the session cookie. A browser still holding a valid one must
    /// send the page's CSRF token from the intake's origin, so no other site
    /// can sign a person out.
    static func signOut(_ request: Request, _ intake: Intake) async throws -> Response {
        var request = request
        let bytes = try await body(&request, limit: 4096)
        let form = FormData.parse(contentType: request.headers[.contentType], body: bytes)
        if let cookie = request.cookies[cookieName]?.value, case .success = try await intake.authenticate(cookie) {
            guard request.headers[.origin] == intake.configuration.origin,
                constantTimeEqual(form?["csrf"] ?? "", Intake.csrfToken(for: cookie))
            else { throw IntakeError.crossSite }
        }
        var cookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        if intake.configuration.isSecure { cookie += "; Secure" }
        return Page.response(Page.signedOut(), headers: [.setCookie: cookie])
    }

    static func sessionCookie(_ token: String, intake: Intake, person: Invitation) -> String {
        var cookie = "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
        if intake.configuration.isSecure { cookie += "; Secure" }
        if let expires = person.expires {
            let seconds = Int(expires.timeIntervalSince(intake.configuration.now()))
            cookie += "; Max-Age=\(max(0, seconds))"
        }
        return cookie
    }

    /// The signed-in person and their token: from `Authorization: Bearer`
    /// (scripts) or the session cookie (the page). A cookie-authenticated
    /// unsafe request must also come from the intake's own origin and carry
    /// the CSRF token (header `X-CSRF-Token`; the form's `csrf` field is
    /// checked by `formPost`).
    static func authenticated(_ request: Request, _ intake: Intake, unsafe: Bool, formToken: String? = nil) async throws -> (Invitation, String) {
        var token: String?
        var byCookie = false
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw IntakeError.notSignedIn }
            token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        } else if let cookie = request.cookies[cookieName]?.value {
            token = cookie
            byCookie = true
        }
        guard let token, !token.isEmpty else { throw IntakeError.notSignedIn }
        switch try await intake.authenticate(token) {
        case .failure(let refusal):
            throw IntakeError(.unauthorized, refusal.message, hint: refusal.hint)
        case .success(let person):
            if unsafe, byCookie {
                guard request.headers[.origin] == intake.configuration.origin else { throw IntakeError.crossSite }
                let presented = formToken ?? request.headers[.xCSRFToken] ?? ""
                guard constantTimeEqual(presented, Intake.csrfToken(for: token)) else { throw IntakeError.crossSite }
            }
            return (person, token)
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (p, q) in zip(x, y) { difference |= p ^ q }
        return difference == 0
    }

    static func rateLimit(_ person: Invitation, _ intake: Intake) async throws {
        if let wait = await intake.admit(person) {
            var error = IntakeError(
                .tooManyRequests, "too many checks and submissions in a minute", hint: "wait \(wait) second\(wait == 1 ? "" : "s"), then try again")
            error.headers[.retryAfter] = String(wait)
            throw error
        }
    }

    /// The request's body, one note at most: 413 beyond the note limit,
    /// refused by its declared length before anything is read.
    static func noteBody(_ request: inout Request) async throws -> [UInt8] {
        try await body(&request, limit: IntakeLimits.noteBytes)
    }

    static func body(_ request: inout Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw IntakeError.tooLarge(IntakeLimits.noteBytes) }
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw IntakeError.tooLarge(IntakeLimits.noteBytes)
        }
    }

    // MARK: The page

    static func page(
        _ intake: Intake, _ person: Invitation, token: String, form: NoteForm? = nil, outcome: Page.Outcome? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let sessions = await intake.sessions(for: person)
        let notes = try await intake.notes(for: person)
        return Page.response(
            Page.rapporteur(person, sessions: sessions, notes: notes, csrf: Intake.csrfToken(for: token), form: form, outcome: outcome),
            status: status)
    }

    /// The form of the page: `action` check, preview or submit. With
    /// `Accept: application/json` (the page's script, checking as the
    /// person types) a check answers `CheckAnswer` with the form's layout
    /// (`bodyOffset`, and `fields`: the form field of each front matter line).
    static func formPost(_ request: Request, _ intake: Intake) async throws -> Response {
        var request = request
        let bytes = try await body(&request, limit: IntakeLimits.noteBytes + IntakeContext.formAllowance)
        guard let form = FormData.parse(contentType: request.headers[.contentType], body: bytes) else {
            throw IntakeError(.badRequest, "the form did not arrive whole", hint: "reload the page and try again")
        }
        let (person, token) = try await authenticated(request, intake, unsafe: true, formToken: form["csrf"] ?? "")
        if person.role == .office { throw IntakeError(.forbidden, "the office's page has no note form yet") }
        var note = NoteForm(form)
        guard person.mayAccess(session: note.session) else {
            throw IntakeError(
                .forbidden, "you were not invited for the session '\(note.session)'",
                hint: "your sessions: " + person.visibleSessions.map(\.displayName).joined(separator: ", "))
        }
        if let uploaded = note.uploaded, uploaded.count > IntakeLimits.noteBytes { throw IntakeError.tooLarge(IntakeLimits.noteBytes) }
        try await rateLimit(person, intake)
        let (text, layout) = note.text(author: person.name)
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        if note.uploadedIsWord {
            return try await wordPost(form["action"] ?? "check", text, note: note, intake, person, token: token, wantsJSON: wantsJSON)
        }
        if note.uploaded != nil, let parsed = try await intake.parse(text).note {
            note.fill(from: parsed)
            note.uploaded = nil
        }
        switch form["action"] ?? "check" {
        case "submit":
            do {
                let answer = try await intake.submit(text, as: person)
                if wantsJSON { return JSONBody.response(answer, status: answer.isNew ? .created : .ok) }
                return try await page(
                    intake, person, token: token, form: note, outcome: .receipt(answer, timeZone: "America/New_York"),
                    status: answer.isNew ? .created : .ok)
            } catch let refusal as SubmitRefusal {
                if wantsJSON { return JSONBody.response(refusal.check, status: .unprocessableContent) }
                return try await page(
                    intake, person, token: token, form: note, outcome: .refused(refusal.check, layout: layout), status: .unprocessableContent)
            }
        case "preview":
            let check = try await intake.check(text)
            let parsed = try await intake.parse(text).note
            let html = parsed.map { NotePreview($0).html } ?? "<p>The note cannot be shown until the errors above are fixed.</p>\n"
            return try await page(intake, person, token: token, form: note, outcome: .preview(html, check, layout: layout))
        default:
            let check = try await intake.check(text)
            if wantsJSON { return JSONBody.response(FormCheck(check: check, layout: layout)) }
            return try await page(intake, person, token: token, form: note, outcome: .check(check, layout: layout))
        }
    }

    /// The form with a Word file: made a note with the fields as its front
    /// matter and checked as a submission is (its diagnostics name the file,
    /// not lines of the form); check and preview store nothing. The form
    /// comes back filled from the note made, so the person sees its text.
    static func wordPost(
        _ action: String, _ bytes: [UInt8], note form: NoteForm, _ intake: Intake, _ person: Invitation, token: String, wantsJSON: Bool
    ) async throws -> Response {
        var note = form
        note.uploaded = nil
        let options = form.wordOptions(author: person.name)
        let noLayout = FormLayout(bodyOffset: 0, fields: [:])
        if action == "submit" {
            do {
                let answer = try await intake.submit(bytes, as: person, word: options)
                if wantsJSON { return JSONBody.response(answer, status: answer.isNew ? .created : .ok) }
                return try await page(
                    intake, person, token: token, form: note, outcome: .receipt(answer, timeZone: "America/New_York"),
                    status: answer.isNew ? .created : .ok)
            } catch let refusal as SubmitRefusal {
                if wantsJSON { return JSONBody.response(refusal.check, status: .unprocessableContent) }
                return try await page(
                    intake, person, token: token, form: note, outcome: .refused(refusal.check, layout: noLayout), status: .unprocessableContent)
            }
        }
        let (made, check) = try await intake.checkWord(bytes, as: person, word: options)
        var parsed: Note?
        if let made { parsed = try await intake.parse(made).note }
        if let parsed { note.fill(from: parsed) }
        if wantsJSON { return JSONBody.response(FormCheck(check: check, layout: noLayout)) }
        if action == "preview" {
            let html = parsed.map { NotePreview($0).html } ?? "<p>The note cannot be shown until the errors above are fixed.</p>\n"
            return try await page(intake, person, token: token, form: note, outcome: .preview(html, check, layout: noLayout))
        }
        return try await page(intake, person, token: token, form: note, outcome: .check(check, layout: noLayout))
    }

    // MARK: Word files in the API

    /// Whether the request is a form upload (`multipart/form-data`): the
    /// API's way to send a Word file, with the page form's field names.
    static func isFormUpload(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
    }

    static let wordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A Word file sent as the whole body (which the API reads as Markdown):
    /// 415, saying how to send it.
    static func refuseWordBody(_ bytes: [UInt8], _ request: Request) throws {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix(wordType) || Submission.isWord(Data(bytes.prefix(4)), fileName: "") else { return }
        throw IntakeError(
            .unsupportedMediaType, "a Word file is sent as a form upload, not as the body",
            hint: "send multipart/form-data with the file as 'file' and the note's session, e.g. curl -F session=round-table-2 -F file=@note.docx")
    }

    /// `POST /api/check` or `/api/notes` with `multipart/form-data`: the
    /// page form's fields (`file`: a Word file or a .md; `session`, `title`,
    /// `role`, `language` for a Word file; or `body` with the fields), taken
    /// as the page's form takes them (the same limits, the same library
    /// calls, the same words), answered as the API answers a Markdown body.
    static func apiUpload(_ request: Request, _ intake: Intake, submit: Bool) async throws -> Response {
        var request = request
        let bytes = try await body(&request, limit: IntakeLimits.noteBytes + IntakeContext.formAllowance)
        guard let form = FormData.parse(contentType: request.headers[.contentType], body: bytes) else {
            throw IntakeError(
                .badRequest, "the form did not arrive whole",
                hint: "send multipart/form-data with the file as 'file', e.g. curl -F session=round-table-2 -F file=@note.docx")
        }
        let (person, _) = try await authenticated(request, intake, unsafe: true, formToken: form["csrf"])
        let note = NoteForm(form)
        if let uploaded = note.uploaded, uploaded.count > IntakeLimits.noteBytes { throw IntakeError.tooLarge(IntakeLimits.noteBytes) }
        if note.uploadedIsWord, !note.session.isEmpty, !person.mayAccess(session: note.session) {
            throw IntakeError(
                .forbidden, "you were not invited for the session '\(note.session)'",
                hint: "your sessions: " + person.visibleSessions.map(\.rawValue).joined(separator: ", "))
        }
        try await rateLimit(person, intake)
        let (text, _) = note.text(author: person.name)
        let word = note.uploadedIsWord ? note.wordOptions(author: person.name) : nil
        guard submit else {
            if let word { return JSONBody.response(try await intake.checkWord(text, as: person, word: word).check) }
            return JSONBody.response(try await intake.check(text))
        }
        do {
            let answer = try await intake.submit(text, as: person, word: word)
            return JSONBody.response(answer, status: answer.isNew ? .created : .ok)
        } catch let refusal as SubmitRefusal {
            return JSONBody.response(refusal.check, status: .unprocessableContent)
        }
    }

    /// The page script's live check: the diagnostics and how many lines the
    /// fields' front matter takes before the body.
    struct FormCheck: Encodable {
        var check: CheckAnswer
        var layout: FormLayout

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(check, forKey: .check)
            try container.encode(layout.bodyOffset, forKey: .bodyOffset)
            try container.encode(layout.fields.reduce(into: [String: String]()) { $0[String($1.key)] = $1.value }, forKey: .fields)
        }

        enum CodingKeys: String, CodingKey { case check, bodyOffset, fields }
    }

    static func staticFile(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let refresh = Self("Refresh")!
}
