import ArgumentParser
import Diagnostics
import ForumWorkspace
import Foundation
import SummaryCompiler

extension IMRF {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check forum.yaml and the notes; print every problem as path:line:col."
        )

        @Argument(help: "A workspace folder (default: the current folder), or note files.")
        var paths: [String] = []

        @Flag(help: "A session without notes is a warning, not an error.")
        var draft = false

        func run() async throws {
            let workspace: CheckedNotes
            do {
                workspace = try Workspace.check(paths: paths, draft: draft)
            } catch {
                // forum.yaml itself is wrong: still the compiler-style report.
                for diagnostic in error.diagnostics { Reporting.printToStandardError(diagnostic) }
                Reporting.printToStandardError(Workspace.summaryLine(error.diagnostics))
                throw ExitCode(Reporting.exitCode(for: error.kind))
            }
            for diagnostic in workspace.diagnostics { Reporting.printToStandardError(diagnostic) }
            let summary = Workspace.summaryLine(workspace.diagnostics)
            if workspace.errorCount > 0 {
                Reporting.printToStandardError(summary)
                throw ExitCode(Reporting.exitCode(for: .badInput))
            }
            Reporting.printLine("\(workspace.notes.count) note\(workspace.notes.count == 1 ? "" : "s") checked: \(summary)")
        }
    }
}
