import ArgumentParser
import Diagnostics
import Foundation
import SummaryCompiler

extension IMRF {
    struct Compile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile",
            abstract: "Compile the PGA summary from the workspace's notes."
        )

        @Argument(help: "The workspace folder (default: the current folder).")
        var workspace: String = "."

        @Option(help: "Comma-separated output formats: md, html.")
        var format: String = "md,html"

        @Option(help: "Where to write the outputs (default: WORKSPACE/build).")
        var out: String?

        @Flag(help: "Compile even when a session has no note.")
        var draft = false

        @Option(help: "A folder of Mustache templates (default: the Templates folder shipped with imrf).")
        var templates: String?

        func validate() throws {
            _ = try formats()
        }

        func formats() throws -> [Summary.Format] {
            try format.split(separator: ",").map {
                let name = $0.trimmingCharacters(in: .whitespaces)
                guard let format = Summary.Format(rawValue: name) else {
                    throw ValidationError("unknown format '\(name)'; known: md, html")
                }
                return format
            }
        }

        func run() async throws {
            let formats = try formats()
            let written = try await Reporting.run {
                let loaded = try Workspace.load(workspace, draft: draft)
                for diagnostic in loaded.diagnostics { Reporting.printToStandardError(diagnostic) }
                if loaded.errorCount > 0 {
                    Reporting.printToStandardError(Workspace.summaryLine(loaded.diagnostics) + "; nothing written")
                    throw ExitCode(Reporting.exitCode(for: .badInput))
                }
                let summary = try Summary(loaded)
                let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
                let directory = Summary.templatesDirectory(explicit: templates, executable: executable)
                let outputs = try await summary.render(formats: formats, templates: directory)
                return try Summary.write(outputs, to: out ?? (workspace == "." ? "build" : workspace + "/build"))
            }
            for path in written { print("wrote \(path)") }
        }
    }
}
