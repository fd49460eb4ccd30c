import ArgumentParser
import Forum
import ForumWorkspace
import Storage

extension IMRF {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new workspace: forum.yaml and a notes folder."
        )

        @Argument(help: "The folder to create; it must not exist or be empty.")
        var directory: String

        @Option(help: "The forum edition: 2022 or 2026.")
        var edition: String

        @Flag(help: "Also write a complete set of sample notes.")
        var example = false

        @Flag(help: "Print one JSON object (the folder, the edition, the files written) instead of the line.")
        var json = false

        func validate() throws {
            guard Edition(rawValue: edition) != nil else {
                throw ValidationError("unknown edition '\(edition)'; known: " + Edition.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() async throws {
            let edition = Edition(rawValue: edition)!
            let files = try await Reporting.run { try WorkspaceCreator.create(at: directory, edition: edition, example: example) }
            if json {
                print(try JSONOutput.string(Created(workspace: directory, edition: edition.rawValue, files: files)))
                return
            }
            Reporting.printLine("created \(directory) (\(edition.forum.title)): \(files.joined(separator: ", "))")
        }

        /// `imrf init --json`.
        private struct Created: Encodable {
            var workspace: String
            var edition: String
            var files: [String]
        }
    }
}
