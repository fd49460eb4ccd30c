import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import Upload

/// Credentials never leave through the trace, an error or a receipt: the
/// token, custom header values, cookies, and whatever a URL carries in its
/// user part or query string.
@Suite("Upload redaction and what may be uploaded")
struct UploadRedactionTests {
    @Test("the trace hides custom header values, cookies, echoed secrets and query values")
    func traceRedactsEverySecret() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let log = TraceLog()
            let receipt = try await Uploader().upload(
                UploadRequest(
                    file: file.path, endpoint: server.url("/echo?token=QUERY-s3cr3t&page=2"),
                    headers: ["X-Api-Key: APIKEY-s3cr3t", "X-Collection: PGA"], token: try BearerToken("TOKEN-s3cr3t"),
                    trace: { log.append($0) }
                ))
            let trace = log.lines.joined(separator: "\n")
            #expect(!trace.contains("s3cr3t"), "\(trace)")
            #expect(log.lines.contains("> X-Api-Key: <redacted>"))
            #expect(log.lines.contains("> X-Collection: <redacted>"))
            #expect(log.lines.contains { $0.hasPrefix("> PUT /echo?token=<redacted>&page=<redacted> HTTP/1.1") }, "\(trace)")
            #expect(log.lines.contains("< Set-Cookie: <redacted>"))
            #expect(log.lines.contains("< X-Echo-Authorization: <redacted>"))
            #expect(log.lines.contains("< X-Echo-Api-Key: <redacted>"))
            #expect(log.lines.contains { $0.hasPrefix("> Content-Digest: sha-256=:") })
            #expect(log.lines.contains { $0.hasPrefix("< HTTP/1.1 201") })
            #expect(receipt.location == server.url("/documents/1?X-Amz-Signature=<redacted>"))
            #expect(try server.state().documents.first?.authorization == "Bearer TOKEN-s3cr3t")
        }
    }

    @Test("a receipt's location without a Location header is the endpoint, query values redacted")
    func receiptRedactsTheEndpointQuery() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 10)
            let receipt = try await Uploader().upload(
                UploadRequest(
                    file: file.path, endpoint: server.url("/status?code=201&signature=SIG-s3cr3t")))
            #expect(receipt.status == 201)
            #expect(receipt.location == server.url("/status?code=<redacted>&signature=<redacted>"))
        }
    }

    @Test(
        "errors name the endpoint without its query values or password",
        arguments: [
            "/status?code=404&token=s3cr3t",
            "/auth401?token=s3cr3t",
            "/flaky503?n=9&token=s3cr3t",
        ])
    func errorsRedactTheQuery(path: String) async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 10)
            let error = await #expect(throws: UploadError.self) {
                try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url(path), retries: 0))
            }
            let text = error.map { "\($0.diagnostics)" } ?? ""
            #expect(!text.contains("s3cr3t"), "\(text)")
            #expect(text.contains("token=<redacted>"), "\(text)")
        }
    }

    @Test(
        "bad and unreachable endpoints are named without their credentials",
        arguments: [
            ("http://127.0.0.1:1/x?token=s3cr3t", UploadError.Code.unreachable),
            ("http://user:s3cr3t@127.0.0.1:1/x", .credentialsInURL),
            ("not a url?token=s3cr3t", .badURL),
            ("ftp://user:s3cr3t@host/x", .badURL),
            ("http://us er:s3cr3t@host/x", .credentialsInURL),
        ])
    func badEndpointsRedacted(endpoint: String, code: UploadError.Code) async throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let file = try scratch.file("a.bin", size: 10)
        let error = await #expect(throws: UploadError.self) {
            try await Uploader().upload(UploadRequest(file: file.path, endpoint: endpoint, retries: 0))
        }
        #expect(error?.code == code)
        let text = error.map { "\($0.diagnostics)" } ?? ""
        #expect(!text.contains("s3cr3t"), "\(text)")
    }

    @Test(
        "a bearer token goes over plain http only to this machine; elsewhere https is required, before anything is sent",
        arguments: [
            ("http://documents.example.org/upload", true), ("HTTP://10.0.0.7/x", true), ("http://127.0.0.2.example.org/x", true),
            ("http://127.0.0.1:1/x", false), ("http://localhost:1/x", false), ("http://[::1]:1/x", false), ("https://127.0.0.1:1/x", false),
        ])
    func tokenOnlyOverTLSElsewhere(endpoint: String, refused: Bool) async throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let file = try scratch.file("a.bin", size: 10)
        let request = UploadRequest(file: file.path, endpoint: endpoint, token: try BearerToken("s3cr3t-token"), retries: 0)
        let error = await #expect(throws: UploadError.self) { try await Uploader().upload(request) }
        if refused {
            #expect(error?.code == .tokenOverPlainHTTP, "\(endpoint)")
            #expect(error?.hint?.contains("https://") == true)
            #expect(error?.kind == .badInput)
        } else {
            #expect(error?.code != .tokenOverPlainHTTP, "\(endpoint): refused only for lack of a server")
        }
        #expect(!"\(error.map { $0.diagnostics } ?? [])".contains("s3cr3t-token"))
    }

    @Test("https:// to a port that speaks plain HTTP is a TLS failure at once, not retried; a reply that is not HTTP is a bad reply")
    func wrongProtocol() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 10)
            let https = server.url("/ok").replacingOccurrences(of: "http://", with: "https://")
            let tls = await #expect(throws: UploadError.self) {
                try await Uploader().upload(UploadRequest(file: file.path, endpoint: https, retries: 3, initialBackoff: 5))
            }
            #expect(tls?.code == .tls, "\(String(describing: tls))")
            #expect(tls?.kind == .unavailable)
            #expect(tls?.hint?.contains("http:// rather than https://") == true)
            let garbage = await #expect(throws: UploadError.self) {
                try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url("/garbage"), retries: 3, initialBackoff: 5))
            }
            #expect(garbage?.code == .badReply, "\(String(describing: garbage))")
            #expect(garbage?.message.hasPrefix("the server's reply is not HTTP") == true)
            #expect(try server.state().requests["/garbage"] == 1, "not retried")
        }
    }

    @Test("a token is hidden however short; other short values are left alone")
    func shortSecrets() throws {
        let redactor = TraceRedactor(token: try BearerToken("abc"), headers: ["X-Page: 2"], endpoint: "https://h/p?n=7")
        #expect(redactor.redact("Re-using abc", direction: "*") == "Re-using <redacted>")
        #expect(redactor.redact("X-Echo: Bearer abc", direction: "<") == "X-Echo: <redacted>")
        #expect(redactor.redact("Content-Length: 27", direction: "<") == "Content-Length: 27")
    }

    @Test("URLs are redacted: user part and every query value, the rest kept")
    func urlRedaction() {
        #expect(Redaction.url("https://h.example/a/b?x=1&sig=abc#frag") == "https://h.example/a/b?x=<redacted>&sig=<redacted>#<redacted>")
        #expect(Redaction.url("https://me:pw@h.example:8443/p") == "https://<redacted>@h.example:8443/p")
        #expect(Redaction.url("https://h.example/p?flag") == "https://h.example/p?<redacted>")
        #expect(Redaction.url("https://h.example/p") == "https://h.example/p")
        #expect(!Redaction.url("not a url ?token=s3cr3t").contains("s3cr3t"))
        #expect(!Redaction.url("//me:s3cr3t@h/p").contains("s3cr3t"))
    }

    // A hang (the bug) fails at the time limit; the refusal itself is instant.
    @Test(
        "a FIFO, a device or a folder is refused at once, and nothing is sent", .timeLimit(.minutes(1)), arguments: ["fifo", "/dev/zero", "folder"])
    func onlyRegularFiles(name: String) async throws {
        try await withUploadServer { (server, scratch) async throws -> Void in
            var path = name
            if name == "fifo" {
                path = scratch.url.appendingPathComponent("fifo").path
                #expect(mkfifo(path, 0o600) == 0)
            } else if name == "folder" {
                path = scratch.url.path
            }
            let error = await #expect(throws: UploadError.self) {
                try await Uploader().upload(UploadRequest(file: path, endpoint: server.url("/ok"), retries: 0))
            }
            #expect(error?.code == .unreadableFile)
            let diagnostics = error?.diagnostics ?? []
            #expect("\(diagnostics)".contains("not a regular file"), "\(String(describing: error))")
            #expect(try server.state().documents.isEmpty)
        }
    }
}
