import ArgumentParser

/// The `imrf` command. Subcommands live one a file as extensions of this type.
///
/// Every command names itself (`commandName:`): otherwise argument-parser
/// derives each name with `String(describing:)`, runtime lookups that cost
/// every run of `imrf status` (cron) milliseconds.
@main
struct IMRF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imrf",
        abstract: "Deadlines and the PGA summary of the International Migration Review Forum.",
        discussion: """
            Exit codes (sysexits.h): 0 success; 64 the command was called wrongly; 65 bad input (a date, a note, \
            a forum file); 69 a service is unavailable; 70 an internal error in imrf; 73 an output cannot be \
            created; 75 a temporary failure (trying again may work); 77 permission or authentication refused; \
            78 a configuration problem. 'imrf status' uses the monitoring-plugin codes instead: 0 OK, \
            1 WARNING, 2 CRITICAL, 3 UNKNOWN.
            """,
        version: "0.1.0",
        subcommands: [
            Deadline.self,
            CalendarCommand.self,
            Demo.self,
            Init.self,
            Check.self,
            Compile.self,
            Upload.self,
            Submit.self,
            ImportNote.self,
            Log.self,
            Status.self,
            Mark.self,
            ICS.self,
            Invite.self,
            Remind.self,
            Serve.self,
        ]
    )

    /// `imrf status` parses its own arguments (see `Status.pluginMain`) so
    /// that a usage error exits 3, as monitoring expects, not 64. A
    /// mistyped command is named with the commands near it; every error
    /// is printed in imrf's one style, `error: ...` (argument-parser's own
    /// say `Error:`).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "status" { await Status.pluginMain(arguments) }
        if let problem = CommandGuide.problem(arguments) {
            Reporting.printToStandardError(problem)
            finish(ExitCode(64))
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Exits as argument-parser's `exit(withError:)` does (help and
    /// `--version` on stdout with 0), with its `Error:` written `error:`.
    static func finish(_ error: (any Error)?) -> Never {
        guard let error else { exit() }
        let code = exitCode(for: error)
        var message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
        } else if !message.isEmpty {
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
            Reporting.printToStandardError(message)
        }
        exit(withError: code == .success ? nil : ExitCode(code.rawValue))
    }
}
