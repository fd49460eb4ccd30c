import Foundation
import IMRFTestSupport
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
    func success() async throws {
        try await withUploadServer { server, scratch in
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
    }

    @Test("the token from IMRF_TOKEN or --token-file is sent but never printed, even with --verbose")
    func tokenNeverPrinted() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let tokenFile = try scratch.write("token", "FILE-TOKEN-9f8e7d\n", mode: 0o600)
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
    }

    /// libcurl and the thirty libraries it needs cost every command 4 ms at
    /// start: imrf opens it only when it uploads.
    @Test("libcurl is loaded by an upload, not by the other commands")
    func libcurlLoadedOnlyToUpload() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            // glibc's loader names each library it opens on stderr with LD_DEBUG=libs.
            let deadline = try IMRFProcess.run(["deadline", "2026-05-20"], environment: ["LD_DEBUG": "libs"])
            #expect(deadline.status == 0, "\(deadline.stderr)")
            #expect(deadline.stderr.contains("libc.so.6"), "LD_DEBUG=libs printed nothing: \(deadline.stderr)")
            #expect(!deadline.stderr.contains("libcurl"))
            let upload = try IMRFProcess.run(["upload", file.path, "--endpoint", server.url("/ok")], environment: ["LD_DEBUG": "libs"])
            #expect(upload.status == 0, "\(upload.stderr)")
            #expect(upload.stderr.contains("libcurl.so.4"))
        }
    }

    @Test("without libcurl an upload fails with exit 69 and says how to install it; nothing is sent")
    func libcurlMissing() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let missing = scratch.url.appendingPathComponent("no-libcurl.so.4").path
            let result = try IMRFProcess.run(["upload", file.path, "--endpoint", server.url("/ok")], environment: ["IMRF_LIBCURL": missing])
            #expect(result.status == 69)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("error: libcurl, which uploading needs, cannot be loaded: \(missing)"), "\(result.stderr)")
            #expect(result.stderr.contains("apt-get install libcurl4"))
            #expect(try server.state().requests.isEmpty)
        }
    }

    /// One refused `imrf upload` per row: its arguments, where `$file` is a
    /// file to send, `$server/...` a path on the test server, `$folder/...` a
    /// path in the test's folder and `$loose` a token file others may read;
    /// its exit status; the requests the server saw.
    @Test(
        "exit codes: 77 refused, 75 timed out, 69 unreachable, 65 bad input, 64 usage",
        arguments: [
            (["$file", "--endpoint", "$server/auth401"], 77, ["/auth401": 1]),
            (["$file", "--endpoint", "$server/slow?delay=600", "--timeout", "0.5", "--retries", "1"], 75, ["/slow": 2]),
            (["$file", "--endpoint", "http://127.0.0.1:1/ok", "--retries", "0"], 69, [:]),
            (["$folder/missing.pdf", "--endpoint", "$server/ok"], 65, [:]),
            (["$file", "--endpoint", "not a url"], 65, [:]),
            (["$file", "--endpoint", "$server/ok", "--token-file", "$loose"], 65, [:]),
            (["$file", "--endpoint", "$server/ok", "--method", "DELETE"], 64, [:]),
        ] as [([String], Int32, [String: Int])])
    func exitCode(arguments: [String], status: Int32, requests: [String: Int]) async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("a.bin", size: 1000)
            let loose = try scratch.write("loose-token", "secret\n", mode: 0o644)
            let arguments = arguments.map { argument in
                if argument == "$file" { return file.path }
                if argument == "$loose" { return loose.path }
                if argument.hasPrefix("$server/") { return server.url(String(argument.dropFirst("$server".count))) }
                if argument.hasPrefix("$folder/") { return scratch.url.path + argument.dropFirst("$folder".count) }
                return argument
            }
            let result = try IMRFProcess.run(["upload"] + arguments, environment: ["IMRF_TOKEN": nil])
            #expect(result.status == status, "imrf upload \(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.lowercased().contains("error:"))
            #expect(try server.state().requests == requests)
            #expect(try server.state().documents.isEmpty)
        }
    }
}

@Suite("imrf compile --upload, and the progress bar")
struct CompileUploadTests {
    /// Runs `body` with an upload server and the path of an example workspace.
    func withServerAndWorkspace(_ body: (UploadServer, String) throws -> Void) throws {
        let server = try UploadServer()
        defer { server.stop() }
        try withExampleWorkspace { temporary in try body(server, temporary.url.appendingPathComponent("ws").path) }
    }

    @Test("compile --upload URL/ sends every output under its own name, after writing it")
    func compileAndUploadEachOutput() throws {
        try withServerAndWorkspace { server, workspace in
            let result = try IMRFProcess.run(
                ["compile", workspace, "--format", "md,docx", "--upload", server.url("/folder/")],
                environment: ["IMRF_TOKEN": nil]
            )
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines.prefix(2).allSatisfy { $0.hasPrefix("wrote ") })
            #expect(lines.suffix(2).allSatisfy { $0.hasPrefix("uploaded ") && $0.contains("HTTP 201") })
            let documents = try server.state().documents
            #expect(documents.compactMap(\.path).sorted() == ["/folder/summary.docx", "/folder/summary.md"])
            let markdown = try Data(contentsOf: URL(fileURLWithPath: workspace + "/build/summary.md"))
            #expect(documents.first { $0.path == "/folder/summary.md" }?.bytes == Int64(markdown.count))
            // The compile and both uploads are in the workspace's ledger.
            let log = try IMRFProcess.run(["log", workspace, "--json"])
            struct Entry: Decodable { var kind: String }
            let kinds = try JSONDecoder().decode([Entry].self, from: Data(log.stdout.utf8)).map(\.kind)
            // Then the deadlines the compile found (their first record).
            #expect(kinds == ["compile", "upload", "upload", "deadlines"], "\(log.stdout)")
        }
    }

    @Test("a URL not ending in / takes exactly one output: usage error before anything is compiled")
    func oneURLNeedsOneFormat() throws {
        try withServerAndWorkspace { server, workspace in
            let refused = try IMRFProcess.run(["compile", workspace, "--format", "md,html", "--upload", server.url("/ok")])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("give one --format"))
            #expect(!FileManager.default.fileExists(atPath: workspace + "/build"))
            let single = try IMRFProcess.run(["compile", workspace, "--format", "docx", "--upload", server.url("/ok")])
            #expect(single.status == 0, "\(single.stderr)")
            #expect(try server.state().documents.count == 1)
        }
    }

    @Test("an upload that fails after compiling keeps the outputs and exits with the upload's code")
    func uploadFailureKeepsOutputs() throws {
        try withServerAndWorkspace { server, workspace in
            let result = try IMRFProcess.run(["compile", workspace, "--format", "html", "--upload", server.url("/auth401")])
            #expect(result.status == 77)
            #expect(result.stdout.contains("wrote "))
            #expect(result.stderr.contains("refused the credentials"))
            #expect(FileManager.default.fileExists(atPath: workspace + "/build/summary.html"))
        }
    }

    @Test("a progress bar on a terminal, none on a pipe")
    func progressOnlyOnATerminal() async throws {
        try await withUploadServer { server, scratch in
            let file = try scratch.file("big.bin", size: 8 << 20)
            // script(1) gives imrf a pseudo-terminal for stdin, stdout and stderr.
            let command = [IMRFProcess.binary.path, "upload", file.path, "--endpoint", server.url("/slow?delay=0.3")]
                .map { "'" + $0 + "'" }.joined(separator: " ")
            let terminal = try IMRFProcess.run(["-qefc", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
            #expect(terminal.status == 0, "\(terminal.stdout)")
            #expect(terminal.stdout.contains("\r["))
            #expect(terminal.stdout.contains("/ 8.0 MiB"))
            #expect(terminal.stdout.contains("\r\u{1B}[K"))  // the bar is cleared before the receipt
            #expect(terminal.stdout.contains("uploaded "))
            let piped = try IMRFProcess.run(["upload", file.path, "--endpoint", server.url("/ok")])
            #expect(piped.status == 0)
            #expect(piped.stderr.isEmpty)
            #expect(!piped.stdout.contains("\r"))
        }
    }
}
