import ArgumentParser
import Diagnostics
@_spi(Testing) import ForumWorkspace
import Foundation
import Storage

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
                """
        )

        @Argument(help: "The note file (Markdown with YAML front matter).")
        var note: String

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
            do {
                submission = try Submission(notePath: note, workspace: workspace)
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
                print(try JSONOutput.string(receipt))
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
            }
        }
    }
}
