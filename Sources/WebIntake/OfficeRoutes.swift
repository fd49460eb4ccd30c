import Diagnostics
import ForumWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import Storage
import SummaryCompiler
import Tracker

/// The office's routes: the dashboard's pages and forms and the API behind
/// them. Every one refuses a rapporteur (403); every action goes through
/// `Intake+Office`, the library calls of the CLI, recorded with the person.
///
/// | route | does |
/// |---|---|
/// | `GET /` (office), `/office/notes`, `/office/summary`, `/office/invitations`, `/office/ledger` | the pages |
/// | `GET /office/notes/FILE` | a note in notes/ as it is now, previewed |
/// | `POST /office/compile`, `/office/invitations`, `/office/invitations/ID/revoke`, `/office/distributions` | the pages' forms |
/// | `POST /office/distributions/undo`, `/office/withdrawals`, `/office/moves` | the pages' forms: a 303 to the page, which says what was done |
/// | `GET /api/status`, `POST /api/compile`, `GET /api/builds`, `GET /api/summary/FILE`, `GET /api/log` | the API |
/// | `GET /api/invitations`, `POST /api/invitations`, `DELETE /api/invitations/ID`, `POST /api/distributions` | the API |
/// | `POST /api/distributions/undo` `{deliverable, reason?}` | `imrf mark undistributed`: 201, the ledger entry |
/// | `POST /api/withdrawals` `{note, reason}` | `imrf mark withdrawn` (the reason required): 201, the ledger entry |
/// | `POST /api/moves` `{note, session, reason?}` | `imrf mark moved`: 201, the note as stored and the old one's withdrawal entry |
///
/// An undo is a POST of its own, not a DELETE: nothing is deleted, both
/// entries stay in the ledger, and the reason travels in the body.
enum OfficeRoutes {
    static func add(to router: Router<IntakeContext>, _ intake: Intake) {
        // MARK: API
        router.get("/api/status") { request, _ in
            _ = try await office(request, intake, unsafe: false)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: await intake.status().json)))
        }
        router.post("/api/compile") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: CompileRequest = try await decode(&request)
            let formats = try formats(body.formats ?? ["md", "html", "docx"])
            let since = try changesSince(body.changesSince)
            switch try await intake.compile(formats: formats, draft: body.draft ?? false, changesSince: since, by: person) {
            case .compiled(let answer): return JSONBody.response(answer)
            case .refused(let check): return JSONBody.response(check, status: .unprocessableContent)
            }
        }
        router.get("/api/builds") { request, _ in
            _ = try await office(request, intake, unsafe: false)
            return JSONBody.response(["builds": try await intake.builds()])
        }
        router.get("/api/summary/:file") { request, context in
            _ = try await office(request, intake, unsafe: false)
            return try await download(context.parameters.get("file") ?? "", intake)
        }
        router.get("/api/log") { request, _ in
            _ = try await office(request, intake, unsafe: false)
            let entries = try await intake.ledgerEntries(kinds: try kinds(request))
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: try LedgerEntry.jsonArray(entries))))
        }
        router.get("/api/invitations") { request, _ in
            _ = try await office(request, intake, unsafe: false)
            let now = intake.configuration.now()
            return JSONBody.response(["invitations": try await intake.invitationList().map { ListedInvitationDocument($0, now: now) }])
        }
        router.post("/api/invitations") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: InvitationRequest = try await decode(&request)
            let created = try await refusingBadInput { try await intake.invite(body, by: person) }
            return JSONBody.response(created, status: .created)
        }
        router.delete("/api/invitations/:id") { request, context in
            let (person, _) = try await office(request, intake, unsafe: true)
            let id = context.parameters.get("id") ?? ""
            let revoked = try await refusingBadInput { try await intake.revoke(id, by: person) }
            return JSONBody.response(ListedInvitationDocument(revoked, now: intake.configuration.now()))
        }
        router.post("/api/distributions") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: DistributionRequest = try await decode(&request)
            let entry = try await refusingBadInput { try await intake.markDistributed(body, by: person) }
            return JSONBody.response(entry, status: .created)
        }

        router.post("/api/distributions/undo") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: UndistributionRequest = try await decode(&request)
            let entry = try await refusingBadInput { try await intake.markUndistributed(body, by: person) }
            return JSONBody.response(entry, status: .created)
        }
        router.post("/api/withdrawals") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: WithdrawalRequest = try await decode(&request)
            let entry = try await refusingBadInput { try await intake.withdraw(body, by: person) }
            return JSONBody.response(entry, status: .created)
        }
        router.post("/api/moves") { request, _ in
            var request = request
            let (person, _) = try await office(request, intake, unsafe: true)
            let body: MoveRequest = try await decode(&request)
            let moved = try await refusingBadInput { try await intake.move(body, by: person) }
            return JSONBody.response(moved, status: .created)
        }

        // MARK: Pages
        router.get("/office/notes") { request, _ in
            let (_, token) = try await office(request, intake, unsafe: false)
            return try await notesPage(request, intake, token: token)
        }
        router.get("/office/notes/:file") { request, context in
            let (_, token) = try await office(request, intake, unsafe: false)
            let name = context.parameters.get("file") ?? ""
            guard let (text, note) = try await intake.currentNote(name) else {
                throw IntakeError(.notFound, "notes/ has no note '\(name)'", hint: "the notes page lists them")
            }
            return Page.response(
                OfficePage.note(name, text: text, preview: note.map { NotePreview($0).html }, csrf: Intake.csrfToken(for: token)))
        }
        router.get("/office/summary") { request, _ in
            let (_, token) = try await office(request, intake, unsafe: false)
            let builds = try await intake.builds()
            // After the form's redirect (`?compiled=ENTRY`): that build's receipt.
            let compiled = request.uri.queryParameters.get("compiled", as: Int64.self).flatMap { entry in builds.first { $0.entry == entry } }
            return Page.response(OfficePage.summary(builds: builds, csrf: Intake.csrfToken(for: token), compiled: compiled))
        }
        router.get("/office/invitations") { request, _ in
            let (person, token) = try await office(request, intake, unsafe: false)
            let revoked = request.uri.queryParameters.get("revoked").map { String($0) }
            return try await invitationsPage(intake, person: person, token: token, revokedID: revoked)
        }
        router.get("/office/ledger") { request, _ in
            let (_, token) = try await office(request, intake, unsafe: false)
            let kind = try kinds(request).first
            let entries = try await intake.ledgerEntries(kinds: kind.map { [$0] } ?? [])
            return Page.response(OfficePage.ledger(entries.reversed(), kind: kind, csrf: Intake.csrfToken(for: token)))
        }

        // MARK: The pages' forms
        router.post("/office/compile") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let csrf = Intake.csrfToken(for: token)
            let chosen = form.all("format")
            let formats = try formats(chosen.isEmpty ? ["md", "html", "docx"] : chosen)
            let since = try changesSince(form["changesSince"])
            let outcome = try await intake.compile(formats: formats, draft: form["draft"] == "on", changesSince: since, by: person)
            let builds = try await intake.builds()
            switch outcome {
            case .compiled(let answer):
                // Post/redirect/get: reloading the page that answers does not compile again.
                if let entry = answer.ledgerEntry { return redirect("/office/summary?compiled=\(entry)") }
                return Page.response(OfficePage.summary(builds: builds, csrf: csrf))
            case .refused(let check):
                return Page.response(OfficePage.summary(builds: builds, csrf: csrf, refused: check), status: .unprocessableContent)
            }
        }
        router.post("/office/invitations") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let body = InvitationRequest(
                name: form["name"] ?? "", sessions: form.all("sessions"), email: form["email"], role: form["role"], expires: form["expires"])
            // The answer shows the link once, so it cannot be a redirect:
            // the form's one-time value makes a reload of it create nothing.
            if let once = form["once"], !intake.formsSent.first(once) {
                let error = IntakeError(
                    .conflict, "this form was already sent, and the invitation was created then",
                    hint: "reloading does not create another: the list below has it; to invite someone else, fill in the form again")
                return try await invitationsPage(intake, person: person, token: token, refusal: error, status: .conflict)
            }
            do {
                let created = try await refusingBadInput { try await intake.invite(body, by: person) }
                return try await invitationsPage(intake, person: person, token: token, created: created, status: .created)
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return try await invitationsPage(intake, person: person, token: token, refusal: error, status: .unprocessableContent)
            }
        }
        router.post("/office/invitations/:id/revoke") { request, context in
            let (person, token, _) = try await officeForm(request, intake)
            let id = context.parameters.get("id") ?? ""
            do {
                let revoked = try await refusingBadInput { try await intake.revoke(id, by: person) }
                return redirect("/office/invitations?revoked=\(revoked.id)")
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return try await invitationsPage(intake, person: person, token: token, refusal: error, status: .unprocessableContent)
            }
        }
        router.post("/office/distributions") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let body = DistributionRequest(deliverable: form["deliverable"] ?? "", at: form["at"], reference: form["reference"])
            do {
                let entry = try await refusingBadInput { try await intake.markDistributed(body, by: person) }
                return redirect("/?distributed=\(entry.id)")
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return Page.response(
                    OfficePage.forum(await intake.status().document, csrf: Intake.csrfToken(for: token), refusal: error),
                    status: .unprocessableContent)
            }
        }
        router.post("/office/distributions/undo") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let body = UndistributionRequest(deliverable: form["deliverable"] ?? "", reason: form["reason"])
            do {
                let entry = try await refusingBadInput { try await intake.markUndistributed(body, by: person) }
                return redirect("/?undistributed=\(entry.id)")
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return Page.response(
                    OfficePage.forum(await intake.status().document, csrf: Intake.csrfToken(for: token), refusal: error),
                    status: .unprocessableContent)
            }
        }
        router.post("/office/withdrawals") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let body = WithdrawalRequest(note: form["note"] ?? "", reason: form["reason"] ?? "")
            do {
                let entry = try await refusingBadInput { try await intake.withdraw(body, by: person) }
                return redirect("/office/notes?withdrawn=\(entry.id)")
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return try await notesPage(request, intake, token: token, refusal: error, status: .unprocessableContent)
            }
        }
        router.post("/office/moves") { request, _ in
            let (person, token, form) = try await officeForm(request, intake)
            let body = MoveRequest(note: form["note"] ?? "", session: form["session"] ?? "", reason: form["reason"])
            do {
                let moved = try await refusingBadInput { try await intake.move(body, by: person) }
                let stored = moved.receipt.ledgerEntry.map { "&stored=\($0)" } ?? ""
                return redirect("/office/notes?moved=\(moved.withdrawal.id)\(stored)")
            } catch let error as IntakeError where error.status == .unprocessableContent {
                return try await notesPage(request, intake, token: token, refusal: error, status: .unprocessableContent)
            }
        }
    }

    /// The office's forum page (`GET /` signed in as the office); after the
    /// distribution forms' redirect (`?distributed=ENTRY`, `?undistributed=ENTRY`), what was recorded.
    static func forumPage(_ request: Request, _ intake: Intake, token: String) async throws -> Response {
        var marked: LedgerEntry?
        let query = request.uri.queryParameters
        if let entry = query.get("distributed", as: Int64.self) ?? query.get("undistributed", as: Int64.self) {
            marked = try await intake.ledgerEntries(kinds: ["distribution"]).first { $0.id == entry }
        }
        return Page.response(OfficePage.forum(await intake.status().document, csrf: Intake.csrfToken(for: token), marked: marked))
    }

    /// The notes page; after a withdrawal's or a move's redirect
    /// (`?withdrawn=ENTRY`, `?moved=ENTRY&stored=ENTRY`), what was recorded.
    static func notesPage(
        _ request: Request, _ intake: Intake, token: String, refusal: IntakeError? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = request.uri.queryParameters
        var notice: OfficePage.NotesNotice?
        if refusal == nil, let id = query.get("withdrawn", as: Int64.self) ?? query.get("moved", as: Int64.self) {
            let entries = try await intake.ledgerEntries(kinds: ["withdrawal", "submission"])
            let stored = query.get("stored", as: Int64.self).flatMap { stored in entries.first { $0.id == stored } }
            if let withdrawal = entries.first(where: { $0.id == id }), case .withdrawal = withdrawal.event {
                notice = query.get("moved") != nil ? .moved(withdrawal: withdrawal, stored: stored) : .withdrawn(withdrawal)
            }
        }
        return Page.response(
            OfficePage.notes(try await notesOverview(intake), csrf: Intake.csrfToken(for: token), notice: notice, refusal: refusal), status: status)
    }

    /// 303 to `path` on this service: the answer to a form that did something.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    // MARK: Inside

    /// The signed-in person, who must be the office.
    static func office(_ request: Request, _ intake: Intake, unsafe: Bool, formToken: String? = nil) async throws -> (Invitation, String) {
        let (person, token) = try await IntakeRouter.authenticated(request, intake, unsafe: unsafe, formToken: formToken)
        guard person.role == .office else {
            throw IntakeError(.forbidden, "this is for the office only", hint: "your page is at /")
        }
        return (person, token)
    }

    /// A form of an office page: the person (office, same origin, the form's CSRF token) and the fields.
    static func officeForm(_ request: Request, _ intake: Intake) async throws -> (Invitation, String, FormData) {
        var request = request
        let bytes = try await IntakeRouter.body(&request, limit: formLimit)
        guard let form = FormData.parse(contentType: request.headers[.contentType], body: bytes) else {
            throw IntakeError(.badRequest, "the form did not arrive whole", hint: "reload the page and try again")
        }
        let (person, token) = try await office(request, intake, unsafe: true, formToken: form["csrf"] ?? "")
        return (person, token, form)
    }

    /// The most an office form or JSON body may hold: a few fields.
    static let formLimit = 64 * 1024

    /// A JSON body of at most `formLimit` bytes: 400 naming what is wrong with it.
    static func decode<T: Decodable>(_ request: inout Request) async throws -> T {
        let bytes = try await IntakeRouter.body(&request, limit: formLimit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw IntakeError(.badRequest, "the JSON body lacks \"\(key.stringValue)\"", hint: "see the README for the fields")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw IntakeError(.badRequest, "the JSON field \"\(field)\" has the wrong type", hint: "see the README for the fields")
        } catch {
            throw IntakeError(.badRequest, "the body is not a JSON object", hint: "send Content-Type: application/json and a JSON object")
        }
    }

    /// Runs `action`; a refusal for what was asked (a library's bad input)
    /// becomes 422 with its first error and hint.
    static func refusingBadInput<T>(_ action: () async throws -> T) async throws -> T {
        do {
            return try await action()
        } catch let error as IntakeError {
            throw error
        } catch let error as any DiagnosticError {
            let problems = error.diagnostics.filter { $0.severity == .error }
            let first = problems.first ?? error.diagnostics.first
            let message = problems.map(\.message).joined(separator: "; ")
            switch error.kind {
            case .badInput, .usage, .configuration:
                throw IntakeError(.unprocessableContent, message.isEmpty ? "refused" : message, hint: first?.hint)
            case .temporary:
                throw IntakeError(.serviceUnavailable, message, hint: "try again in a moment")
            default:
                throw IntakeError(.internalServerError, message, hint: "nothing was changed; tell whoever runs the service")
            }
        }
    }

    static func formats(_ names: [String]) throws -> [Summary.Format] {
        guard !names.isEmpty else { throw IntakeError(.badRequest, "no format asked for", hint: "formats are md, html, docx, pdf") }
        return try names.map { name in
            guard let format = Summary.Format(rawValue: name.trimmingCharacters(in: .whitespaces)), format != .changes else {
                throw IntakeError(.badRequest, "unknown format '\(name)'", hint: "formats are md, html, docx, pdf")
            }
            return format
        }
    }

    /// The build a changes document is compared with: `previous`, a
    /// build's number, or none (absent or empty).
    static func changesSince(_ text: String?) throws -> EarlierBuild.Choice? {
        guard let text, !text.isEmpty else { return nil }
        guard let choice = EarlierBuild.Choice(text) else {
            throw IntakeError(
                .badRequest, "changes since '\(text)': not a build", hint: "give a build's number, as the summary page lists them, or previous")
        }
        return choice
    }

    /// `?kind=submission`: one of the ledger's kinds, or none.
    static func kinds(_ request: Request) throws -> [String] {
        guard let kind = request.uri.queryParameters.get("kind"), !kind.isEmpty else { return [] }
        guard LedgerEvent.kinds.contains(kind) else {
            throw IntakeError(.badRequest, "unknown kind '\(kind)'", hint: "kinds: " + LedgerEvent.kinds.joined(separator: ", "))
        }
        return [kind]
    }

    static func notesOverview(_ intake: Intake) async throws -> NotesOverview {
        do {
            return try await intake.notesOverview()
        } catch let error as DiagnosticFailure {
            let first = error.diagnostics.first { $0.severity == .error }
            throw IntakeError(
                .internalServerError, "the workspace cannot be read: " + (first?.message ?? "forum.yaml"),
                hint: first?.hint ?? "run 'imrf check' on the workspace")
        }
    }

    static func invitationsPage(
        _ intake: Intake, person: Invitation, token: String, created: CreatedInvitationDocument? = nil, revokedID: String? = nil,
        refusal: IntakeError? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let list = try await intake.invitationList()
        let revoked = revokedID.flatMap { id in list.first { $0.id == id && $0.revoked != nil } }
        return Page.response(
            OfficePage.invitations(
                list, me: person.id, now: intake.configuration.now(), csrf: Intake.csrfToken(for: token), once: FormsSent.newValue(),
                created: created, revoked: revoked, refusal: refusal),
            status: status)
    }

    /// A build's file as a download: its type, `attachment` with its name.
    static func download(_ name: String, _ intake: Intake) async throws -> Response {
        let (file, bytes) = try await intake.summaryFile(name)
        let type: String
        switch URL(fileURLWithPath: file.file).pathExtension.lowercased() {
        case "md": type = "text/markdown; charset=utf-8"
        case "html": type = "text/html; charset=utf-8"
        case "docx": type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "pdf": type = "application/pdf"
        default: type = "application/octet-stream"
        }
        // The name is the compiler's own (summary.docx); quoted and kept to
        // safe characters all the same.
        let safe = String(
            file.file.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0)) })
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(safe)\"",
                HTTPField.Name("X-SHA256")!: file.sha256,
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
