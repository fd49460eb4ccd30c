import Foundation
import IMRFTestSupport
import Testing

/// `imrf invite` and `imrf serve` through the built binaries: the link
/// printed once, the list without tokens, a revoked link refused by the
/// running server, and a clean stop on SIGTERM.
@Suite("imrf invite and serve")
struct InviteAndServeCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func inviteListAndRevoke() throws {
        try withExampleWorkspace { folder in
            let created = try IMRFProcess.run(
                [
                    "invite", "-w", "ws", "--name", "Jane Doe", "--session", "round-table-2", "--email", "jane@example.org", "--json",
                    "--base-url", "https://imrf.example.org/",
                ],
                directory: folder.url)
            #expect(created.status == 0, "\(created.stderr)")
            let invitation = try Self.json(created.stdout)
            #expect(invitation.keys.sorted() == ["email", "expires", "id", "name", "role", "sessions", "url"])
            let url = try #require(invitation["url"] as? String)
            #expect(url.hasPrefix("https://imrf.example.org/i/"))
            let token = String(url.dropFirst("https://imrf.example.org/i/".count))
            #expect(token.count == 43)
            #expect(invitation["expires"] is NSNull)
            #expect(invitation["sessions"] as? [String] == ["round-table-2"])

            let text = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "Ali Hassan", "--session", "plenary", "--expires", "2099-01-01"], directory: folder.url)
            #expect(text.status == 0)
            #expect(text.stdout.contains("http://127.0.0.1:8080/i/"), "the default base URL")
            #expect(text.stderr.contains("shown once"))

            let list = try IMRFProcess.run(["invite", "-w", "ws", "--list"], directory: folder.url)
            #expect(list.status == 0)
            #expect(list.stdout.contains("Jane Doe"))
            #expect(list.stdout.contains("Ali Hassan"))
            #expect(!list.stdout.contains(token))
            let listJSON = try IMRFProcess.run(["invite", "-w", "ws", "--list", "--json"], directory: folder.url)
            #expect(!listJSON.stdout.contains(token))
            #expect((try Self.json(listJSON.stdout)["invitations"] as? [Any])?.count == 2)

            let id = try #require(invitation["id"] as? String)
            let revoked = try IMRFProcess.run(["invite", "-w", "ws", "--revoke", id], directory: folder.url)
            #expect(revoked.status == 0)
            #expect(revoked.stdout.contains("revoked"))
            let again = try IMRFProcess.run(["invite", "-w", "ws", "--list"], directory: folder.url)
            #expect(again.stdout.contains("\(id)  revoked"))

            let log = try IMRFProcess.run(["log", "ws"], directory: folder.url)
            #expect(log.status == 0)
            #expect(log.stdout.contains("invitation  \(id): Jane Doe (rapporteur) for round-table-2"))
            #expect(log.stdout.contains("revocation  \(id) revoked"))
            #expect(!log.stdout.contains(token))
            let logJSON = try IMRFProcess.run(["log", "ws", "--json"], directory: folder.url)
            #expect(!logJSON.stdout.contains(token))
        }
    }

    @Test func badInvitationsExit65OrUsage() throws {
        try withExampleWorkspace { folder in
            let unknown = try IMRFProcess.run(["invite", "-w", "ws", "--name", "A", "--session", "round-table-9"], directory: folder.url)
            #expect(unknown.status == 65)
            #expect(unknown.stderr.contains("unknown session 'round-table-9'"))
            let noSession = try IMRFProcess.run(["invite", "-w", "ws", "--name", "A"], directory: folder.url)
            #expect(noSession.status == 65)
            let both = try IMRFProcess.run(["invite", "-w", "ws", "--list", "--revoke", "x"], directory: folder.url)
            #expect(both.status == 64)
            let badRole = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "A", "--session", "hearing", "--role", "admin"], directory: folder.url)
            #expect(badRole.status == 64)
            let badDate = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "A", "--session", "hearing", "--expires", "soon"], directory: folder.url)
            #expect(badDate.status == 65)
            let past = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "A", "--session", "hearing", "--expires", "2020-01-01"], directory: folder.url)
            #expect(past.status == 65)
        }
    }

    /// Starts `imrf serve` on a free port, waits for its `listening on`
    /// line, runs `body` with the URL, then stops it with SIGTERM and
    /// returns its exit status and stderr.
    static func serving(
        _ folder: URL, arguments: [String] = [], scheme: String = "http", _ body: (String) throws -> Void
    ) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = IMRFProcess.binary
        process.arguments = ["serve", "ws", "--listen", "127.0.0.1:0"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self)
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        #expect(first.hasPrefix("listening on \(scheme)://127.0.0.1:"), "\(first)")
        let url = first.dropFirst("listening on ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        try body(url)
        kill(process.processIdentifier, SIGTERM)
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let result = try IMRFProcess.run(
            ["curl", "-s", "-o", "-", "-w", "\n%{http_code}"] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test func serveAnswersAndStopsOnSIGTERM() throws {
        try withExampleWorkspace { folder in
            let created = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "Jane Doe", "--session", "round-table-2", "--json"], directory: folder.url)
            let url = try #require(try Self.json(created.stdout)["url"] as? String)
            let token = String(url.split(separator: "/").last!)
            let note = "---\nsession: round-table-2\ntitle: RT2\nauthor: Jane Doe\nobjectives: [4, 8]\n---\nDelegates spoke of documents.\n"
            let (status, stderr) = try Self.serving(folder.url) { base in
                let me = try Self.curl(["-H", "Authorization: Bearer \(token)", base + "/api/me"])
                #expect(me.status == 200)
                #expect(me.body.contains("\"name\":\"Jane Doe\""))
                let stored = try Self.curl(
                    ["-H", "Authorization: Bearer \(token)", "-H", "Content-Type: text/markdown", "--data-binary", note, base + "/api/notes"])
                #expect(stored.status == 201, "\(stored.body)")
                let signIn = try Self.curl(["-D", "-", base + "/i/\(token)?utm=x"])
                #expect(signIn.status == 303)
                #expect(signIn.body.lowercased().contains("set-cookie: imrf_session="))
                let nobody = try Self.curl([base + "/api/notes"])
                #expect(nobody.status == 401)
            }
            #expect(status == 0, "\(stderr)")
            #expect(stderr.contains("GET /api/me 200"))
            #expect(stderr.contains("POST /api/notes 201"))
            #expect(stderr.contains("GET /i/<token> 303"))
            #expect(!stderr.contains(token), "no token in the log")
            #expect(!stderr.contains("Delegates"), "no note content in the log")
            #expect(!stderr.contains("utm"), "no query in the log")
            // What the web stored is what imrf submit would have: the same file, recorded.
            let log = try IMRFProcess.run(["log", "ws"], directory: folder.url)
            #expect(log.stdout.contains("submission  round-table-2 by Jane Doe: notes/round-table-2--jane-doe.md"))
            #expect(log.stdout.contains("sign-in"))
        }
    }

    @Test func serveWithoutTheServerBinarySaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let copy = folder.url.appendingPathComponent("imrf")
        try FileManager.default.copyItem(at: IMRFProcess.binary, to: copy)
        try IMRFProcess.initWorkspace(in: folder.url)
        let result = try IMRFProcess.run(["serve", "ws"], executable: copy, directory: folder.url)
        #expect(result.status == 69)
        #expect(result.stderr.contains("imrf-server is missing"))
    }

    /// A self-signed certificate for 127.0.0.1 made by the openssl command.
    static func makeCertificate(in folder: URL) throws -> (certificate: String, key: String) {
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let made = try IMRFProcess.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
            ],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(made.status == 0, "\(made.stderr)")
        return (certificate, key)
    }

    @Test func serveWithItsOwnTLS() throws {
        try withExampleWorkspace { folder in
            let created = try IMRFProcess.run(
                ["invite", "-w", "ws", "--name", "Jane Doe", "--session", "round-table-2", "--json"], directory: folder.url)
            let url = try #require(try Self.json(created.stdout)["url"] as? String)
            let token = String(url.split(separator: "/").last!)
            let (certificate, key) = try Self.makeCertificate(in: folder.url)
            let (status, stderr) = try Self.serving(folder.url, arguments: ["--tls-cert", certificate, "--tls-key", key], scheme: "https") { base in
                #expect(base.hasPrefix("https://"))
                let me = try Self.curl(["--cacert", certificate, "-H", "Authorization: Bearer \(token)", base + "/api/me"])
                #expect(me.status == 200, "\(me.body)")
                #expect(me.body.contains("\"name\":\"Jane Doe\""))
                // The certificate is checked: without the CA, curl refuses it.
                let unverified = try Self.curl(["-H", "Authorization: Bearer \(token)", base + "/api/me"])
                #expect(unverified.status == 0)
                // The sign-in cookie is Secure over TLS.
                let signIn = try Self.curl(["--cacert", certificate, "-D", "-", base + "/i/\(token)"])
                #expect(signIn.status == 303)
                #expect(signIn.body.lowercased().contains("; secure"))
                // Plain HTTP on the TLS port is not served.
                let plain = try Self.curl([base.replacingOccurrences(of: "https://", with: "http://") + "/api/me"])
                #expect(plain.status != 200)
            }
            #expect(status == 0, "\(stderr)")
        }
    }

    @Test func serveRefusesTLSFilesThatDoNotRead() throws {
        try withExampleWorkspace { folder in
            let (certificate, key) = try Self.makeCertificate(in: folder.url)
            let onlyOne = try IMRFProcess.run(["serve", "ws", "--tls-cert", certificate], directory: folder.url)
            #expect(onlyOne.status == 64)
            #expect(onlyOne.stderr.contains("--tls-cert and --tls-key go together"))
            let missing = try IMRFProcess.run(
                ["serve", "ws", "--listen", "127.0.0.1:0", "--tls-cert", "nowhere.pem", "--tls-key", key], directory: folder.url)
            #expect(missing.status == 78)
            #expect(missing.stderr.contains("cannot read the certificate nowhere.pem"))
            let swapped = try IMRFProcess.run(
                ["serve", "ws", "--listen", "127.0.0.1:0", "--tls-cert", key, "--tls-key", certificate], directory: folder.url)
            #expect(swapped.status == 78)
            let keyLines = try String(contentsOfFile: key, encoding: .utf8).split(separator: "\n")
            #expect(keyLines.count > 2)
            for line in keyLines where !line.hasPrefix("-----") {
                #expect(!swapped.stderr.contains(line), "no key material in a message")
            }
        }
    }
}
