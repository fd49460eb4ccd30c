import ArgumentParser
import Diagnostics
import ForumWorkspace
import Foundation
import Ledger
import Storage
import SummaryCompiler
import Tracker
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

                pdf is the Word document converted by LibreOffice (soffice on PATH, or \
                IMRF_SOFFICE): a tagged PDF (PDF/UA). Without LibreOffice the other formats \
                are still written, and imrf exits 69.
                """
        )

        @OptionGroup var location: WorkspaceArguments

        @Option(help: "Comma-separated output formats: md, html, docx, pdf.")
        var format: String = "md,html"

        @Option(help: "Where to write the outputs (default: WORKSPACE/build).")
        var out: String?

        @Flag(help: "Compile even when a session has no note.")
        var draft = false

        @Option(help: "A folder of Mustache templates (default: the Templates folder shipped with imrf).")
        var templates: String?

        @Option(
            name: .customLong("reference-docx"),
            help: "A Word document whose styles, page size and margins the .docx and PDF take (default: forum.yaml's document.referenceDocx).")
        var referenceDocx: String?

        @Option(
            name: .customLong("changes-since"),
            help: ArgumentHelp(
                "Also write summary.changes.docx: the summary with the changes since build N (a compile's entry number in `imrf log`), or since the previous final build, as Word tracked changes.",
                valueName: "N|previous"))
        var changesSince: String?

        @Option(help: "After compiling, upload the outputs to this http(s) URL; one ending in / receives each output under its file name.")
        var upload: String?

        @OptionGroup(title: "Upload options (with --upload)")
        var uploadOptions: UploadOptions

        @Flag(help: "Print one JSON object (the outputs with their SHA-256, the ledger entry, the uploads) instead of the lines.")
        var json = false

        func validate() throws {
            let formats = try formats()
            let outputs = Set(formats).count + (changesSince == nil ? 0 : 1)
            if let upload, !upload.hasSuffix("/"), outputs != 1 {
                throw ValidationError(
                    "--upload \(upload) takes one file, but --format asks for \(outputs): give one --format, or end the URL with / to upload each output under its file name"
                )
            }
            if let changesSince, EarlierBuild.Choice(changesSince) == nil {
                throw ValidationError(
                    "--changes-since takes a build's number, as `imrf log --kind compile` shows it, or 'previous'; not '\(changesSince)'")
            }
        }

        func formats() throws -> [Summary.Format] {
            try format.split(separator: ",").map {
                let name = $0.trimmingCharacters(in: .whitespaces)
                guard let format = Summary.Format(rawValue: name), format != .changes else {
                    throw ValidationError("unknown format '\(name)'; known: md, html, docx, pdf")
                }
                return format
            }
        }

        func run() async throws {
            let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
            let templates = Summary.templatesDirectory(explicit: templates, executable: executable)
            // Credentials read before anything is compiled: a token file that
            // is refused stops the command before it has done half its work.
            let request = try await Reporting.run { try upload.map { try uploadOptions.request(file: "", endpoint: $0) } }
            let formats = try formats()
            let workspace = try location.resolved()
            let compilation: Compilation
            do {
                compilation = try await Compilation.run(
                    workspace: workspace, formats: formats, draft: draft, templates: templates, into: out, upload: request,
                    referenceDocx: referenceDocx, changesSince: changesSince.flatMap(EarlierBuild.Choice.init)
                )
            } catch {
                switch error {
                case .notesHaveErrors(let diagnostics):
                    for diagnostic in diagnostics { Reporting.printToStandardError(diagnostic) }
                    Reporting.printToStandardError(Diagnostic.summaryLine(diagnostics) + "; nothing written")
                    throw ExitCode(Reporting.exitCode(for: .badInput))
                case .failed(let failure):
                    try await Reporting.run { throw failure }
                case .uploadFailed(let failure, let partial):
                    report(partial)
                    try await Reporting.run { throw failure }
                case .pdfUnavailable(let failure, let partial):
                    if partial.ledgerEntry != nil { Tracker.recordDeadlinesAfterCompile(workspace: workspace) }
                    report(partial)
                    try await Reporting.run { throw failure }
                }
                return
            }
            if compilation.ledgerEntry != nil { Tracker.recordDeadlinesAfterCompile(workspace: workspace) }
            report(compilation)
        }

        /// Prints what the compile did, in the order it happened; with
        /// --json the warnings stay on stderr and stdout has one object.
        private func report(_ compilation: Compilation) {
            KeptUntilExit.keep(compilation.workspace)
            for diagnostic in compilation.workspace.diagnostics { Reporting.printToStandardError(diagnostic) }
            if !json { for output in compilation.outputs { Reporting.printLine("wrote \(output.path)") } }
            for warning in compilation.recordingWarnings { Reporting.printToStandardError(warning) }
            for publication in compilation.publications {
                if !json { Reporting.printLine(publication.receipt.summaryLine(file: publication.file)) }
                for warning in publication.warnings { Reporting.printToStandardError(warning) }
            }
            if json { print((try? JSONOutput.string(CompileReport(compilation))) ?? "{}") }
        }

        /// `imrf compile --json`.
        private struct CompileReport: Encodable {
            struct Output: Encodable {
                var format: String
                var path: String
                var sha256: String
            }
            struct Upload: Encodable {
                var file: String
                var receipt: UploadReceipt
                var ledgerEntry: Int64?
            }
            var outputs: [Output]
            var ledgerEntry: Int64?
            var draft: Bool
            var warnings: [Diagnostic]
            var uploads: [Upload]

            init(_ compilation: Compilation) {
                outputs = compilation.outputs.map { Output(format: $0.format.rawValue, path: $0.path, sha256: $0.sha256) }
                ledgerEntry = compilation.ledgerEntry?.id
                if case .compile(let record) = compilation.ledgerEntry?.event { draft = record.draft } else { draft = false }
                warnings = (compilation.workspace.diagnostics + compilation.recordingWarnings + compilation.publications.flatMap(\.warnings))
                    .map(Reporting.commandLine)
                uploads = compilation.publications.map { Upload(file: $0.file, receipt: $0.receipt, ledgerEntry: $0.ledgerEntry) }
            }
        }
    }
}
