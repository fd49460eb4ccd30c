import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import HTTPTypes
import Ledger
import Storage
import SummaryCompiler
import Synchronization
import Tracker

/// What the office does on the web, in the library calls its CLI commands
/// make (`imrf status`, `check`, `compile`, `log`, `invite`, `mark
/// distributed`), each action recorded in the ledger with the person.
extension Intake {
    // MARK: Status

    /// `imrf status --json` at this moment, warning 3 working days ahead as
    /// the command does by default; UNKNOWN with the reason when the status
    /// cannot be decided.
    func status() async -> IntakeCache.Status {
        let cache = self.cache
        let now = configuration.now()
        return await withBlockingWork { cache.status(at: now) }
    }

    // MARK: Notes

    /// Every note of the workspace checked as `imrf check` checks it, by
    /// session, with what the ledger knows of each (received, versions).
    func notesOverview() async throws -> NotesOverview {
        let workspace = self.workspace
        let histories = try await allNotes()
        return try await withBlockingWork { () throws(DiagnosticFailure) -> NotesOverview in
            let loaded = try Workspace.load(workspace, draft: false)
            return NotesOverview(loaded, histories: histories)
        }
    }

    /// The note file `name` of notes/ as it is now, parsed for its preview;
    /// nil when no such note is there (only names `noteFileNames` lists).
    func currentNote(_ name: String) async throws -> (text: String, note: Note?)? {
        let workspace = self.workspace
        let cache = self.cache
        return try await withBlockingWork { () throws(DiagnosticFailure) -> (text: String, note: Note?)? in
            let layout = WorkspaceLayout(workspace)
            guard layout.noteFileNames().contains(name) else { return nil }
            guard case .success(let bytes) = WorkspaceFileReader(root: workspace).read(layout.note(name), limit: WorkspaceLayout.maximumNoteBytes)
            else { return nil }
            let forum = try cache.currentForum()
            let note = NoteParser.parse(bytes: bytes, path: name, forum: forum).note
            return (NoteParser.displayText(bytes), note)
        }
    }

    // MARK: Compile

    /// `imrf compile --format FORMATS [--draft] [--changes-since BUILD]`
    /// with the service's templates, recorded as compiled by `person`. One
    /// compile at a time: a second one while it runs is refused (409), not queued.
    func compile(
        formats: [Summary.Format], draft: Bool, changesSince: EarlierBuild.Choice? = nil, by person: Invitation
    ) async throws -> CompileOutcome {
        guard compiling.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            throw IntakeError(.conflict, "a compile is already running", hint: "wait a few seconds, then reload the page")
        }
        defer { compiling.busy.store(false, ordering: .releasing) }
        do {
            let compilation = try await Compilation.run(
                workspace: workspace, formats: formats, draft: draft, templates: configuration.templates, at: configuration.now(),
                by: person.name, changesSince: changesSince)
            await recordDeadlines(after: compilation)
            return .compiled(CompileAnswer(compilation, draft: draft, workspace: workspace))
        } catch {
            switch error {
            case .notesHaveErrors(let diagnostics):
                return .refused(WorkspaceCheckAnswer(diagnostics, workspace: workspace))
            case .failed(let failure):
                if failure.kind == .badInput || failure.kind == .configuration {
                    return .refused(WorkspaceCheckAnswer(failure.diagnostics, workspace: workspace))
                }
                let first = failure.diagnostics.first { $0.severity == .error }
                throw IntakeError(
                    .internalServerError, "the summary could not be written: " + (first?.message ?? "the workspace cannot be written"),
                    hint: "the previous build is unchanged; tell whoever runs the service")
            case .uploadFailed:
                throw IntakeError(.internalServerError, "an upload failed", hint: "compile without uploading")
            case .pdfUnavailable(let failure, let partial):
                // The other formats are compiled and recorded: said as a warning beside them.
                await recordDeadlines(after: partial)
                var answer = CompileAnswer(partial, draft: draft, workspace: workspace)
                answer.warnings += failure.diagnostics.map { diagnostic in
                    var warning = diagnostic
                    warning.severity = .warning
                    return WorkspaceDiagnosticAnswer(warning, workspace: workspace)
                }
                return .compiled(answer)
            }
        }
    }

    /// What a recorded compile settles among the deliverables, as `imrf compile` records it.
    private func recordDeadlines(after compilation: Compilation) async {
        guard compilation.ledgerEntry != nil else { return }
        let workspace = self.workspace
        let now = configuration.now()
        await withBlockingWork { Tracker.recordDeadlinesAfterCompile(workspace: workspace, at: now) }
    }

    /// The compiles recorded in the ledger, newest first: the first is the
    /// current build.
    func builds() async throws -> [BuildAnswer] {
        let workspace = self.workspace
        let entries = try await withBlockingWork { try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url, kinds: ["compile"]) }
        return entries.reversed().compactMap { entry in
            guard case .compile(let record) = entry.event else { return nil }
            return BuildAnswer(entry: entry.id, at: entry.at, by: record.by, draft: record.draft, outputs: record.outputs.map(OutputAnswer.init))
        }
    }

    /// The file `name` of the current build (the latest compile in the
    /// ledger): only an output it recorded inside the workspace, and only
    /// with the bytes it recorded.
    func summaryFile(_ name: String) async throws -> (file: OutputAnswer, bytes: [UInt8]) {
        guard let current = try await builds().first else {
            throw IntakeError(.notFound, "nothing has been compiled yet", hint: "compile the summary first")
        }
        guard let output = current.outputs.first(where: { $0.file == name }) else {
            throw IntakeError(
                .notFound, "the current build has no file '\(name)'",
                hint: "its files: " + current.outputs.map(\.file).joined(separator: ", "))
        }
        // The ledger records a path relative to the workspace for a file
        // inside it, else an absolute one; only the former is served.
        guard !output.path.hasPrefix("/"), !output.path.split(separator: "/").contains("..") else {
            throw IntakeError(.notFound, "the current build was written outside the workspace", hint: "compile again here")
        }
        let workspace = self.workspace
        let path = WorkspaceLayout.join(workspace, output.path)
        let bytes = await withBlockingWork { () -> [UInt8]? in
            guard case .success(let bytes) = WorkspaceFileReader(root: workspace).read(path, limit: Self.maximumOutputBytes) else { return nil }
            return bytes
        }
        guard let bytes else {
            throw IntakeError(.notFound, "\(output.path) is no longer in the workspace", hint: "compile again")
        }
        guard SHA256.hex(of: bytes) == output.sha256 else {
            throw IntakeError(
                .conflict, "\(output.path) was changed after it was compiled", hint: "compile again to make a build the ledger vouches for")
        }
        return (output, bytes)
    }

    /// The largest output served (a summary with pictures).
    static let maximumOutputBytes = 256 * 1024 * 1024

    // MARK: Ledger

    /// The ledger's entries, oldest first, of the given kinds (all when empty).
    func ledgerEntries(kinds: [String]) async throws -> [LedgerEntry] {
        let workspace = self.workspace
        return try await withBlockingWork {
            let folder = WorkspaceLayout(workspace).url
            return kinds.isEmpty ? try Ledger.entriesIfPresent(workspace: folder) : try Ledger.entriesIfPresent(workspace: folder, kinds: kinds)
        }
    }

    // MARK: Invitations

    func invitationList() async throws -> [Invitation] {
        let invitations = Invitations(workspace: workspace)
        return try await withBlockingWork { () throws(DiagnosticFailure) in try invitations.list() }
    }

    /// `imrf invite --name ... --json`, issued by `person`; the link is on the service's base URL.
    func invite(_ request: InvitationRequest, by person: Invitation) async throws -> CreatedInvitationDocument {
        let invitations = Invitations(workspace: workspace)
        let now = configuration.now()
        let base = configuration.baseURL
        let cache = self.cache
        return try await withBlockingWork { () throws -> CreatedInvitationDocument in
            var expiry: Date?
            if let expires = request.expires, !expires.trimmingCharacters(in: .whitespaces).isEmpty {
                expiry = try ForumClock.expiry(expires, timeZone: try cache.currentForum().timeZone, field: "the expiry")
            }
            let role = InvitationRole(rawValue: request.role ?? "rapporteur")
            guard let role else {
                throw DiagnosticFailure(
                    .badInput, .error("unknown role '\(UntrustedText.escaped(request.role ?? ""))'", hint: "rapporteur or office"))
            }
            let email = request.email?.trimmingCharacters(in: .whitespaces)
            let issued = try invitations.create(
                name: request.name, sessions: request.sessions ?? [], email: email?.isEmpty == false ? email : nil, role: role, expires: expiry,
                at: now, by: person.name)
            return CreatedInvitationDocument(issued.invitation, url: issued.url(base: base))
        }
    }

    /// `imrf invite --revoke ID`, by `person`; not their own invitation (they
    /// would be locked out: another office person or the command line can).
    func revoke(_ id: String, by person: Invitation) async throws -> Invitation {
        guard id != person.id else {
            throw IntakeError(
                .unprocessableContent, "you cannot revoke your own invitation here: you would be signed out for good",
                hint: "another office person can, or 'imrf invite --revoke \(id)' on the workspace")
        }
        let invitations = Invitations(workspace: workspace)
        let now = configuration.now()
        return try await withBlockingWork { () throws(DiagnosticFailure) in try invitations.revoke(id: id, at: now, by: person.name) }
    }

    // MARK: Distribution

    /// `imrf mark distributed DELIVERABLE [--at AT] [--reference R]`, by `person`.
    func markDistributed(_ request: DistributionRequest, by person: Invitation) async throws -> LedgerEntry {
        let workspace = self.workspace
        let now = configuration.now()
        return try await withBlockingWork { () throws -> LedgerEntry in
            let tracker = try Tracker.load(workspace: workspace)
            // A blank field of the form is no time given.
            let at = request.at.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let moment = try tracker.clock.moment(at, standingFor: .distributionTime, now: now)
            return try tracker.markDistributed(
                request.deliverable, at: moment, recorded: at == nil ? nil : now, reference: request.reference, workspace: workspace, by: person.name
            ).entry
        }
    }

    /// `imrf mark undistributed DELIVERABLE [--reason R]`, by `person`:
    /// refused (422) when it is not marked distributed now.
    func markUndistributed(_ request: UndistributionRequest, by person: Invitation) async throws -> LedgerEntry {
        let workspace = self.workspace
        let now = configuration.now()
        do {
            return try await withBlockingWork { () throws -> LedgerEntry in
                let tracker = try Tracker.load(workspace: workspace)
                return try tracker.markUndistributed(request.deliverable, at: now, reason: request.reason, workspace: workspace, by: person.name)
                    .entry
            }
        } catch let error as TrackerError {
            guard case .notDistributed(let id) = error.code else { throw error }
            throw IntakeError(
                .unprocessableContent, "\(id) is not marked distributed: there is nothing to undo",
                hint: "the forum page lists each deliverable's state; the ledger page (kind distribution) what was marked")
        }
    }

    // MARK: Withdrawals and moves

    /// `imrf mark withdrawn NOTE --reason R`, by `person`. The reason is
    /// required here: the ledger says why a note left.
    func withdraw(_ request: WithdrawalRequest, by person: Invitation) async throws -> LedgerEntry {
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw IntakeError(.unprocessableContent, "say why the note is withdrawn", hint: "the reason is kept in the ledger, with your name")
        }
        let name = try await storedNote(request.note, doing: "withdraw")
        let workspace = self.workspace
        let now = configuration.now()
        return try await withBlockingWork { () throws -> LedgerEntry in
            try Withdrawal.withdraw(note: name, workspace: workspace, reason: reason, by: person.name, at: now)
        }
    }

    /// `imrf mark moved NOTE --session S [--reason R]`, by `person`: the
    /// note is submitted again under `session` (checked as any submission;
    /// its author stays), the old one withdrawn.
    func move(_ request: MoveRequest, by person: Invitation) async throws -> MoveAnswer {
        let name = try await storedNote(request.note, doing: "move")
        let target = request.session.trimmingCharacters(in: .whitespaces)
        guard let session = Session(rawValue: target) else {
            throw IntakeError(
                .unprocessableContent, "unknown session '\(UntrustedText.escaped(target))'",
                hint: "the sessions: " + Session.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let workspace = self.workspace
        let now = configuration.now()
        let reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let moved = try await withBlockingWork { () throws -> (receipt: SubmissionReceipt, withdrawal: LedgerEntry) in
            try Withdrawal.move(
                note: name, to: session.rawValue, workspace: workspace, reason: reason?.isEmpty == false ? reason : nil, by: person.name, at: now)
        }
        return MoveAnswer(receipt: moved.receipt, withdrawal: moved.withdrawal)
    }

    /// The name in notes/ of the note `note` names (`x.md` or `notes/x.md`),
    /// refused (422) in words when notes/ has no such note now.
    func storedNote(_ note: String, doing action: String) async throws -> String {
        let trimmed = note.trimmingCharacters(in: .whitespaces)
        let prefix = WorkspaceLayout.notesFolderName + "/"
        let name = trimmed.hasPrefix(prefix) ? String(trimmed.dropFirst(prefix.count)) : trimmed
        let workspace = self.workspace
        let present = await withBlockingWork { WorkspaceLayout(workspace).noteFileNames().contains(name) }
        guard present, !name.isEmpty else {
            throw IntakeError(
                .unprocessableContent, "there is no note '\(UntrustedText.escaped(trimmed))' in notes/ to \(action)",
                hint: "it may have been withdrawn or moved already: the notes page lists the notes there now")
        }
        return name
    }
}

/// `POST /api/distributions/undo`: as `imrf mark undistributed`.
struct UndistributionRequest: Decodable, Sendable {
    var deliverable: String
    var reason: String?
}

/// `POST /api/withdrawals`: as `imrf mark withdrawn`, the reason required.
struct WithdrawalRequest: Decodable, Sendable {
    var note: String
    var reason: String
}

/// `POST /api/moves`: as `imrf mark moved`.
struct MoveRequest: Decodable, Sendable {
    var note: String
    var session: String
    var reason: String?
}

/// `POST /api/moves`, 201: the note as stored under its new session (as
/// `POST /api/notes` answers) and the old one's withdrawal, as `imrf log
/// --json` prints it.
struct MoveAnswer: Encodable, Sendable {
    var receipt: SubmissionReceipt
    var withdrawal: LedgerEntry

    enum CodingKeys: String, CodingKey { case path, sha256, at, outcome, session, author, ledgerEntry, withdrawal }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(receipt.path, forKey: .path)
        try container.encode(receipt.sha256, forKey: .sha256)
        try container.encode(receipt.at, forKey: .at)
        try container.encode(receipt.outcome.rawValue, forKey: .outcome)
        try container.encode(receipt.session, forKey: .session)
        try container.encode(receipt.author, forKey: .author)
        try container.encode(receipt.ledgerEntry, forKey: .ledgerEntry)
        try container.encode(withdrawal, forKey: .withdrawal)
    }
}

/// What a compile on the web came to.
enum CompileOutcome: Sendable {
    case compiled(CompileAnswer)
    /// The notes have errors (or forum.yaml does): nothing was written.
    case refused(WorkspaceCheckAnswer)
}

/// `POST /api/invitations`: the options of `imrf invite`.
struct InvitationRequest: Decodable, Sendable {
    var name: String
    var sessions: [String]?
    var email: String?
    var role: String?
    var expires: String?
}

/// `POST /api/distributions`: as `imrf mark distributed`.
struct DistributionRequest: Decodable, Sendable {
    var deliverable: String
    var at: String?
    var reference: String?
}

/// `POST /api/compile`.
struct CompileRequest: Decodable, Sendable {
    var formats: [String]?
    var draft: Bool?
    /// `previous` or a build's number: summary.changes.docx too (`imrf compile --changes-since`).
    var changesSince: String?
}

/// Whether a compile is running in this server.
final class CompileGate: Sendable {
    let busy = Atomic<Bool>(false)
}

/// The one-time values of the forms whose answer cannot be a redirect (a
/// new invitation's link is shown once): a value seen again is a reload.
/// The latest `capacity` values are kept, in memory.
final class FormsSent: Sendable {
    private let seen = Locked<(order: [String], set: Set<String>)>(([], []))
    static let capacity = 10_000

    /// True the first time `value` is presented.
    func first(_ value: String) -> Bool {
        seen.withLock { seen in
            guard seen.set.insert(value).inserted else { return false }
            seen.order.append(value)
            if seen.order.count > Self.capacity {
                seen.set.remove(seen.order.removeFirst())
            }
            return true
        }
    }

    /// 128 random bits, hex.
    static func newValue() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
}
