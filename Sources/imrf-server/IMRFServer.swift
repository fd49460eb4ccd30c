import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import WebIntake

/// The web intake's server (`imrf serve` execs it): the router of
/// `WebIntake` behind a socket, one log line per request on stderr, and a
/// clean stop on SIGTERM or SIGINT (swift-service-lifecycle, through
/// Hummingbird's `runService`).
@main
struct IMRFServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imrf-server",
        abstract: "The web intake of an imrf workspace (run it as 'imrf serve').")

    @Option(name: [.customShort("w"), .customLong("workspace")], help: "The workspace folder.")
    var workspace: String = "."

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Option(name: .customLong("base-url"), help: "The address people reach the service at (default: http://LISTEN).")
    var baseURL: String?

    @Option(name: .customLong("rate-limit"), help: "Checks and submissions per person per minute.")
    var rateLimit: Int = IntakeConfiguration.defaultRateLimit

    @Option(name: .customLong("tls-cert"), help: "A PEM certificate chain: serve HTTPS itself (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    func validate() throws {
        guard Self.hostAndPort(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, such as 127.0.0.1:8080") }
        guard rateLimit > 0 else { throw ValidationError("--rate-limit must be at least 1") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: the certificate chain and its private key, both PEM files")
        }
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https", url.host != nil, url.query == nil else {
                throw ValidationError("--base-url must be an http or https address, such as https://imrf.example.org")
            }
        }
    }

    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        let (host, port) = Self.hostAndPort(listen)!
        guard FileManager.default.fileExists(atPath: (workspace as NSString).appendingPathComponent("forum.yaml")) else {
            FileHandle.standardError.write(Data("error: \(workspace) is not an imrf workspace (no forum.yaml)\n".utf8))
            throw ExitCode(78)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "imrf-server")
        let server: HTTPServerBuilder
        if let tlsCertificate, let tlsKey {
            server = try Self.tls(certificate: tlsCertificate, key: tlsKey)
        } else {
            server = .http1()
        }
        let scheme = tlsCertificate == nil ? "http" : "https"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let base = baseURL ?? "\(scheme)://\(shownHost):\(port)"
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let intake = Intake(
            configuration: IntakeConfiguration(
                workspace: workspace, baseURL: base, rateLimit: rateLimit,
                templates: IntakeConfiguration.defaultTemplates(executable: executable)))
        let router = IntakeRouter.router(intake, logger: logger)
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "imrf"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = baseURL ?? "\(scheme)://\(shownHost):\(bound)"
                FileHandle.standardOutput.write(Data("listening on \(shown)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }

    /// HTTPS with the PEM certificate chain and key: a file that does not
    /// read is a configuration error (exit 78) naming it, before listening.
    static func tls(certificate: String, key: String) throws -> HTTPServerBuilder {
        func refuse(_ message: String, _ hint: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(message)\n  hint: \(hint)\n".utf8))
            return ExitCode(78)
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw refuse("cannot read the certificate \(certificate): \(error)", "--tls-cert takes a PEM file (-----BEGIN CERTIFICATE-----)")
        }
        guard !chain.isEmpty else {
            throw refuse("\(certificate) holds no certificate", "--tls-cert takes a PEM file (-----BEGIN CERTIFICATE-----)")
        }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw refuse("cannot read the private key \(key): \(error)", "--tls-key takes a PEM file, readable by the server's account only")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        do {
            return try .tls(.http1(), tlsConfiguration: configuration)
        } catch {
            throw refuse("the certificate and key cannot be used together: \(error)", "check that --tls-key is the key of --tls-cert")
        }
    }
}
