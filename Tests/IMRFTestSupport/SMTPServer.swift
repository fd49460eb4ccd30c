public import Foundation

#if canImport(Glibc)
import Glibc
#endif

// The system's calls under names no member here shadows.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
#if canImport(Glibc)
private func openStreamSocket() -> Int32 { socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }
#else
private func openStreamSocket() -> Int32 { socket(AF_INET, SOCK_STREAM, 0) }
#endif

/// The fixture SMTP server (`Tests/Mail/smtp_server.py`, aiosmtpd under Debian's
/// `/usr/bin/python3`), run as a real process on 127.0.0.1 for one test and
/// stopped when the test ends, for the end-to-end tests of `imrf remind`.
public final class SMTPServer: @unchecked Sendable {
    /// A message the server accepted (answered `250 2.0.0 Ok: queued as <queueID>`).
    public struct Message: Decodable, Sendable {
        public var mailFrom: String
        public var rcptTos: [String]
        /// The message exactly as received (CRLF line ends, dot-unstuffed), decoded as UTF-8.
        public var data: String
        public var authUser: String?
        /// Whether the connection was encrypted, by STARTTLS or from the first byte.
        public var tls: Bool
        public var queueID: String
    }

    public struct State: Decodable, Sendable {
        public var messages: [Message]
        /// The recipients answered 550, as the client wrote them.
        public var refused: [String]
        public var authFailures: Int
        public var connections: Int
    }

    static var script: URL { repositoryRoot.appendingPathComponent("Tests/Mail/smtp_server.py") }

    private let folder: TemporaryFolder
    public let port: Int
    /// `smtps` for implicit TLS, else `smtp`.
    public let scheme: String
    private let process: Process
    private let input = Pipe()

    /// Starts the server. It offers STARTTLS and requires it before AUTH and MAIL;
    /// `implicitTLS` speaks TLS from the first byte instead (smtps://), and
    /// `tls: false` offers no TLS at all. AUTH as `user`/`password` (passed in the
    /// environment, not argv) is required in every mode; RCPT TO an address in
    /// `refuse` is answered 550. `port` 0 is any free port.
    public init(
        certificate: URL, key: URL, user: String, password: String, refuse: [String] = [], port: Int = 0, implicitTLS: Bool = false,
        tls: Bool = true
    ) throws {
        precondition(tls || !implicitTLS, "implicit TLS needs TLS")
        folder = try TemporaryFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")  // the one with python3-aiosmtpd
        var arguments = [
            Self.script.path, "--state", folder.url.appendingPathComponent("state.json").path,
            "--cert", certificate.path, "--key", key.path, "--port", String(port),
        ]
        if implicitTLS { arguments.append("--smtps") }
        if !tls { arguments.append("--no-tls") }
        for address in refuse { arguments += ["--refuse", address] }
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["IMRF_TEST_SMTP_USER"] = user
        environment["IMRF_TEST_SMTP_PASSWORD"] = password
        process.environment = environment
        scheme = implicitTLS ? "smtps" : "smtp"
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
        guard let listening = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the SMTP server did not start"])
        }
        self.port = listening
    }

    /// `smtp://127.0.0.1:PORT` or `smtps://127.0.0.1:PORT`.
    public var url: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The JSON file `state()` reads, for a script that parses the messages itself.
    public var stateFile: URL { folder.url.appendingPathComponent("state.json") }

    /// What the server has accepted and refused; written before each reply is sent.
    public func state() throws -> State {
        try JSONDecoder().decode(State.self, from: Data(contentsOf: stateFile))
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

    /// A port on 127.0.0.1 that was free a moment ago (bound as port 0, read,
    /// closed): for a test where nothing listens first and a server comes up there later.
    public static func freePort() throws -> Int {
        let descriptor = openStreamSocket()
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "socket: \(String(cString: strerror(errno)))"])
        }
        defer { closeDescriptor(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "bind: \(String(cString: strerror(errno)))"])
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "getsockname: \(String(cString: strerror(errno)))"])
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
