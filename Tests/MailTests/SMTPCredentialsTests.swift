import Foundation
import IMRFTestSupport
import Testing

@testable import Mail

@Suite("Mail: SMTP credentials, from the environment or an owner-only file, never printed")
struct SMTPCredentialsTests {
    @Test("the password prints as <redacted> however it is shown")
    func redacted() throws {
        let credentials = try SMTPCredentials(user: "mailer", password: "s3cret-pw")
        for text in ["\(credentials)", String(describing: credentials), String(reflecting: credentials)] {
            #expect(!text.contains("s3cret-pw"))
        }
    }

    @Test("both environment variables, or neither; one alone is an error naming the other")
    func environment() throws {
        #expect(try SMTPCredentials.fromEnvironment([:]) == nil)
        #expect(try SMTPCredentials.fromEnvironment(["IMRF_SMTP_USER": "u", "IMRF_SMTP_PASSWORD": "p"])?.user == "u")
        #expect(throws: MailError.self) { try SMTPCredentials.fromEnvironment(["IMRF_SMTP_USER": "u"]) }
        do {
            _ = try SMTPCredentials.fromEnvironment(["IMRF_SMTP_PASSWORD": "p"])
            Issue.record("accepted a password without a user")
        } catch {
            #expect(error.message.contains("IMRF_SMTP_USER is not"))
        }
    }

    @Test("a file: user and password lines, comments allowed; refused when others may read it or a line is wrong")
    func file() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try folder.write("smtp", "# the office's relay\nuser: mailer@un.org\npassword: a b:c\n", mode: 0o600)
        let credentials = try SMTPCredentials.read(fromFile: good.path)
        #expect(credentials.user == "mailer@un.org")
        #expect(credentials.password == "a b:c")
        func message(_ url: URL) -> String {
            do {
                _ = try SMTPCredentials.read(fromFile: url.path)
                return "accepted"
            } catch {
                return error.message
            }
        }
        #expect(message(try folder.write("open", "user: u\npassword: p\n", mode: 0o644)).contains("readable by others"))
        #expect(message(try folder.write("bad", "user: u\npasswd: p\n", mode: 0o600)).contains("line 2: unknown key 'passwd'"))
        #expect(message(try folder.write("half", "user: u\n", mode: 0o600)).contains("needs a user: line and a password: line"))
        #expect(message(folder.url.appendingPathComponent("none")).contains("cannot read"))
    }

    @Test("STARTTLS is required except for a server on this machine")
    func loopback() {
        for url in ["smtp://127.0.0.1:25", "smtp://localhost", "smtp://[::1]:587", "smtp://127.8.9.10"] {
            #expect(SMTPTransport(url: url, credentials: nil).isLoopback, "\(url)")
        }
        for url in ["smtp://mail.un.org:587", "smtp://128.0.0.1", "smtp://localhost.example.org", "smtp://127.0.0.1.example.org"] {
            #expect(!SMTPTransport(url: url, credentials: nil).isLoopback, "\(url)")
        }
    }
}
