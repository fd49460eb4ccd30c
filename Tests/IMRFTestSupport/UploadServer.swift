public import Foundation

/// The fixture document endpoint (`Tests/UploadTests/Fixtures/upload_server.py`),
/// run as a real process on 127.0.0.1 for one test and stopped when the test
/// ends. In the shared test-support target so that the Upload unit tests and
/// the end-to-end tests of `imrf upload` share one copy.
public final class UploadServer: @unchecked Sendable {
    public struct Document: Decodable, Sendable {
        public var id: Int
        public var key: String
        public var sha256: String
        public var bytes: Int64
        public var method: String
        /// The URL path the document was sent to.
        public var path: String?
        public var authorization: String?
        public var contentDigest: String?
        public var contentType: String?
        public var body: String?
    }

    public struct State: Decodable, Sendable {
        public var documents: [Document]
        public var requests: [String: Int]
    }

    static var script: URL { repositoryRoot.appendingPathComponent("Tests/UploadTests/Fixtures/upload_server.py") }

    private let folder: TemporaryFolder
    public let port: Int
    public let scheme: String
    private let process: Process
    private let input = Pipe()

    /// Starts the server; `tls` is a certificate and key (PEM) for HTTPS.
    public init(tls: (certificate: URL, key: URL)? = nil) throws {
        folder = try TemporaryFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", Self.script.path, "--state", folder.url.appendingPathComponent("state.json").path]
        if let tls { arguments += ["--cert", tls.certificate.path, "--key", tls.key.path] }
        process.arguments = arguments
        scheme = tls == nil ? "http" : "https"
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input  // the server exits when this closes
        try process.run()
        // The first line of stdout is the port; EOF first means the server died.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the upload server did not start"])
        }
        self.port = port
    }

    public func url(_ pathAndQuery: String) -> String { "\(scheme)://127.0.0.1:\(port)\(pathAndQuery)" }

    /// What the server has stored and seen; written before each response is sent.
    public func state() throws -> State {
        try JSONDecoder().decode(State.self, from: Data(contentsOf: folder.url.appendingPathComponent("state.json")))
    }

    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? input.fileHandleForWriting.close()
        folder.remove()
    }

    deinit { stop() }
}

/// Files for the upload tests.
extension TemporaryFolder {
    /// A file of `size` pseudo-random bytes, the same for the same `seed`.
    public func file(_ name: String, size: Int, seed: UInt64 = 1) throws -> URL {
        var random = SeededRandom(seed: seed)
        var bytes = [UInt8](repeating: 0, count: size)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: random.next()) }
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// A self-signed certificate for 127.0.0.1 made with the `openssl` command.
    public func selfSignedCertificate() throws -> (certificate: URL, key: URL) {
        let certificate = url.appendingPathComponent("cert.pem")
        let key = url.appendingPathComponent("key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", key.path, "-out", certificate.path,
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl req failed"])
        }
        return (certificate, key)
    }
}

/// Runs `body` with a loopback document endpoint and a temporary folder,
/// both gone afterwards.
public func withUploadServer<Value>(_ body: (UploadServer, TemporaryFolder) async throws -> Value) async throws -> Value {
    let server = try UploadServer()
    let scratch = try TemporaryFolder()
    defer {
        server.stop()
        scratch.remove()
    }
    return try await body(server, scratch)
}
