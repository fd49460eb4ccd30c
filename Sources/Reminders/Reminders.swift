public import Diagnostics
public import Forum
import ForumWorkspace
public import Foundation
import Ledger
public import Mail
import Storage
public import Tracker
public import WorkingDays

/// `imrf remind`: sends the reminders due (`ReminderPlanner`) and records
/// each one the server accepted, so that a message is sent once and a
/// message not sent is tried again at the next run.
///
/// At least once, never lost: a message is recorded after the server's
/// reply, so one accepted just before the process died is sent again at
/// the next run; one refused or not reached is never recorded.
public struct Reminders: Sendable {
    /// The workspace folder as the user gave it.
    public var workspace: String

    public init(workspace: String) {
        self.workspace = workspace
    }

    /// What happened to one message.
    public enum Outcome: Sendable {
        /// The server accepted it; the ledger entry that records it.
        case sent(reply: String, entry: Int64)
        /// `--dry-run`: built, not sent.
        case planned
        /// Not sent; retried at the next run.
        case failed(MailError)
        /// Not tried: an earlier failure stopped the run (the server cannot be
        /// reached, or refuses the credentials); tried at the next run.
        case notTried
    }

    public struct Item: Sendable {
        public var reminder: PlannedReminder
        public var outcome: Outcome
    }

    /// One run's messages and what became of them.
    public struct Run: Sendable {
        public var today: CivilDate
        public var dryRun: Bool
        public var items: [Item]
        /// The failure that stopped the run before every message was tried.
        public var stoppedBy: MailError?
        /// When the workspace was closed (`imrf mark closed`), in the forum's
        /// time (`Fri 5 Jun 2026 16:00`): nothing is sent.
        public var closed: String? = nil

        public var sent: Int { items.count { if case .sent = $0.outcome { true } else { false } } }
        public var failures: [MailError] {
            items.compactMap { if case .failed(let error) = $0.outcome { error } else { nil } }
        }
        public var notTried: Int { items.count { if case .notTried = $0.outcome { true } else { false } } }
    }

    /// The reminders' settings of the workspace's forum.yaml, or an error
    /// saying how to add them.
    public static func settings(of tracker: Tracker, forumFile: String) throws(DiagnosticFailure) -> ReminderSettings {
        guard let settings = tracker.forum.reminders else {
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "\(forumFile) has no 'reminders:' section: imrf does not know which mail server to send through",
                    hint:
                        "add, e.g.: reminders: {smtp: \"smtp://mail.example.org:587\", from: \"imrf@example.org\", office: \"pga-office@example.org\"}"
                ))
        }
        return settings
    }

    /// The transport `settings` name, with the SMTP credentials from the
    /// environment, else from `credentialsFile` (relative to the workspace).
    public func transport(
        _ settings: ReminderSettings, environment: [String: String], caCertificateFile: String?
    ) throws(MailError) -> SMTPTransport {
        var credentials = try SMTPCredentials.fromEnvironment(environment)
        if credentials == nil, let file = settings.credentialsFile {
            let path = file.hasPrefix("/") ? file : WorkspaceLayout.join(workspace, file)
            credentials = try SMTPCredentials.read(fromFile: path)
        }
        return SMTPTransport(url: settings.smtp, credentials: credentials, caCertificateFile: caCertificateFile)
    }

    /// Works out the reminders due at `now` and sends them through
    /// `transport` (nil: `dryRun`, nothing sent or recorded). One run at a
    /// time per workspace (a lock in `.imrf/`), so two crons cannot both send.
    public func run(now: Date, transport: SMTPTransport?) throws(DiagnosticFailure) -> Run {
        let layout = WorkspaceLayout(workspace)
        let tracker = try Tracker.load(workspace: workspace)
        let settings = try Self.settings(of: tracker, forumFile: layout.forumFile)
        guard let transport else { return try execute(tracker: tracker, settings: settings, now: now, transport: nil) }
        do {
            try FileManager.default.createDirectory(atPath: layout.stateFolder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticFailure(.cannotCreate, .error("cannot create \(layout.stateFolder): \(error.localizedDescription)"))
        }
        return try Self.withLock(WorkspaceLayout.join(layout.stateFolder, "remind.lock")) { () throws(DiagnosticFailure) -> Run in
            try execute(tracker: tracker, settings: settings, now: now, transport: transport)
        }
    }

    /// The office, as the sender's and the digest's name.
    static let officeName = "Office of the President of the General Assembly"

    /// What a person or the office was told about one missing note, for the digest.
    private static func words(_ outcome: Outcome) -> String {
        switch outcome {
        case .sent: "reminded now"
        case .planned: "would be reminded now (dry run)"
        case .failed(let error): "NOT reminded: \(error.message); tried again at the next run"
        case .notTried: "not reminded yet (the run stopped); tried again at the next run"
        }
    }

    private func execute(tracker: Tracker, settings: ReminderSettings, now: Date, transport: SMTPTransport?) throws(DiagnosticFailure) -> Run {
        let layout = WorkspaceLayout(workspace)
        let evidence: Evidence
        let sentEntries: [LedgerEntry]
        do {
            evidence = try Evidence.gather(workspace: workspace)
            sentEntries = try Ledger.entriesIfPresent(workspace: layout.url, kinds: ["reminder"])
        } catch let error as any DiagnosticError {
            throw DiagnosticFailure(error.kind, error.diagnostics)
        } catch {
            throw DiagnosticFailure(.software, .error("cannot read the ledger: \(error)"))
        }
        if let closure = evidence.ledger.closed, closure.entry.at <= now {
            return Run(
                today: tracker.clock.date(at: now), dryRun: transport == nil, items: [], stoppedBy: nil, closed: tracker.clock.short(closure.entry.at)
            )
        }
        let invitations = try Invitations(workspace: workspace).list()
        let dues = try ReminderPlanner(tracker: tracker, settings: settings).due(evidence: evidence, invitations: invitations, now: now)
        guard let from = MailAddress(settings.from, name: Self.officeName), let office = MailAddress(settings.office, name: Self.officeName),
            let replyTo = MailAddress(settings.replyTo ?? settings.office, name: Self.officeName)
        else {
            throw DiagnosticFailure(.badInput, .error("\(layout.forumFile): reminders.from, office or replyTo is not an e-mail address"))
        }
        let alreadySent = Set(
            sentEntries.compactMap { entry -> String? in
                guard case .reminder(let record) = entry.event else { return nil }
                return Self.key(record.deliverable, record.stage, record.recipient)
            })
        let text = ReminderText(forum: tracker.forum, settings: settings)
        var ledger: Ledger?
        if transport != nil {
            do {
                ledger = try Ledger(workspace: layout.url)
            } catch let error as any DiagnosticError {
                throw DiagnosticFailure(error.kind, error.diagnostics)
            } catch {
                throw DiagnosticFailure(.software, .error("cannot open the ledger: \(error)"))
            }
        }
        var items: [Item] = []
        var stoppedBy: MailError?

        func deliver(_ reminder: PlannedReminder) throws(DiagnosticFailure) -> Outcome {
            guard let transport, let ledger else { return .planned }
            if stoppedBy != nil { return .notTried }
            let reply: String
            do {
                reply = try transport.send(reminder.message)
            } catch {
                // A refused address concerns that message alone; anything else
                // (the server, the credentials, TLS) would fail every message.
                if error.code != .recipientRefused && error.code != .rejected { stoppedBy = error }
                return .failed(error)
            }
            do {
                let entry = try ledger.append(.reminder(reminder.record(reply: reply)))
                return .sent(reply: reply, entry: entry.id)
            } catch {
                throw DiagnosticFailure(
                    .cannotCreate,
                    .error(
                        "the reminder to \(reminder.to.address) was sent (\(reply)) but cannot be recorded in the ledger: \(error)",
                        hint: "it will be sent again at the next run; make the workspace's .imrf folder writable"))
            }
        }

        func message(to address: MailAddress, subject: String, body: String) -> MailMessage {
            MailMessage(
                from: from, to: address, replyTo: replyTo, subject: subject, date: Date(),
                messageID: MailMessage.newMessageID(domain: office.domain), text: body, html: ReminderText.html(body, title: subject))
        }

        for due in dues {
            let status = due.status
            // One message per address, however many invitations name it.
            var people: [(address: MailAddress, invitations: [String], sessions: [Session])] = []
            var withoutAddress: [Invitation] = []
            for invitation in due.invited {
                guard let email = invitation.email, let address = MailAddress(email, name: invitation.name) else {
                    withoutAddress.append(invitation)
                    continue
                }
                let sessions = due.missing.filter { invitation.sessions.contains($0.rawValue) }
                if let index = people.firstIndex(where: { $0.address.address.lowercased() == email.lowercased() }) {
                    people[index].invitations.append(invitation.id)
                    people[index].sessions = due.missing.filter { people[index].sessions.contains($0) || sessions.contains($0) }
                } else {
                    people.append((address, [invitation.id], sessions))
                }
            }
            var told: [Session: [String]] = [:]
            for person in people {
                let outcomeWords: String
                if alreadySent.contains(Self.key(status.id, due.stage, person.address.address)) {
                    outcomeWords = "reminded earlier at this stage"
                } else {
                    let name = person.address.name ?? person.address.address
                    let reminder = PlannedReminder(
                        deliverable: status.id, stage: due.stage, to: person.address, invitations: person.invitations, sessions: person.sessions,
                        message: message(
                            to: person.address, subject: text.subject(person: person.sessions, status: status),
                            body: text.text(name: name, sessions: person.sessions, status: status)))
                    let outcome = try deliver(reminder)
                    items.append(Item(reminder: reminder, outcome: outcome))
                    outcomeWords = Self.words(outcome)
                }
                for session in person.sessions { told[session, default: []].append("\(person.address.display): \(outcomeWords)") }
            }
            for invitation in withoutAddress {
                for session in due.missing where invitation.sessions.contains(session.rawValue) {
                    told[session, default: []].append("\(invitation.name): no e-mail address in the invitation, not reminded")
                }
            }
            guard !alreadySent.contains(Self.key(status.id, due.stage, office.address)) else { continue }
            let lines = due.missing.map { ReminderText.DigestLine(session: $0, people: told[$0] ?? []) }
            let subject = text.digestSubject(status: status, missing: due.missing)
            let digest = PlannedReminder(
                deliverable: status.id, stage: due.stage, to: office, invitations: [], sessions: due.missing,
                message: message(to: office, subject: subject, body: text.digestText(status: status, lines: lines, stage: due.stage)))
            items.append(Item(reminder: digest, outcome: try deliver(digest)))
        }
        return Run(today: tracker.clock.date(at: now), dryRun: transport == nil, items: items, stoppedBy: stoppedBy)
    }

    /// What makes a message the same message: its deliverable, stage and address (any case).
    static func key(_ deliverable: String, _ stage: Int, _ address: String) -> String {
        "\(deliverable)\n\(stage)\n\(address.lowercased())"
    }

    /// Runs `body` holding an exclusive `flock` on `path`, released when the
    /// process ends however it ends.
    static func withLock<T>(_ path: String, _ body: () throws(DiagnosticFailure) -> T) throws(DiagnosticFailure) -> T {
        try FileLock(path: path).withLock(body) { problem in
            problem.opening
                ? DiagnosticFailure(.cannotCreate, .error("cannot open \(problem.path): \(problem.reason)"))
                : DiagnosticFailure(.software, .error("cannot lock \(problem.path): \(problem.reason)"))
        }
    }
}
