import ArgumentParser

/// The `imrf` command. Subcommands live one a file as extensions of this type.
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
        ]
    )
}
