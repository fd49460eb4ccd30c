import ArgumentParser
import Diagnostics
@_spi(Testing) import ForumWorkspace
import Foundation
import Storage
import WordImport

extension IMRF {
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Submit a rapporteur's note: checked, stored in the workspace's notes, recorded in the ledger.",
            discussion: """
                The note is checked as 'imrf check' checks it (and needs an 'author'); a note with an error \
                is refused and nothing is stored. It is stored as notes/<session>--<author>.md and the \
                receipt gives its SHA-256. Submitting the same text again changes nothing; a changed \
                version replaces the stored one and the earlier version is kept in notes/.history/.

                A Word file (.docx) is made a note as 'imrf import-note' makes one, with --session, --author, \
                --title, --role and --language as its front matter (else the document's own title, author and \
                language); that note is checked and stored, its pictures in notes/figures/, and the Word file \
                itself is kept in notes/.history/. What could not be kept from it is said as warnings.
                """
        )

        @Argument(help: "The note file (Markdown with YAML front matter), or a Word file (.docx).")
        var note: String

        @OptionGroup(title: "For a Word file: the note's front matter")
        var frontMatter: WordFrontMatterOptions

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Flag(help: "Print the receipt as one JSON object.")
        var json = false

        #if DEBUG
        /// Test-only, in debug builds only (the tests run them; a release
        /// build has no such variable): seconds to wait at the commit point
        /// (temporary file written, ledger locked, rename next), announced on
        /// stderr, so the end-to-end tests can kill imrf at that moment.
        static let pauseVariable = "IMRF_TEST_PAUSE_BEFORE_RENAME"
        #endif

        func run() async throws {
            let workspace = try workspaceOptions.resolved()
            let submission: Submission
            do throws(DiagnosticFailure) {
                submission = try Submission(notePath: note, workspace: workspace, word: frontMatter.importOptions())
                let given = frontMatter.given
                if !submission.isWordFile, !given.isEmpty {
                    throw DiagnosticFailure(
                        .usage,
                        .error(
                            "\(given.joined(separator: ", ")) \(given.count == 1 ? "is" : "are") for a Word file; this note is Markdown",
                            at: SourceLocation(path: note),
                            hint: "put the values in the note's front matter (between the '---' lines) and submit it without the options"))
                }
            } catch {
                for diagnostic in error.diagnostics { Reporting.printToStandardError(diagnostic) }
                Reporting.printToStandardError(Diagnostic.summaryLine(error.diagnostics) + "; nothing submitted")
                throw ExitCode(Reporting.exitCode(for: error.kind))
            }
            for warning in submission.warnings { Reporting.printToStandardError(warning) }
            var pause: (() -> Void)?
            #if DEBUG
            if let seconds = ProcessInfo.processInfo.environment[Self.pauseVariable].flatMap(TimeInterval.init), seconds > 0 {
                pause = {
                    Reporting.printToStandardError("imrf: test pause before rename (\(Self.pauseVariable)=\(seconds))")
                    Thread.sleep(forTimeInterval: seconds)
                }
            }
            #endif
            let receipt = try await Reporting.run { [pause] in try submission.store(beforeRename: pause) }
            if json {
                print(try JSONOutput.string(SubmitReport(receipt: receipt, warnings: submission.warnings.map(Reporting.commandLine))))
                return
            }
            let stored = WorkspaceLayout.join(workspace, receipt.path)
            let entry = receipt.ledgerEntry.map { "ledger entry \($0)" } ?? "not in the ledger"
            switch receipt.outcome {
            case .alreadySubmitted:
                Reporting.printLine("already submitted: \(stored) has the same text (sha256 \(receipt.sha256), \(entry)); nothing changed")
            case .registered:
                Reporting.printLine("registered \(stored) where it is (\(receipt.session), \(receipt.author)): nothing was copied")
                Reporting.printLine("sha256: \(receipt.sha256)")
                Reporting.printLine(entry)
            case .stored, .replaced:
                Reporting.printLine("submitted \(stored) (\(receipt.session), \(receipt.author))")
                Reporting.printLine("sha256: \(receipt.sha256)")
                Reporting.printLine(entry)
                if let previous = receipt.previous { Reporting.printLine("earlier version kept as \(WorkspaceLayout.join(workspace, previous))") }
                if let retired = receipt.retiredPictures {
                    Reporting.printLine(
                        "its \(retired.count) picture\(retired.count == 1 ? "" : "s") kept beside it in \(WorkspaceLayout.join(workspace, "notes/.history"))"
                    )
                }
            }
            if let pictures = receipt.pictures, !pictures.isEmpty {
                Reporting.printLine(
                    "\(pictures.count) picture\(pictures.count == 1 ? "" : "s") stored in \(WorkspaceLayout.join(workspace, "notes/figures"))")
            }
            if let original = receipt.original { Reporting.printLine("Word file kept as \(WorkspaceLayout.join(workspace, original))") }
        }

        /// `imrf submit --json`: the receipt's fields and the warnings (the
        /// note's, and for a Word file what could not be kept from it).
        private struct SubmitReport: Encodable {
            var receipt: SubmissionReceipt
            var warnings: [Diagnostic]

            func encode(to encoder: any Encoder) throws {
                try receipt.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(warnings, forKey: .warnings)
            }

            enum Key: String, CodingKey { case warnings }
        }
    }
}
