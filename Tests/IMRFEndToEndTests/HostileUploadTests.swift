import Foundation
import IMRFTestSupport
import Testing

/// `imrf upload` given what is not a document, or credentials in places
/// that get printed: refused at once, or redacted everywhere it speaks.
@Suite("imrf upload: hostile inputs and credentials")
struct HostileUploadTests {
    let cap = IMRFProcess.ResourceCap(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 20)

    @Test func aDeviceOrAFIFOIsRefusedAtOnce() throws {
        let server = try UploadServer()
        let temporary = try TemporaryFolder()
        defer {
            server.stop()
            temporary.remove()
        }
        let fifo = temporary.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for file in ["/dev/zero", fifo] {
            let result = try IMRFProcess.run(["upload", file, "--endpoint", server.url("/ok")], cap: cap)
            #expect(result.status == 65, "\(file): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(file): not a regular file"), "\(result.stderr)")
        }
        #expect(try server.state().documents.isEmpty)
    }

    @Test func credentialsInHeadersCookiesAndQueriesAreNeverPrintedOrRecorded() throws {
        let server = try UploadServer()
        defer { server.stop() }
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("ws/summary.md", "# Summary\n")
            let endpoint = server.url("/echo?token=QUERY-s3cr3t")
            let upload = try IMRFProcess.run(
                ["upload", "ws/summary.md", "--endpoint", endpoint, "--verbose", "--header", "X-Api-Key: APIKEY-s3cr3t"],
                directory: temporary.url, environment: ["IMRF_TOKEN": "TOKEN-s3cr3t"])
            #expect(upload.status == 0, "\(upload.stderr)")
            #expect(upload.stderr.contains("> X-Api-Key: <redacted>"))
            #expect(upload.stderr.contains("< Set-Cookie: <redacted>"))
            #expect(upload.stdout.contains("/documents/1?X-Amz-Signature=<redacted>: HTTP 201"), "\(upload.stdout)")
            let failed = try IMRFProcess.run(
                ["upload", "ws/summary.md", "--endpoint", server.url("/status?code=404&token=QUERY-s3cr3t"), "--json"],
                directory: temporary.url)
            #expect(failed.status == 70)
            #expect(failed.stderr.contains("/status?code=<redacted>&token=<redacted> rejected the upload (HTTP 404)"), "\(failed.stderr)")
            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let ledger = try Data(contentsOf: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite"))
            for output in [upload.stdout, upload.stderr, failed.stdout, failed.stderr, log.stdout, String(decoding: ledger, as: UTF8.self)] {
                #expect(!output.contains("s3cr3t"), "\(output)")
            }
        }
    }
}
