import Foundation
import IMRFTestSupport
import Testing

/// `imrf upload` of a file inside a workspace records the receipt in the
/// workspace's ledger, without credentials.
@Suite("imrf upload and the ledger")
struct UploadLedgerTests {
    @Test func anUploadFromAWorkspaceIsRecordedWithoutCredentials() throws {
        let server = try UploadServer()
        defer { server.stop() }
        try withExampleWorkspace(example: false) { temporary in
            try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("ws/build"), withIntermediateDirectories: true)
            _ = try temporary.write("ws/build/summary.html", "<p>The summary.</p>\n")
            let endpoint = server.url("/ok?signature=SIGNED-7f3a9c")
            let upload = try IMRFProcess.run(["upload", "ws/build/summary.html", "--endpoint", endpoint, "--json"], directory: temporary.url)
            #expect(upload.status == 0, "\(upload.stderr)")
            #expect(upload.stderr == "")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(upload.stdout.utf8)) as? [String: Any])

            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
            #expect(entries.map { $0["kind"] as? String } == ["upload"])
            let record = try #require(entries.first?["record"] as? [String: Any])
            #expect(record["file"] as? String == "build/summary.html")
            #expect(record["endpoint"] as? String == server.url("/ok"))
            #expect(record["location"] as? String == receipt["location"] as? String)
            #expect(record["httpStatus"] as? Int == receipt["status"] as? Int)
            #expect(record["sha256"] as? String == receipt["sha256"] as? String)
            #expect(record["bytes"] as? Int == 20)
            #expect(record["attempts"] as? Int == 1)
            let ledger = try Data(contentsOf: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite"))
            #expect(ledger.range(of: Data("SIGNED-7f3a9c".utf8)) == nil)
        }
    }

    @Test func anUploadOutsideAnyWorkspaceRecordsNothing() throws {
        let server = try UploadServer()
        let temporary = try TemporaryFolder()
        defer {
            server.stop()
            temporary.remove()
        }
        _ = try temporary.write("loose.txt", "text\n")
        let upload = try IMRFProcess.run(["upload", "loose.txt", "--endpoint", server.url("/ok")], directory: temporary.url)
        #expect(upload.status == 0, "\(upload.stderr)")
        #expect(upload.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["loose.txt"])
    }

    @Test func aWorkspaceOptionThatIsNotAWorkspaceIsRefusedBeforeSending() throws {
        let server = try UploadServer()
        let temporary = try TemporaryFolder()
        defer {
            server.stop()
            temporary.remove()
        }
        _ = try temporary.write("loose.txt", "text\n")
        let upload = try IMRFProcess.run(
            ["upload", "loose.txt", "--endpoint", server.url("/ok"), "--workspace", "nowhere"], directory: temporary.url
        )
        #expect(upload.status == 64)
        #expect(upload.stderr.contains("--workspace nowhere is not a workspace: it has no forum.yaml"))
        #expect(try server.state().documents.isEmpty)
    }
}
