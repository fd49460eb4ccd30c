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
            Log.self,
            Status.self,
            Mark.self,
            ICS.self,
            Invite.self,
            Serve.self,
        ]
    )

    /// `imrf status` parses its own arguments (see `Status.pluginMain`) so
    /// that a usage error exits 3, as monitoring expects, not 64.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "status" { await Status.pluginMain(arguments) }
        await main(nil)
    }
}
