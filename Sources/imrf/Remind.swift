import ArgumentParser
import Diagnostics
import Forum
import Foundation
import Ledger
import Mail
import Reminders
import Storage
import Tracker
import WorkingDays

extension IMRF {
    /// `imrf remind`: the reminders due today, sent once each (for cron).
    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remind",
            abstract: "For cron: e-mail the people who still owe a note, and the office a digest, at each reminder stage.",
            discussion: """
                Settings in forum.yaml's reminders: section; the SMTP user and password in IMRF_SMTP_USER and \
                IMRF_SMTP_PASSWORD or in reminders.credentialsFile. Each message is sent once: the ledger records it \
                after the server accepts it (imrf log --kind reminder). Exit 0 sent, or nothing due; 75 a message \
                not sent (the server down, a recipient refused): it is tried again at the next run; 65 bad \
                configuration (forum.yaml, the credentials, the server's certificate); 69 libcurl missing.
                """
        )

        @OptionGroup var location: WorkspaceArguments

        @Flag(help: "Print the messages instead of sending them; nothing is recorded.")
        var dryRun = false

        @Flag(help: "Print one JSON object: every message and what became of it.")
        var json = false

        @Option(
            help:
                "Work as at this moment instead of now: a date (its start), a local time in the forum's zone (2026-05-20T16:30), or an instant."
        )
        var today: String?

        @Option(help: "A PEM file of CA certificates to trust for the mail server (a private CA).")
        var cacert: String?

        func run() async throws {
            let run = try await Reporting.run {
                let workspace = try location.resolved()
                let reminders = Reminders(workspace: workspace)
                let tracker = try Tracker.load(workspace: workspace)
                let now = try tracker.clock.moment(today, standingFor: .statusTime)
                var transport: SMTPTransport?
                if !dryRun {
                    let settings = try Reminders.settings(of: tracker, forumFile: WorkspaceLayout(workspace).forumFile)
                    transport = try reminders.transport(settings, environment: ProcessInfo.processInfo.environment, caCertificateFile: cacert)
                }
                let chosen = transport
                let moment = now
                // A whole SMTP exchange per message: its own thread, not the cooperative pool.
                return try await withOwnThread { () throws(DiagnosticFailure) -> Reminders.Run in
                    try reminders.run(now: moment, transport: chosen)
                }
            }
            if json {
                print(try JSONOutput.string(RemindDocument(run)))
                // What went wrong is on stderr whatever stdout holds.
                for error in run.failures {
                    Reporting.printToStandardError(Reporting.commandLine(error.diagnostics[0]))
                }
            } else {
                report(run)
            }
            if let stop = run.stoppedBy, !stop.isRetryable {
                throw ExitCode(Reporting.exitCode(for: stop.kind))
            }
            if !run.failures.isEmpty || run.notTried > 0 { throw ExitCode(Reporting.exitCode(for: .temporary)) }
        }

        private func report(_ run: Reminders.Run) {
            if let closed = run.closed {
                Reporting.printLine("nothing to send: the workspace was closed \(closed) (imrf mark reopened opens it again)")
                return
            }
            for (index, item) in run.items.enumerated() {
                let reminder = item.reminder
                let what = "\(reminder.deliverable), \(ReminderRecord.stageWords(reminder.stage)), to \(reminder.to.display)"
                let sessions = reminder.sessions.map(\.rawValue).joined(separator: ", ")
                switch item.outcome {
                case .planned:
                    if index > 0 { print("") }
                    Reporting.printLine("--- \(index + 1) of \(run.items.count): \(what)\(reminder.isDigest ? " (digest)" : "")")
                    Reporting.printLine("Subject: \(reminder.message.subject)")
                    Reporting.printLine("Reply-To: \(reminder.message.replyTo?.display ?? "")")
                    print("")
                    for line in reminder.message.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                        Reporting.printLine(String(line))
                    }
                case .sent(let reply, _):
                    Reporting.printLine("sent      \(what) for \(sessions): \(reply)")
                case .failed(let error):
                    Reporting.printLine("NOT SENT  \(what) for \(sessions)")
                    Reporting.printToStandardError(Reporting.commandLine(error.diagnostics[0]))
                case .notTried:
                    Reporting.printLine("NOT SENT  \(what) for \(sessions) (not tried: the run stopped)")
                }
            }
            if run.dryRun {
                if !run.items.isEmpty { print("") }
                Reporting.printLine(
                    run.items.isEmpty
                        ? "nothing to send on \(run.today.long): no reminder stage reached with a note missing"
                        : "\(run.items.count) message\(run.items.count == 1 ? "" : "s") would be sent (dry run: nothing sent or recorded)")
                return
            }
            let notSent = run.failures.count + run.notTried
            if run.items.isEmpty {
                Reporting.printLine("nothing to send on \(run.today.long): no reminder stage reached with a note missing, or sent already")
            } else {
                Reporting.printLine(
                    "\(run.sent) sent" + (notSent > 0 ? "; \(notSent) not sent, tried again at the next run" : ""))
            }
        }
    }
}

/// `imrf remind --json`.
struct RemindDocument: Encodable {
    struct Message: Encodable {
        var deliverable: String
        var stage: Int
        var to: String
        var name: String?
        var digest: Bool
        var sessions: [String]
        var subject: String
        var messageID: String
        /// `sent`, `planned` (dry run), `failed` or `notTried`.
        var outcome: String
        var reply: String?
        var ledgerEntry: Int64?
        var error: String?
        /// The plain text, in a dry run.
        var text: String?

        enum CodingKeys: String, CodingKey {
            case deliverable, stage, to, name, digest, sessions, subject, messageID, outcome, reply, ledgerEntry, error, text
        }

        /// Every key in every message, null where it has no value.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(deliverable, forKey: .deliverable)
            try container.encode(stage, forKey: .stage)
            try container.encode(to, forKey: .to)
            try container.encode(name, forKey: .name)
            try container.encode(digest, forKey: .digest)
            try container.encode(sessions, forKey: .sessions)
            try container.encode(subject, forKey: .subject)
            try container.encode(messageID, forKey: .messageID)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(reply, forKey: .reply)
            try container.encode(ledgerEntry, forKey: .ledgerEntry)
            try container.encode(error, forKey: .error)
            try container.encode(text, forKey: .text)
        }
    }

    var today: String
    var dryRun: Bool
    var sent: Int
    var notSent: Int
    var stoppedBy: String?
    /// When the workspace was closed, in the forum's time; null while open.
    var closed: String?
    var messages: [Message]

    enum CodingKeys: String, CodingKey {
        case today, dryRun, sent, notSent, stoppedBy, closed, messages
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(today, forKey: .today)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(sent, forKey: .sent)
        try container.encode(notSent, forKey: .notSent)
        try container.encode(stoppedBy, forKey: .stoppedBy)
        try container.encode(closed, forKey: .closed)
        try container.encode(messages, forKey: .messages)
    }

    init(_ run: Reminders.Run) {
        today = run.today.iso
        dryRun = run.dryRun
        sent = run.sent
        notSent = run.failures.count + run.notTried
        stoppedBy = run.stoppedBy?.message
        closed = run.closed
        messages = run.items.map { item in
            let reminder = item.reminder
            var message = Message(
                deliverable: reminder.deliverable, stage: reminder.stage, to: reminder.to.address, name: reminder.isDigest ? nil : reminder.to.name,
                digest: reminder.isDigest, sessions: reminder.sessions.map(\.rawValue), subject: reminder.message.subject,
                messageID: reminder.message.messageID, outcome: "", reply: nil, ledgerEntry: nil, error: nil, text: nil)
            switch item.outcome {
            case .sent(let reply, let entry):
                message.outcome = "sent"
                message.reply = reply
                message.ledgerEntry = entry
            case .planned:
                message.outcome = "planned"
                message.text = reminder.message.text
            case .failed(let error):
                message.outcome = "failed"
                message.error = error.message
            case .notTried:
                message.outcome = "notTried"
            }
            return message
        }
    }
}
