import Diagnostics
import Foundation
import IMRFTestSupport
import Storage
import Testing
import Upload

/// Collects trace lines from the uploader (which may call from any thread).
final class TraceLog: Sendable {
    private let storage = Locked<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

private func base64(ofHex hex: String) -> String {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return Data(bytes).base64EncodedString()
}

@Suite("Upload against a real loopback server")
struct UploadTests {
    @Test("a PUT stores the exact bytes, with digest, key and bearer token; the receipt says so")
    func success() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("summary.docx", size: 300_000)
            let receipt = try await Uploader().upload(
                UploadRequest(
                    file: file.path, endpoint: server.url("/ok"), token: try BearerToken("t0k3n")
                ))
            let state = try server.state()
            try #require(state.documents.count == 1)
            let document = state.documents[0]
            #expect(receipt.status == 201)
            #expect(receipt.location == server.url("/documents/1"))
            #expect(receipt.bytes == 300_000)
            #expect(document.bytes == 300_000)
            #expect(receipt.sha256 == document.sha256)
            #expect(document.method == "PUT")
            #expect(document.contentDigest == "sha-256=:\(base64(ofHex: document.sha256)):")
            #expect(document.key == receipt.idempotencyKey)
            #expect(document.authorization == "Bearer t0k3n")
            #expect(receipt.attempts == 1)
            #expect(receipt.seconds > 0)
        }
    }

    @Test("a raw POST and a multipart POST carry the file")
    func post() async throws {
        try await withUploadServer { server, scratch in
            let raw = try scratch.file("raw.bin", size: 10_000, seed: 2)
            let form = try scratch.write("form.txt", "PGA summary, final text\n", mode: 0o644)
            _ = try await Uploader().upload(UploadRequest(file: raw.path, endpoint: server.url("/ok"), method: .post))
            _ = try await Uploader().upload(
                UploadRequest(
                    file: form.path, endpoint: server.url("/ok"), method: .post, formField: "document"
                ))
            let documents = try server.state().documents
            try #require(documents.count == 2)
            #expect(documents[0].method == "POST")
            #expect(documents[0].bytes == 10_000)
            #expect(documents[0].contentType == "application/octet-stream")
            #expect(documents[1].contentType?.hasPrefix("multipart/form-data; boundary=") == true)
            let body = String(decoding: Data(base64Encoded: documents[1].body ?? "") ?? Data(), as: UTF8.self)
            #expect(body.contains("name=\"document\"; filename=\"form.txt\""))
            #expect(body.contains("PGA summary, final text\n"))
        }
    }

    @Test(
        "an upload that fails on the way is retried and stored once",
        arguments: [
            ("two 503s, then success: three attempts and exactly one document", "/flaky503?n=2", 50_000, 3),
            ("the connection dropped halfway through the body, then success with one document", "/drop", 2_000_000, 2),
        ])
    func retried(_ label: String, path: String, size: Int, attempts: Int) async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("summary.pdf", size: size)
            let receipt = try await Uploader().upload(
                UploadRequest(
                    file: file.path, endpoint: server.url(path), initialBackoff: 0.05
                ))
            let state = try server.state()
            #expect(receipt.attempts == attempts)
            #expect(state.requests == [String(path.prefix { $0 != "?" }): attempts])
            #expect(state.documents.count == 1)
            #expect(state.documents.first?.bytes == Int64(size))
            #expect(state.documents.first?.sha256 == receipt.sha256)
        }
    }

    @Test("the same file uploaded twice to the same endpoint is stored once")
    func idempotent() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("summary.pdf", size: 1000)
            let first = try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url("/ok")))
            let second = try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url("/ok")))
            #expect(first.idempotencyKey == second.idempotencyKey)
            #expect(try server.state().documents.count == 1)
            #expect(
                Uploader.idempotencyKey(contentSHA256: first.sha256, endpoint: "https://a.example/x")
                    != Uploader.idempotencyKey(contentSHA256: first.sha256, endpoint: "https://b.example/x"))
        }
    }

    /// An upload the server or the network refuses: the error's code and
    /// kind, and the requests the server saw.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// A path on the test server, or a whole URL elsewhere.
        var endpoint: String
        var retries = 3
        var timeout: Double?
        var code: UploadError.Code
        var kind: FailureKind
        var requests: [String: Int]
    }

    @Test(
        "a refused upload: its code, its kind, the attempts made, nothing stored",
        arguments: [
            Refusal(
                testDescription: "401 is refused after one attempt, as a permission failure",
                endpoint: "/auth401", code: .authenticationRefused, kind: .permission, requests: ["/auth401": 1]),
            Refusal(
                testDescription: "another 4xx is not retried",
                endpoint: "/status?code=404", code: .rejected, kind: .software, requests: ["/status": 1]),
            Refusal(
                testDescription: "a slow server and a timeout: retries, then a temporary failure",
                endpoint: "/slow?delay=600", retries: 1, timeout: 0.5, code: .retriesExhausted, kind: .temporary, requests: ["/slow": 2]),
            Refusal(
                testDescription: "nothing listening: unavailable",
                endpoint: "http://127.0.0.1:1/ok", retries: 1, code: .unreachable, kind: .unavailable, requests: [:]),
        ])
    func refused(_ refusal: Refusal) async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 100)
            let endpoint = refusal.endpoint.hasPrefix("/") ? server.url(refusal.endpoint) : refusal.endpoint
            let error = await #expect(throws: UploadError.self) {
                try await Uploader().upload(
                    UploadRequest(
                        file: file.path, endpoint: endpoint, retries: refusal.retries, timeout: refusal.timeout, initialBackoff: 0.01
                    ))
            }
            #expect(error?.code == refusal.code)
            #expect(error?.kind == refusal.kind)
            #expect(try server.state().requests == refusal.requests)
            #expect(try server.state().documents.isEmpty)
        }
    }

    @Test(
        "bad input: missing file, bad URL, bad header, loose token file",
        arguments: [
            ("missing", "http://127.0.0.1:1/ok", [String](), UploadError.Code.unreadableFile),
            ("file", "ftp://127.0.0.1/x", [], .badURL),
            ("file", "not a url", [], .badURL),
            ("file", "http://user:pw@127.0.0.1:1/x", [], .credentialsInURL),
            ("file", "http://127.0.0.1:1/x", ["no colon"], .badHeader),
        ])
    func badInput(file: String, endpoint: String, headers: [String], code: UploadError.Code) async throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        _ = try scratch.file("file", size: 10)
        let error = await #expect(throws: UploadError.self) {
            try await Uploader().upload(
                UploadRequest(
                    file: scratch.url.appendingPathComponent(file).path, endpoint: endpoint, headers: headers
                ))
        }
        #expect(error?.code == code)
        #expect(error?.kind == .badInput)
    }

    @Test("a token file readable by others is refused; mode 600 is read and trimmed")
    func tokenFile() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let loose = try scratch.write("loose", "s3cret\n", mode: 0o644)
        let tight = try scratch.write("tight", "s3cret\n", mode: 0o600)
        let error = #expect(throws: UploadError.self) { try BearerToken.read(fromFile: loose.path) }
        #expect(error?.code == .badTokenFile)
        #expect(error?.kind == .badInput)
        #expect(error.map { "\($0.diagnostics)".contains("s3cret") } == false)
        #expect(try BearerToken.read(fromFile: tight.path) == BearerToken("s3cret"))
        #expect(throws: UploadError.self) { try BearerToken.read(fromFile: scratch.url.appendingPathComponent("none").path) }
        #expect("\(try BearerToken("s3cret"))" == "<redacted>")
    }

    @Test("the trace shows the exchange but never the token")
    func traceRedactsToken() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let log = TraceLog()
            _ = try await Uploader().upload(
                UploadRequest(
                    file: file.path, endpoint: server.url("/flaky503?n=1"), token: try BearerToken("TOKEN-abc123"),
                    initialBackoff: 0.01, trace: { log.append($0) }
                ))
            let lines = log.lines
            #expect(lines.contains("> Authorization: <redacted>"))
            #expect(lines.contains { $0.hasPrefix("> PUT /flaky503") })
            #expect(!lines.joined(separator: "\n").contains("abc123"))
        }
    }

    @Test("HTTPS with a self-signed certificate: refused by default, accepted with the CA file")
    func selfSigned() async throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let tls = try scratch.selfSignedCertificate()
        let server = try UploadServer(tls: tls)
        defer { server.stop() }
        let file = try scratch.file("a.bin", size: 5000)
        let error = await #expect(throws: UploadError.self) {
            try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url("/ok"), initialBackoff: 0.01))
        }
        #expect(error?.code == .tls)
        #expect(error?.kind == .unavailable)
        let receipt = try await Uploader().upload(
            UploadRequest(
                file: file.path, endpoint: server.url("/ok"), caCertificateFile: tls.certificate.path
            ))
        #expect(receipt.status == 201)
        #expect(try server.state().documents.count == 1)
    }
}
