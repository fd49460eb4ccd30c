import ArgumentParser
import Diagnostics
import ForumWorkspace
import Foundation
import Storage
import Upload

extension IMRF {
    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upload",
            abstract: "Upload a document to the office's document endpoint.",
            discussion: """
                The token comes from --token-file (refused if its group or others can read it) \
                or the IMRF_TOKEN environment variable, and is sent as a bearer token; it is never printed. \
                Exit codes: 0 uploaded, 65 bad input, 69 endpoint unreachable, 75 retryable failure \
                after the last try, 77 credentials refused.
                """
        )

        @Argument(help: "The file to upload.")
        var file: String

        @Option(help: "The http(s) URL of the document endpoint.")
        var endpoint: String

        @OptionGroup
        var options: UploadOptions

        @Flag(help: "Print the receipt as one JSON object.")
        var json = false

        @Option(
            name: [.customShort("w"), .customLong("workspace")],
            help: ArgumentHelp(
                "The workspace whose ledger records the upload (default: $IMRF_WORKSPACE, else the workspace the file is in, if any).",
                valueName: "dir"
            )
        )
        var workspace: String?

        func validate() throws {
            try validateWorkspace()
        }

        func run() async throws {
            try await Reporting.run { try await perform() }
        }

        private func perform() async throws {
            let publication = try await Publication.upload(options.request(file: file, endpoint: endpoint), workspace: ledgerWorkspace)
            if json {
                print(try JSONOutput.string(publication.receipt))
            } else {
                Reporting.printLine(publication.receipt.summaryLine(file: file))
            }
            for warning in publication.warnings { Reporting.printToStandardError(warning) }
        }
    }
}
