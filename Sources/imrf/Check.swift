import ArgumentParser
import Diagnostics
import ForumWorkspace
import Foundation
import Storage
import SummaryCompiler

extension IMRF {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check forum.yaml and the notes; print every problem as path:line:col.",
            discussion: "Exit 0 when nothing is wrong (warnings allowed), 65 when there is an error."
        )

        @Argument(help: "A workspace folder (as --workspace), or note files.")
        var paths: [String] = []

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Flag(help: "A session without notes is a warning, not an error.")
        var draft = false

        @Flag(help: "Print one JSON object (the counts and every diagnostic) instead of the report.")
        var json = false

        /// The paths as given, but a workspace's forum.yaml named alone
        /// (`imrf check ws/forum.yaml`) stands for its workspace.
        private var checkedPaths: [String] {
            guard paths.count == 1, (paths[0] as NSString).lastPathComponent == WorkspaceLayout.forumFileName else { return paths }
            let folder = (paths[0] as NSString).deletingLastPathComponent
            return [folder.isEmpty ? "." : folder]
        }

        func run() async throws {
            let workspace = try workspace()
            let checked: CheckedNotes
            do {
                checked = try Workspace.check(paths: checkedPaths, draft: draft, workspace: workspace)
            } catch {
                // forum.yaml itself is wrong: still the compiler-style report.
                try report(notes: 0, error.diagnostics)
                throw ExitCode(Reporting.exitCode(for: error.kind))
            }
            try report(notes: checked.notes.count, checked.diagnostics)
            if checked.errorCount > 0 { throw ExitCode(Reporting.exitCode(for: .badInput)) }
        }

        /// The workspace named by --workspace (or found, when no path is
        /// given); a folder given as the one path is `Workspace.check`'s.
        private func workspace() throws -> String? {
            if paths.isEmpty { return try workspaceOptions.resolved() }
            let paths = checkedPaths
            if paths.count == 1, !paths[0].hasSuffix(".md") { return try workspaceOptions.resolved(positional: paths[0]) }
            return workspaceOptions.workspace
        }

        private func report(notes: Int, _ diagnostics: [Diagnostic]) throws {
            let summary = Diagnostic.summaryLine(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            if json {
                let warnings = diagnostics.filter { $0.severity == .warning }.count
                print(
                    try JSONOutput.string(
                        CheckReport(notes: notes, errors: errors, warnings: warnings, diagnostics: diagnostics.map(Reporting.commandLine))))
                return
            }
            for diagnostic in diagnostics { Reporting.printToStandardError(diagnostic) }
            if errors > 0 {
                Reporting.printToStandardError(summary)
            } else {
                Reporting.printLine("\(notes) note\(notes == 1 ? "" : "s") checked: \(summary)")
            }
        }

        /// `imrf check --json`.
        private struct CheckReport: Encodable {
            var notes: Int
            var errors: Int
            var warnings: Int
            var diagnostics: [Diagnostic]
        }
    }
}
