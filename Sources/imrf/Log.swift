import ArgumentParser
import Diagnostics
import Forum
import Foundation
import Ledger
import Storage

extension IMRF {
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show the workspace's ledger: submissions, compiles, uploads and distributions, oldest first."
        )

        @OptionGroup var location: WorkspaceArguments

        @Flag(help: "Print the entries as one JSON array.")
        var json = false

        func run() async throws {
            try await Reporting.run {
                let workspace = try location.resolved()
                let entries = try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url)
                if json {
                    print(try LedgerEntry.jsonArray(entries))
                    return
                }
                let timeZone = try forumTimeZone(of: workspace, ledgerExists: !entries.isEmpty)
                if entries.isEmpty {
                    Reporting.printLine(
                        "the ledger of \(workspace == "." ? "this workspace" : workspace) is empty: nothing has been submitted, compiled, uploaded or distributed yet"
                    )
                    return
                }
                let text = LogLine(timeZone: timeZone)
                let replaced = LogLine.replacements(entries)
                for entry in entries { print(text.line(entry, replacedBy: replaced[entry.id])) }
            }
        }

        /// Times are shown in the forum's time zone (forum.yaml); when the
        /// forum file cannot be read the entries are still shown, in UTC.
        private func forumTimeZone(of workspace: String, ledgerExists: Bool) throws -> TimeZone {
            do {
                let forum = try Forum.load(contentsOf: WorkspaceLayout(workspace).forumFile)
                return TimeZone(identifier: forum.timeZone) ?? TimeZone(identifier: "UTC")!
            } catch {
                guard ledgerExists else { throw error }
                for problem in error.diagnostics where problem.severity == .error {
                    Reporting.printToStandardError(Diagnostic.warning(problem.message + "; times are shown in UTC", at: problem.location))
                }
                return TimeZone(identifier: "UTC")!
            }
        }
    }
}
