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
import WordImport

/// What the web intake does, in library calls the CLI makes too
/// (`Invitations`, `CheckedNotes`, `Submission`, `Tracker`): every call
/// that reads or writes files or the ledger runs on Dispatch's threads
/// (`withBlockingWork`), never on Swift's cooperative pool.
public struct Intake: Sendable {
    public let configuration: IntakeConfiguration
    let limiter: RateLimiter
    let cache: IntakeCache
    let compiling = CompileGate()
    let formsSent = FormsSent()

    public init(configuration: IntakeConfiguration) {
        self.configuration = configuration
        limiter = RateLimiter(limit: max(1, configuration.rateLimit))
        cache = IntakeCache(workspace: configuration.workspace)
    }

    var workspace: String { configuration.workspace }

    /// How many times the intake read the ledger or a workspace file
    /// instead of keeping what it had read (`IntakeCache`).
    @_spi(Testing) public var cacheReads: Int { cache.reads.load(ordering: .relaxed) }

    /// How many times the intake computed the status rather than keeping
    /// the one of the same second (`IntakeCache.status(at:)`).
    @_spi(Testing) public var statusComputations: Int { cache.statusComputations.load(ordering: .relaxed) }

    /// What diagnostics call a note sent over the web.
    static let noteName = "note.md"
    /// What diagnostics name an uploaded Word file by (never the name it was sent under).
    static let wordName = "note.docx"

    // MARK: Sign-in

    func authenticate(_ token: String) async throws -> Result<Invitation, SignInRefusal> {
        let cache = self.cache
        let now = configuration.now()
        return try await withBlockingWork { () throws(DiagnosticFailure) in try cache.invitationBook().authenticate(token: token, at: now) }
    }

    func recordSignIn(_ person: Invitation, method: String) async {
        let invitations = Invitations(workspace: workspace)
        let now = configuration.now()
        // A sign-in that cannot be recorded still signs in: the ledger's
        // trouble is the office's, and the submission will say it.
        _ = try? await withBlockingWork { () throws(DiagnosticFailure) in try invitations.recordSignIn(person, method: method, at: now) }
    }

    /// The CSRF token of a signed-in person: derived from their token, so
    /// only someone holding it can compute it, and it survives a restart.
    public static func csrfToken(for token: String) -> String {
        SHA256.hex(of: Array(("imrf-csrf\u{0}" + token).utf8))
    }

    /// Nil when `person` may make one more check or submission now, else
    /// the seconds to wait.
    func admit(_ person: Invitation) async -> Int? {
        await limiter.admit(person.id, at: configuration.now())
    }

    // MARK: Sessions and deadlines

    /// The person's sessions, each with the deadline the tracker computes
    /// for it: the earliest deliverable not done that needs its notes.
    func sessions(for person: Invitation) async -> SessionsAnswer {
        let cache = self.cache
        let now = configuration.now()
        return await withBlockingWork { () -> SessionsAnswer in
            // One look at the files: the status of this second has the forum too.
            let status = cache.status(at: now)
            let report = status.report
            let forum = status.forum ?? (try? cache.currentForum())
            let sessions = person.visibleSessions.map { session in
                SessionAnswer(session: session, forum: forum, deadline: report.flatMap { Self.deadline(of: session, in: $0) })
            }
            return SessionsAnswer(
                name: person.name, role: person.role.rawValue, timeZone: forum?.timeZone ?? "America/New_York", sessions: sessions)
        }
    }

    static func deadline(of session: Session, in report: StatusReport) -> DeadlineAnswer? {
        let needing = report.deliverables.filter { status in
            switch status.kind {
            case .notes(let sessions): sessions.contains(session)
            case .summary: true
            case .office: false
            }
        }
        guard let status = needing.first(where: { !$0.isDone }) ?? needing.first else { return nil }
        return DeadlineAnswer(
            deliverable: status.id, title: status.deliverable.title, due: status.due.iso, dueAt: status.due.instant,
            dueText: status.due.short, workingDaysLeft: status.workingDaysLeft, overdue: status.isOverdue, state: status.state.rawValue)
    }

    // MARK: Check

    /// The note's diagnostics, as `imrf check NOTE.md` gives them against the workspace's forum.
    /// Checked as if it were in the workspace's notes folder, where it will
    /// be stored: its pictures are found from there, not from the server's
    /// current folder.
    func check(_ bytes: [UInt8]) async throws -> CheckAnswer {
        let workspace = self.workspace
        let cache = self.cache
        return try await withBlockingWork { () throws(DiagnosticFailure) -> CheckAnswer in
            let layout = WorkspaceLayout(workspace)
            let forum = try cache.currentForum()
            let checked = CheckedNotes.check(noteFiles: [(layout.note(Self.noteName), bytes)], forum: forum, folder: workspace)
            return CheckAnswer(checked.diagnostics)
        }
    }

    /// The note parsed, for its session and the preview; nil when it does not parse.
    func parse(_ bytes: [UInt8]) async throws -> (note: Note?, diagnostics: [Diagnostic]) {
        let cache = self.cache
        return try await withBlockingWork { () throws(DiagnosticFailure) in
            let forum = try cache.currentForum()
            return NoteParser.parse(bytes: bytes, path: Self.noteName, forum: forum)
        }
    }

    // MARK: Submit

    /// Stores the note as `imrf submit` does, for `person`.
    /// - Throws: `IntakeError` 403 for a session not theirs; `SubmitRefusal`
    ///   (422) with the diagnostics when the note is refused.
    /// - Parameter word: for a Word file, the form's fields as its front matter.
    func submit(_ bytes: [UInt8], as person: Invitation, word: WordImportOptions? = nil) async throws -> SubmitAnswer {
        let workspace = self.workspace
        let now = configuration.now()
        let fileName = word == nil ? Self.noteName : Self.wordName
        let stored: (receipt: SubmissionReceipt, warnings: [Diagnostic])
        do {
            stored = try await withBlockingWork { () throws -> (receipt: SubmissionReceipt, warnings: [Diagnostic]) in
                let submission = try Submission(
                    noteBytes: Data(bytes), fileName: fileName, workspace: workspace, signedInAs: person.name, word: word ?? WordImportOptions())
                // The session of the note as made (a Word file's from the form), checked before anything is stored.
                guard person.mayAccess(session: submission.session) else {
                    throw IntakeError(
                        .forbidden, "you were not invited for the session '\(submission.session)'",
                        hint: "your sessions: " + person.visibleSessions.map(\.rawValue).joined(separator: ", "))
                }
                return (try submission.store(at: now), submission.warnings)
            }
        } catch let failure as DiagnosticFailure where failure.kind == .badInput {
            throw SubmitRefusal(check: CheckAnswer(failure.diagnostics))
        } catch let error as any DiagnosticError {
            let first = error.diagnostics.first { $0.severity == .error }
            throw IntakeError(
                error.kind == .temporary ? .serviceUnavailable : .internalServerError,
                "the note could not be stored: " + (first?.message ?? "the workspace cannot be written"),
                hint: "nothing was stored; try again, and tell the office if it persists")
        }
        let receipt = stored.receipt
        let versions = try await notes(for: person)
        let version = versions.flatMap(\.versions).first { $0.sha256 == receipt.sha256 && $0.ledgerEntry == receipt.ledgerEntry }
        return SubmitAnswer(receipt: receipt, version: version?.version ?? 1, warnings: stored.warnings.map(DiagnosticAnswer.init))
    }

    /// A Word file made a note and checked as `submit` would (its pictures
    /// too), nothing stored: the note made, when it could be made and has no
    /// error, and the diagnostics (what could not be kept from the file first).
    func checkWord(_ bytes: [UInt8], as person: Invitation, word: WordImportOptions) async throws -> (note: [UInt8]?, check: CheckAnswer) {
        let workspace = self.workspace
        return try await withBlockingWork { () throws -> (note: [UInt8]?, check: CheckAnswer) in
            do {
                let submission = try Submission(
                    noteBytes: Data(bytes), fileName: Self.wordName, workspace: workspace, signedInAs: person.name, word: word)
                return (Array(submission.noteText), CheckAnswer(submission.warnings))
            } catch let failure as DiagnosticFailure where failure.kind == .badInput {
                return (nil, CheckAnswer(failure.diagnostics))
            }
        }
    }

    // MARK: Earlier versions

    /// The person's notes (office: everyone's), each with every version
    /// submitted, oldest first.
    func notes(for person: Invitation) async throws -> [NoteHistory] {
        try await notes { record in person.mayAccess(session: record.session) && (person.role == .office || record.author == person.name) }
    }

    /// Every note submitted, each with its versions, oldest first.
    func allNotes() async throws -> [NoteHistory] {
        try await notes { _ in true }
    }

    private func notes(where included: @Sendable (NoteSubmission) -> Bool) async throws -> [NoteHistory] {
        let cache = self.cache
        let entries = try await withBlockingWork { try cache.submissionEntries() }
        var histories: [NoteHistory] = []
        for entry in entries {
            guard case .submission(let record) = entry.event, included(record) else { continue }
            var index = histories.firstIndex { $0.path == record.path && $0.session == record.session }
            if index == nil {
                histories.append(NoteHistory(session: record.session, author: record.author, path: record.path, versions: []))
                index = histories.count - 1
            }
            if histories[index!].versions.contains(where: { $0.sha256 == record.sha256 }) { continue }
            histories[index!].versions.append(
                VersionAnswer(version: histories[index!].versions.count + 1, sha256: record.sha256, at: entry.at, ledgerEntry: entry.id))
        }
        return histories
    }

    /// The stored bytes of the version recorded by ledger entry `entry`, if
    /// the person may see it: the note where it is now, else its copy in
    /// notes/.history/; the bytes must have the recorded SHA-256.
    func version(_ entry: Int64, for person: Invitation) async throws -> (history: NoteHistory, version: VersionAnswer, bytes: [UInt8])? {
        let histories = try await notes(for: person)
        guard let history = histories.first(where: { $0.versions.contains { $0.ledgerEntry == entry } }),
            let version = history.versions.first(where: { $0.ledgerEntry == entry })
        else { return nil }
        let workspace = self.workspace
        let bytes = await withBlockingWork { () -> [UInt8]? in
            let layout = WorkspaceLayout(workspace)
            let prefix = WorkspaceLayout.notesFolderName + "/"
            guard history.path.hasPrefix(prefix), !history.path.contains(".."), history.path.hasSuffix(".md") else { return nil }
            let name = String(history.path.dropFirst(prefix.count))
            guard !name.contains("/") else { return nil }
            let reader = WorkspaceFileReader(root: workspace)
            let places = [
                layout.note(name),
                WorkspaceLayout.join(layout.historyFolder, String(name.dropLast(3)) + "." + version.sha256.prefix(12) + ".md"),
            ]
            for place in places {
                if case .success(let bytes) = reader.read(place, limit: WorkspaceLayout.maximumNoteBytes), SHA256.hex(of: bytes) == version.sha256 {
                    return bytes
                }
            }
            return nil
        }
        return bytes.map { (history, version, $0) }
    }
}

/// A submission refused for what the note says (422).
struct SubmitRefusal: Error {
    var check: CheckAnswer
}
