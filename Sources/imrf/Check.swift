import ArgumentParser
import Diagnostics
import Forum
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
            let workspace: Workspace
            do {
                workspace = try Self.load(paths, draft: draft)
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

        /// A workspace folder, or note files checked against the forum.yaml
        /// of the workspace they are in (found by walking up).
        static func load(_ paths: [String], draft: Bool) throws(DiagnosticFailure) -> Workspace {
            if paths.isEmpty { return try Workspace.load(".", draft: draft) }
            if paths.count == 1, !paths[0].hasSuffix(".md") { return try Workspace.load(paths[0], draft: draft) }
            guard let forumPath = Workspace.forumPath(near: paths[0]) else {
                // A rapporteur checking a note outside any workspace: the
                // round tables' published clustering is the same in every edition.
                let folder = URL(fileURLWithPath: paths[0]).deletingLastPathComponent().path
                var workspace = Workspace.check(notePaths: paths, forum: Edition.second.forum, path: folder)
                workspace.diagnostics.append(.note("no forum.yaml found above \(paths[0]); checked against the indicative round-table clustering"))
                return workspace
            }
            let forum = try Workspace.loadForum(forumPath)
            return Workspace.check(notePaths: paths, forum: forum, path: URL(fileURLWithPath: forumPath).deletingLastPathComponent().path)
        }
    }
}
