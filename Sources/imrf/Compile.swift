import ArgumentParser
import Diagnostics
import Foundation
import Ledger
import SummaryCompiler
import Upload

extension IMRF {
    struct Compile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compile",
            abstract: "Compile the PGA summary from the workspace's notes.",
            discussion: """
                With --upload URL the outputs are then uploaded as `imrf upload` would: \
                a URL ending in / receives each output under its file name (URL/summary.docx); \
                any other URL takes exactly one output, so give one --format.
                """
        )

        @Argument(help: "The workspace folder (default: the current folder).")
        var workspace: String = "."

        @Option(help: "Comma-separated output formats: md, html, docx.")
        var format: String = "md,html"

        @Option(help: "Where to write the outputs (default: WORKSPACE/build).")
        var out: String?

        @Flag(help: "Compile even when a session has no note.")
        var draft = false

        @Option(help: "A folder of Mustache templates (default: the Templates folder shipped with imrf).")
        var templates: String?

        @Option(help: "After compiling, upload the outputs to this http(s) URL; one ending in / receives each output under its file name.")
        var upload: String?

        @OptionGroup(title: "Upload options (with --upload)")
        var uploadOptions: UploadOptions

        func validate() throws {
            let formats = try formats()
            if let upload, !upload.hasSuffix("/"), Set(formats).count != 1 {
                throw ValidationError(
                    "--upload \(upload) takes one file, but --format asks for \(formats.count): give one --format, or end the URL with / to upload each output under its file name"
                )
            }
        }

        func formats() throws -> [Summary.Format] {
            try format.split(separator: ",").map {
                let name = $0.trimmingCharacters(in: .whitespaces)
                guard let format = Summary.Format(rawValue: name) else {
                    throw ValidationError("unknown format '\(name)'; known: md, html, docx")
                }
                return format
            }
        }

        func run() async throws {
            let formats = try formats()
            let ledger = Summary.openLedgerAhead(workspace: workspace)
            // The ledger is not left half-opened by a process that exits.
            let written: [WrittenOutput]
            do {
                written = try await compile(formats)
            } catch {
                _ = await ledger?.result
                throw error
            }
            for output in written { Reporting.printLine("wrote \(output.path)") }
            await recordInLedger(written, opening: ledger)
            guard let upload else { return }
            try await Reporting.run {
                for path in written.map(\.path) {
                    let name = (path as NSString).lastPathComponent
                    let endpoint = upload.hasSuffix("/") ? upload + Self.percentEncoded(name) : upload
                    let receipt = try await Uploader().upload(uploadOptions.request(file: path, endpoint: endpoint))
                    Reporting.printLine(receipt.summaryLine(file: path))
                    UploadRecording.record(receipt, file: path, endpoint: endpoint, workspace: workspace)
                }
            }
        }

        /// Loads, checks and compiles the workspace; the outputs written.
        private func compile(_ formats: [Summary.Format]) async throws -> [WrittenOutput] {
            try await Reporting.run {
                let loaded = try Workspace.load(workspace, draft: draft)
                KeptUntilExit.keep(loaded)
                for diagnostic in loaded.diagnostics { Reporting.printToStandardError(diagnostic) }
                if loaded.errorCount > 0 {
                    Reporting.printToStandardError(Workspace.summaryLine(loaded.diagnostics) + "; nothing written")
                    throw ExitCode(Reporting.exitCode(for: .badInput))
                }
                let summary = try Summary(loaded)
                let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
                let directory = Summary.templatesDirectory(explicit: templates, executable: executable)
                return try await summary.compile(
                    formats: formats, templates: directory, into: out ?? (workspace == "." ? "build" : workspace + "/build")
                )
            }
        }

        /// A file name as one URL path segment.
        static func percentEncoded(_ name: String) -> String {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove("/")
            return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
        }

        /// The summary is what matters: when the ledger cannot be written the
        /// compile still succeeds, and says on stderr that it was not recorded.
        private func recordInLedger(_ written: [WrittenOutput], opening: Task<Ledger, any Error>?) async {
            do {
                try await Summary.recordCompile(outputs: written, workspace: workspace, draft: draft, opening: opening)
            } catch {
                let problems = (error as? any DiagnosticError)?.diagnostics ?? [.error(String(describing: error))]
                for problem in problems {
                    Reporting.printToStandardError(Diagnostic.warning(
                        "the summary was written but not recorded in the ledger: " + problem.message,
                        at: problem.location, hint: problem.hint
                    ))
                }
            }
        }
    }
}
