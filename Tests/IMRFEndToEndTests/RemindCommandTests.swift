import Foundation
import IMRFTestSupport
import Testing

/// `imrf remind` against a real SMTP server on loopback (aiosmtpd, with
/// STARTTLS and AUTH: `Tests/Mail/smtp_server.py`); the messages it received
/// are read back with Python's `email` package (`Tests/Mail/parse_messages.py`).
@Suite("imrf remind, end to end")
struct RemindCommandTests {
    static let user = "imrf-mailer"
    static let password = "pw-7Hq2-secret"

    /// What `parse_messages.py` makes of one message.
    struct Parsed: Decodable {
        struct Mailbox: Decodable, Equatable {
            var name: String
            var address: String
        }
        var envelopeTo: [String]
        var from: Mailbox
        var to: Mailbox
        var replyTo: Mailbox?
        var subject: String
        var messageID: String
        var date: String
        var contentType: String
        var charsets: [String]
        var text: String?
        var html: String?
        var defects: [String]
        var bareLineFeeds: Bool
        var longestLine: Int
        var tls: Bool
        var authUser: String?
    }

    struct Entry: Decodable {
        struct Record: Decodable {
            var deliverable: String
            var stage: Int
            var recipient: String
            var name: String?
            var sessions: [String]
            var messageID: String
            var reply: String
        }
        var id: Int
        var kind: String
        var record: Record
    }

    /// A workspace without notes, a forum with a non-ASCII title, reminders
    /// through `url`, and four rapporteurs: Ana (hearing), Zoë (round tables
    /// 2 and 3), Bob (round table 1) and Kim (round table 4, no address).
    static func workspace(in folder: TemporaryFolder, smtp url: String) throws -> URL {
        let workspace = try IMRFProcess.initWorkspace(in: folder.url, example: false)
        let forumFile = workspace.appendingPathComponent("forum.yaml")
        var forum = try String(contentsOf: forumFile, encoding: .utf8)
        forum = forum.replacingOccurrences(
            of: #"title: "Second International Migration Review Forum""#, with: #"title: "Foro de Examen de la Migración Internacional 2026""#)
        forum += """
            reminders:
              smtp: "\(url)"
              from: "imrf@pga.example.org"
              office: "pga-office@pga.example.org"
              submitURL: "https://imrf.example.org"

            """
        try forum.write(to: forumFile, atomically: true, encoding: .utf8)
        for (name, sessions, email) in [
            ("Ana Pérez", ["hearing"], "ana@example.org"),
            ("Zoë Ndiaye-Müller", ["round-table-2", "round-table-3"], "zoe@example.org"),
            ("Bob Stone", ["round-table-1"], "bob@example.org"),
            ("Kim Lee", ["round-table-4"], nil),
        ] {
            var arguments = ["invite", "-w", "ws", "--name", name] + sessions.flatMap { ["--session", $0] }
            if let email { arguments += ["--email", email] }
            let result = try IMRFProcess.run(arguments, directory: folder.url)
            #expect(result.status == 0, "imrf invite: \(result.stderr)")
        }
        return workspace
    }

    /// Runs `imrf remind ws ...` in `folder` with the SMTP credentials in the environment.
    static func remind(
        _ arguments: [String], in folder: TemporaryFolder, certificate: URL?, password: String = password
    ) throws -> IMRFProcess.Result {
        var all = ["remind", "ws"] + arguments
        if let certificate { all += ["--cacert", certificate.path] }
        return try IMRFProcess.run(
            all, directory: folder.url, environment: ["IMRF_SMTP_USER": user, "IMRF_SMTP_PASSWORD": password])
    }

    static func parsed(_ server: SMTPServer) throws -> [Parsed] {
        let result = try IMRFProcess.run(
            [repositoryRoot.appendingPathComponent("Tests/Mail/parse_messages.py").path, server.stateFile.path],
            executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(result.status == 0, "parse_messages.py: \(result.stderr)")
        return try JSONDecoder().decode([Parsed].self, from: Data(result.stdout.utf8))
    }

    static func reminders(in folder: TemporaryFolder) throws -> [Entry] {
        let result = try IMRFProcess.run(["log", "ws", "--kind", "reminder", "--json"], directory: folder.url)
        #expect(result.status == 0, "imrf log: \(result.stderr)")
        return try JSONDecoder().decode([Entry].self, from: Data(result.stdout.utf8))
    }

    /// A server with a fresh certificate and the test's credentials; `body` gets the server, the folder and the certificate.
    static func withServer(
        refuse: [String] = [], implicitTLS: Bool = false, port: Int = 0,
        _ body: (SMTPServer, TemporaryFolder, URL) throws -> Void
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (certificate, key) = try folder.selfSignedCertificate()
        let server = try SMTPServer(
            certificate: certificate, key: key, user: user, password: password, refuse: refuse, port: port, implicitTLS: implicitTLS)
        defer { server.stop() }
        try body(server, folder, certificate)
    }

    @Test("at a stage: each person who owes a note gets one message for their sessions, the office a digest; MIME and headers parse")
    func rightPeopleRightMessages() throws {
        try Self.withServer { server, folder, certificate in
            _ = try Self.workspace(in: folder, smtp: server.url)
            // 29 April 2026: 5 working days before the round tables' summaries
            // (due 6 May) and 4 before the hearing's (5 May: its stage 5 was the 28th).
            let result = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("5 sent"), "\(result.stdout)")
            let messages = try Self.parsed(server)
            #expect(messages.count == 5)
            #expect(Set(messages.map(\.to.address)) == ["ana@example.org", "zoe@example.org", "bob@example.org", "pga-office@pga.example.org"])
            for message in messages {
                #expect(message.defects.isEmpty, "\(message.defects)")
                #expect(!message.bareLineFeeds)
                #expect(message.longestLine <= 78)
                #expect(message.contentType == "multipart/alternative")
                #expect(message.charsets == ["utf-8"])
                #expect(message.tls, "sent without TLS")
                #expect(message.authUser == Self.user)
                #expect(message.from.address == "imrf@pga.example.org")
                #expect(message.replyTo?.address == "pga-office@pga.example.org")
                #expect(message.messageID.hasSuffix("@pga.example.org>"))
                #expect(message.envelopeTo == [message.to.address])
                #expect(message.subject.hasPrefix("Foro de Examen de la Migración Internacional 2026: "), "\(message.subject)")
                #expect(message.html?.contains("<!DOCTYPE html>") == true)
            }
            #expect(Set(messages.map(\.messageID)).count == 5)
            let zoe = try #require(messages.first { $0.to.address == "zoe@example.org" })
            #expect(zoe.to.name == "Zoë Ndiaye-Müller")
            #expect(zoe.subject.contains("your notes for Round table 2, Round table 3 are due Wed 6 May 2026 15:00"), "\(zoe.subject)")
            let text = try #require(zoe.text)
            #expect(text.contains("Dear Zoë Ndiaye-Müller,"))
            #expect(text.contains("5 working days from today"))
            #expect(text.contains("https://imrf.example.org"))
            #expect(text.contains("If you have already sent them"))
            #expect(!text.contains("Round table 1"))
            #expect(zoe.html?.contains("Zo&#235;") == true || zoe.html?.contains("Zoë") == true)
            let ana = try #require(messages.first { $0.to.address == "ana@example.org" })
            #expect(ana.text?.contains("4 working days from today") == true)
            let digests = messages.filter { $0.to.address == "pga-office@pga.example.org" }
            #expect(digests.count == 2)
            let tables = try #require(digests.first { $0.subject.contains("4 notes missing") })
            #expect(tables.text?.contains("Kim Lee: no e-mail address in the invitation, not reminded") == true)
            #expect(tables.text?.contains("Zoë Ndiaye-Müller <zoe@example.org>: reminded now") == true)
            // The ledger holds each one, with the server's reply.
            let entries = try Self.reminders(in: folder)
            #expect(entries.count == 5)
            #expect(Set(entries.map(\.record.messageID)) == Set(messages.map(\.messageID)))
            #expect(entries.allSatisfy { $0.record.reply.hasPrefix("250 2.0.0 Ok: queued as Q") })
            #expect(entries.first { $0.record.recipient == "ana@example.org" }?.record.stage == 5)
        }
    }

    @Test("a second run the same day sends nothing; the next stage sends again; nothing once the note has arrived")
    func neverTwice() throws {
        try Self.withServer { server, folder, certificate in
            _ = try Self.workspace(in: folder, smtp: server.url)
            #expect(try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate).status == 0)
            let again = try Self.remind(["--today", "2026-04-29T17:00"], in: folder, certificate: certificate)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("nothing to send"), "\(again.stdout)")
            #expect(try server.state().messages.count == 5)
            // Zoë's notes arrive; at the next stage (2 working days before, 4 May) she gets nothing.
            for (session, objectives) in [("round-table-2", "[4, 8]"), ("round-table-3", "[14, 15]")] {
                _ = try folder.write(
                    "\(session).md",
                    "---\nsession: \(session)\ntitle: Summary\nauthor: Zoë Ndiaye-Müller\nrole: rapporteur\nobjectives: \(objectives)\n---\nThe \(session) discussed remittances.\n"
                )
                let submitted = try IMRFProcess.run(["submit", "\(session).md", "--workspace", "ws"], directory: folder.url)
                #expect(submitted.status == 0, "\(submitted.stderr)")
            }
            let later = try Self.remind(["--today", "2026-05-04"], in: folder, certificate: certificate)
            #expect(later.status == 0, "\(later.stderr)")
            let messages = try server.state().messages
            #expect(messages.count == 5 + 4, "\(later.stdout)")  // Ana, Bob and two digests
            #expect(!messages.dropFirst(5).contains { $0.rcptTos.contains("zoe@example.org") })
        }
    }

    @Test("the server down: exit 75, nothing recorded; up again: the next run sends everything")
    func serverDownThenUp() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (certificate, key) = try folder.selfSignedCertificate()
        let port = try SMTPServer.freePort()
        _ = try Self.workspace(in: folder, smtp: "smtp://127.0.0.1:\(port)")
        let down = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
        #expect(down.status == 75, "\(down.stdout) \(down.stderr)")
        #expect(down.stderr.contains("cannot reach the mail server 127.0.0.1:\(port)"), "\(down.stderr)")
        #expect(down.stdout.contains("0 sent; 5 not sent, tried again at the next run"), "\(down.stdout)")
        #expect(try Self.reminders(in: folder).isEmpty)
        let server = try SMTPServer(certificate: certificate, key: key, user: Self.user, password: Self.password, port: port)
        defer { server.stop() }
        let up = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
        #expect(up.status == 0, "\(up.stderr)")
        #expect(try server.state().messages.count == 5)
        #expect(try Self.reminders(in: folder).count == 5)
    }

    @Test("one recipient refused: the others are sent and recorded, exit 75; the refused one is tried again next time")
    func recipientRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (certificate, key) = try folder.selfSignedCertificate()
        let port = try SMTPServer.freePort()
        _ = try Self.workspace(in: folder, smtp: "smtp://127.0.0.1:\(port)")
        do {
            let server = try SMTPServer(
                certificate: certificate, key: key, user: Self.user, password: Self.password, refuse: ["bob@example.org"], port: port)
            defer { server.stop() }
            let result = try Self.remind(["--today", "2026-04-29", "--json"], in: folder, certificate: certificate)
            #expect(result.status == 75, "\(result.stderr)")
            #expect(result.stderr.contains("refused the recipient bob@example.org"), "\(result.stderr)")
            #expect(try server.state().messages.count == 4)
            #expect(try server.state().refused.map { $0.lowercased() }.contains { $0.contains("bob@example.org") })
            let recorded = try Self.reminders(in: folder)
            #expect(recorded.count == 4)
            #expect(!recorded.contains { $0.record.recipient == "bob@example.org" })
            // The digest says so.
            let digest = try Self.parsed(server).first { $0.subject.contains("4 notes missing") }
            #expect(digest?.text?.contains("Bob Stone <bob@example.org>: NOT reminded") == true)
        }
        let server = try SMTPServer(certificate: certificate, key: key, user: Self.user, password: Self.password, port: port)
        defer { server.stop() }
        let retry = try Self.remind(["--today", "2026-04-30"], in: folder, certificate: certificate)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try server.state().messages.map(\.rcptTos) == [["bob@example.org"]])
    }

    @Test("a wrong password: exit 65, nothing sent or recorded, the password in no output")
    func wrongPassword() throws {
        try Self.withServer { server, folder, certificate in
            _ = try Self.workspace(in: folder, smtp: server.url)
            let result = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate, password: "wrong-Zx81")
            #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("refused the SMTP user name or password"), "\(result.stderr)")
            #expect(try server.state().messages.isEmpty)
            #expect(try server.state().authFailures == 1, "the run stopped at the first refusal")
            #expect(try Self.reminders(in: folder).isEmpty)
            #expect(!(result.stdout + result.stderr).contains("wrong-Zx81"))
        }
    }

    @Test("the credentials are in no output: not in stdout, stderr, --json, imrf log, the ledger file")
    func credentialsNeverShown() throws {
        try Self.withServer { server, folder, certificate in
            let workspace = try Self.workspace(in: folder, smtp: server.url)
            let plain = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
            let json = try Self.remind(["--today", "2026-05-04", "--json"], in: folder, certificate: certificate)
            #expect(plain.status == 0 && json.status == 0, "\(plain.stderr) \(json.stderr)")
            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: folder.url)
            // The last day the calendar covers: --today is a what-if, and the reminders were recorded now.
            let status = try IMRFProcess.run(["status", "ws", "--json", "--today", "2030-12-31"], directory: folder.url)
            let ledger = try Data(contentsOf: workspace.appendingPathComponent(".imrf/ledger.sqlite"))
            let base64 = Data("\0\(Self.user)\0\(Self.password)".utf8).base64EncodedString()
            for output in [plain.stdout, plain.stderr, json.stdout, json.stderr, log.stdout, status.stdout, String(decoding: ledger, as: UTF8.self)] {
                #expect(!output.contains(Self.password))
                #expect(!output.contains(base64))
            }
            // status --json shows, per deliverable, the last reminder sent.
            #expect(status.stdout.contains(#""lastReminder":{"at":"#), "\(status.stdout)")
        }
    }

    @Test("a closed workspace sends nothing, and says why; reopened, it sends again")
    func closedWorkspace() throws {
        try Self.withServer { server, folder, certificate in
            _ = try Self.workspace(in: folder, smtp: server.url)
            #expect(try IMRFProcess.run(["mark", "closed", "-w", "ws"], directory: folder.url).status == 0)
            let closed = try Self.remind([], in: folder, certificate: certificate)
            #expect(closed.status == 0, "\(closed.stderr)")
            #expect(closed.stdout.contains("nothing to send: the workspace was closed"), "\(closed.stdout)")
            #expect(try server.state().connections == 0)
            #expect(try IMRFProcess.run(["mark", "reopened", "-w", "ws"], directory: folder.url).status == 0)
            // --today is before the closing anyway: a what-if sees it open.
            let open = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
            #expect(open.status == 0, "\(open.stderr)")
            #expect(try server.state().messages.count == 5)
        }
    }

    @Test("--dry-run prints the messages, sends and records nothing, and needs no credentials")
    func dryRun() throws {
        try Self.withServer { server, folder, _ in
            _ = try Self.workspace(in: folder, smtp: server.url)
            let result = try IMRFProcess.run(
                ["remind", "ws", "--dry-run", "--today", "2026-04-29"], directory: folder.url,
                environment: ["IMRF_SMTP_USER": nil, "IMRF_SMTP_PASSWORD": nil])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Dear Zoë Ndiaye-Müller,"))
            #expect(result.stdout.contains("5 messages would be sent (dry run: nothing sent or recorded)"))
            #expect(try server.state().connections == 0)
            #expect(try Self.reminders(in: folder).isEmpty)
        }
    }

    @Test("smtps:// (TLS from the first byte) works; a server not trusted is exit 65 with the --cacert hint")
    func implicitTLSAndVerification() throws {
        try Self.withServer(implicitTLS: true) { server, folder, certificate in
            _ = try Self.workspace(in: folder, smtp: server.url)
            let untrusted = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: nil)
            #expect(untrusted.status == 65, "\(untrusted.stderr)")
            #expect(untrusted.stderr.contains("could not be verified"), "\(untrusted.stderr)")
            #expect(untrusted.stderr.contains("--cacert"))
            #expect(try server.state().messages.isEmpty)
            let trusted = try Self.remind(["--today", "2026-04-29"], in: folder, certificate: certificate)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            #expect(try server.state().messages.count == 5)
            #expect(try server.state().messages.allSatisfy(\.tls))
        }
    }

    @Test("no reminders: section: exit 65, saying what to add; a bad address in it is named at its line")
    func configurationErrors() throws {
        try withExampleWorkspace(example: false) { folder in
            let missing = try IMRFProcess.run(["remind", "ws", "--today", "2026-04-29"], directory: folder.url)
            #expect(missing.status == 65)
            #expect(missing.stderr.contains("has no 'reminders:' section"), "\(missing.stderr)")
            let forumFile = folder.url.appendingPathComponent("ws/forum.yaml")
            let forum = try String(contentsOf: forumFile, encoding: .utf8)
            try (forum + "reminders:\n  smtp: \"smtp://mail.example.org:587\"\n  from: \"pga office\"\n  office: \"office@example.org\"\n")
                .write(to: forumFile, atomically: true, encoding: .utf8)
            let line = forum.split(separator: "\n", omittingEmptySubsequences: false).count + 2
            let bad = try IMRFProcess.run(["remind", "ws", "--today", "2026-04-29"], directory: folder.url)
            #expect(bad.status == 65)
            #expect(bad.stderr.contains("forum.yaml:\(line):"), "\(bad.stderr)")
            #expect(bad.stderr.contains("'reminders.from' is not an e-mail address: 'pga office'"), "\(bad.stderr)")
        }
    }
}
