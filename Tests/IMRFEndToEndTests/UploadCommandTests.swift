import Foundation
import Testing

@Suite("imrf upload, end to end")
struct UploadCommandTests {
    struct Receipt: Decodable {
        var status: Int
        var location: String
        var bytes: Int64
        var sha256: String
        var attempts: Int
        var seconds: Double
        var idempotencyKey: String
    }

    @Test("--json prints one receipt object and exits 0; the server has the document")
    func success() throws {
        let server = try UploadServer(), scratch = try Scratch()
        defer { server.stop(); scratch.remove() }
        let file = try scratch.file("summary.docx", size: 100_000)
        let result = try IMRFProcess.run(["upload", file.path, "--endpoint", server.url("/ok"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let receipt = try JSONDecoder().decode(Receipt.self, from: Data(result.stdout.utf8))
        #expect(receipt.status == 201)
        #expect(receipt.bytes == 100_000)
        #expect(receipt.location == server.url("/documents/1"))
        #expect(try server.state().documents.map(\.sha256) == [receipt.sha256])
        #expect(result.stderr.isEmpty)
    }

    @Test("the token from IMRF_TOKEN or --token-file is sent but never printed, even with --verbose")
    func tokenNeverPrinted() throws {
        let server = try UploadServer(), scratch = try Scratch()
        defer { server.stop(); scratch.remove() }
        let file = try scratch.file("a.bin", size: 1000)
        let tokenFile = try scratch.text("token", "FILE-TOKEN-9f8e7d\n", mode: 0o600)
        let fromEnvironment = try IMRFProcess.run(
            ["upload", file.path, "--endpoint", server.url("/flaky503?n=1"), "--verbose"],
            environment: ["IMRF_TOKEN": "ENV-TOKEN-1a2b3c"]
        )
        let fromFile = try IMRFProcess.run(
            ["upload", file.path, "--endpoint", server.url("/auth401"), "--verbose", "--token-file", tokenFile.path],
            environment: ["IMRF_TOKEN": nil]
        )
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(fromFile.status == 77)
        #expect(fromEnvironment.stderr.contains("Authorization: <redacted>"))
        #expect(fromFile.stderr.contains("Authorization: <redacted>"))
        for output in [fromEnvironment.stdout, fromEnvironment.stderr, fromFile.stdout, fromFile.stderr] {
            #expect(!output.contains("1a2b3c"))
            #expect(!output.contains("9f8e7d"))
        }
        #expect(try server.state().documents.first?.authorization == "Bearer ENV-TOKEN-1a2b3c")
    }

    @Test("exit codes: 77 refused, 75 timed out, 69 unreachable, 65 bad input")
    func exitCodes() throws {
        let server = try UploadServer(), scratch = try Scratch()
        defer { server.stop(); scratch.remove() }
        let file = try scratch.file("a.bin", size: 1000)
        let loose = try scratch.text("loose-token", "secret\n", mode: 0o644)
        let cases: [(arguments: [String], status: Int32)] = [
            ([file.path, "--endpoint", server.url("/auth401")], 77),
            ([file.path, "--endpoint", server.url("/slow?delay=30"), "--timeout", "0.5", "--retries", "1"], 75),
            ([file.path, "--endpoint", "http://127.0.0.1:1/ok", "--retries", "0"], 69),
            ([scratch.directory.appendingPathComponent("missing.pdf").path, "--endpoint", server.url("/ok")], 65),
            ([file.path, "--endpoint", "not a url"], 65),
            ([file.path, "--endpoint", server.url("/ok"), "--token-file", loose.path], 65),
            ([file.path, "--endpoint", server.url("/ok"), "--method", "DELETE"], 64),
        ]
        for (arguments, status) in cases {
            let result = try IMRFProcess.run(["upload"] + arguments, environment: ["IMRF_TOKEN": nil])
            #expect(result.status == status, "imrf upload \(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.lowercased().contains("error:"))
        }
        #expect(try server.state().requests["/auth401"] == 1)
        #expect(try server.state().documents.isEmpty)
    }
}
