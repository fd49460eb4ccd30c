import ArgumentParser
import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IMRF {
    /// `imrf serve`: replaces itself with the `imrf-server` binary beside
    /// it (execv), so that signals reach the server directly and the CLI
    /// itself never links Hummingbird: `imrf status` from cron starts as fast
    /// as before.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Run the web intake for the workspace: rapporteurs sign in with their link and submit their notes.",
            discussion: """
                Runs imrf-server, installed beside imrf. It prints 'listening on URL' when ready, logs one \
                line per request on stderr, and stops on SIGTERM or SIGINT. Invitations: 'imrf invite'.
                """
        )

        @OptionGroup var location: WorkspaceArguments

        @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1:8080).", valueName: "host:port"))
        var listen: String?

        @Option(name: .customLong("base-url"), help: "The service's address as people reach it (for links and the Origin check).")
        var baseURL: String?

        @Option(name: .customLong("rate-limit"), help: "Checks and submissions per person per minute (default 30).")
        var rateLimit: Int?

        @Option(name: .customLong("tls-cert"), help: "A PEM certificate chain: serve HTTPS itself (with --tls-key).")
        var tlsCertificate: String?

        @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.")
        var tlsKey: String?

        /// The server binary's name, beside imrf.
        static let serverName = "imrf-server"

        func run() async throws {
            let workspace = try location.resolved()
            var arguments = [Self.serverName, "--workspace", workspace]
            if let listen { arguments += ["--listen", listen] }
            if let baseURL { arguments += ["--base-url", baseURL] }
            if let rateLimit { arguments += ["--rate-limit", String(rateLimit)] }
            if let tlsCertificate { arguments += ["--tls-cert", tlsCertificate] }
            if let tlsKey { arguments += ["--tls-key", tlsKey] }
            let server = Self.serverPath()
            guard FileManager.default.isExecutableFile(atPath: server) else {
                Reporting.printToStandardError(
                    Diagnostic.error(
                        "the web service is not installed: \(server) is missing",
                        hint: "build it with 'swift build --product imrf-server' (or 'make build'), next to imrf"))
                throw ExitCode(69)
            }
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            execv(server, argv)
            let reason = String(cString: strerror(errno))
            Reporting.printToStandardError(Diagnostic.error("cannot start \(server): \(reason)"))
            throw ExitCode(69)
        }

        /// `imrf-server` in the folder of the running imrf (links resolved).
        static func serverPath() -> String {
            let me =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
            return URL(fileURLWithPath: me).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(serverName).path
        }
    }
}
