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
            abstract: "Show the workspace's ledger: submissions, compiles, uploads, distributions, invitations and reminders, oldest first."
        )

        @OptionGroup var location: WorkspaceArguments

        @Flag(help: "Print the entries as one JSON array.")
        var json = false

        @Option(help: "Only the entries of this kind: submission, compile, upload, distribution, invitation, revocation, sign-in or reminder.")
        var kind: String?

        func validate() throws {
            if let kind, !LedgerEvent.kinds.contains(kind) {
                throw ValidationError("--kind must be one of \(LedgerEvent.kinds.joined(separator: ", ")), not '\(kind)'")
            }
        }

        func run() async throws {
            try await Reporting.run {
                let workspace = try location.resolved()
                let url = WorkspaceLayout(workspace).url
                let entries = try kind.map { try Ledger.entriesIfPresent(workspace: url, kinds: [$0]) } ?? Ledger.entriesIfPresent(workspace: url)
                if json {
                    print(try LedgerEntry.jsonArray(entries))
                    return
                }
                let timeZone = try forumTimeZone(of: workspace, ledgerExists: !entries.isEmpty)
                if entries.isEmpty, let kind {
                    Reporting.printLine("the ledger of \(workspace == "." ? "this workspace" : workspace) has no \(kind) entry")
                    return
                }
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
