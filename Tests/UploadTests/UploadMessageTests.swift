import Diagnostics
import Foundation
import IMRFTestSupport
import Testing
import Upload

/// Upload's messages say what is wrong in words any program can show: no
/// command-line option or environment variable of imrf's (the executable
/// adds those by the diagnostic's code), and every diagnostic carries the
/// code of its error.
@Suite("Upload messages")
struct UploadMessageTests {
    static func expectNoCommandLine(_ error: UploadError?, _ code: UploadError.Code) {
        #expect(error?.code == code)
        for diagnostic in error?.diagnostics ?? [] {
            #expect(diagnostic.code == .upload(code))
            let text = diagnostic.description
            #expect(!text.contains("--"), "\(text)")
            #expect(!text.contains("IMRF_TOKEN"), "\(text)")
        }
    }

    @Test(
        "refused requests",
        arguments: [
            (
                UploadRequest(file: "a.bin", endpoint: "http://127.0.0.1:1/x", method: .put, formField: "document"),
                UploadError.Code.formFieldWithoutPOST
            ),
            (UploadRequest(file: "a.bin", endpoint: "http://user:pw@127.0.0.1:1/x"), .credentialsInURL),
            (UploadRequest(file: "a.bin", endpoint: "http://127.0.0.1:1/x", headers: ["no colon"]), .badHeader),
            (UploadRequest(file: "a.bin", endpoint: "http://127.0.0.1:1/x", headers: ["X Key: 1"]), .badHeaderName),
            (UploadRequest(file: "a.bin", endpoint: "http://127.0.0.1:1/x", headers: ["Authorization: Basic eDp5"]), .credentialsInHeader),
            (UploadRequest(file: "a.bin", endpoint: "ftp://127.0.0.1/x"), .badURL),
        ])
    func refused(request: UploadRequest, code: UploadError.Code) async {
        let error = await #expect(throws: UploadError.self) { try await Uploader().upload(request) }
        Self.expectNoCommandLine(error, code)
    }

    @Test("refused credentials and an unverified certificate")
    func refusedByTheServer() async throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let file = try scratch.file("a.bin", size: 100)
        let server = try UploadServer()
        defer { server.stop() }
        let refused = await #expect(throws: UploadError.self) {
            try await Uploader().upload(UploadRequest(file: file.path, endpoint: server.url("/auth401")))
        }
        Self.expectNoCommandLine(refused, .authenticationRefused)
        let tlsServer = try UploadServer(tls: try scratch.selfSignedCertificate())
        defer { tlsServer.stop() }
        let unverified = await #expect(throws: UploadError.self) {
            try await Uploader().upload(UploadRequest(file: file.path, endpoint: tlsServer.url("/ok"), retries: 0))
        }
        Self.expectNoCommandLine(unverified, .tls)
    }
}
