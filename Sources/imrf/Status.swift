import ArgumentParser
import Diagnostics
import Foundation
import Ledger
import Storage
import Tracker

extension IMRF {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "For cron and monitoring: one line on the deliverables, Nagios plugin exit codes.",
            discussion: """
                Prints one line, IMRF OK|WARNING|CRITICAL|UNKNOWN - ..., then performance data after |. \
                Exit 0 OK; 1 WARNING: a deliverable not done is due within --warn-days working days; \
                2 CRITICAL: a deliverable is overdue; 3 UNKNOWN: anything went wrong, bad arguments included. \
                Today is the forum's date (its time zone), whatever the machine's zone.
                """
        )

        @OptionGroup var location: WorkspaceArguments

        @Option(
            help:
                "Check as at this moment instead of now: a date (its start), a local time in the forum's zone (2026-05-20T16:30), or an instant (2026-05-20T20:30:00Z)."
        )
        var today: String?

        @Option(help: "Warn when a deliverable not done is due within this many working days.")
        var warnDays: Int = 3

        @Flag(help: "Print one JSON object instead of the line.")
        var json = false

        @Flag(help: "Print nothing when the status is OK (cron then mails only when something is due).")
        var quiet = false

        @Flag(
            name: .short,
            help: "After the line, each deliverable: due, state, and each session's note, who sent it and when, late or not (-v, -vv: the same).")
        var verbose: Int

        func run() async throws {
            let report: StatusReport
            var details: [String] = []
            do {
                let (tracker, evidence, workspace, made) = try makeReport()
                report = made
                if verbose > 0 && !json {
                    let submissions = LedgerEntry.standingSubmissions(
                        try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url, kinds: ["submission", "withdrawal"]))
                    details = StatusDetails.lines(report, notes: StatusDetails.notes(submissions: submissions, evidence: evidence), tracker: tracker)
                }
            } catch {
                throw Status.unknown(error, json: json)
            }
            if json {
                print(StatusDocument(report).encoded())
            } else if !(quiet && report.status == .ok) {
                Reporting.printLine(report.line)
                for line in details { Reporting.printLine(line) }
            }
            if report.status != .ok { throw ExitCode(report.status.exitCode) }
        }

        private func makeReport() throws -> (Tracker, Evidence, String, StatusReport) {
            guard warnDays >= 0 else {
                throw DiagnosticFailure(.usage, .error("--warn-days must be 0 or more, not \(warnDays)"))
            }
            let workspace = try location.resolved()
            let tracker = try Tracker.load(workspace: workspace)
            let now = try tracker.clock.moment(today, standingFor: .statusTime)
            // A what-if (--today) sees the ledger as it was then.
            let evidence = try Evidence.gather(workspace: workspace, asOf: today == nil ? nil : now)
            return (tracker, evidence, workspace, try StatusReport(tracker: tracker, evidence: evidence, now: now, warnDays: warnDays))
        }

        /// Prints an UNKNOWN status for `error` (the first problem on the
        /// line, every diagnostic on stderr) and returns the exit to throw.
        static func unknown(_ error: any Error, json: Bool) -> ExitCode {
            let message: String
            if let error = error as? any DiagnosticError {
                for diagnostic in error.diagnostics { Reporting.printToStandardError(diagnostic) }
                message =
                    error.diagnostics.first.map(Reporting.commandLine).map { diagnostic in
                        (diagnostic.location.map { "\($0): " } ?? "") + diagnostic.message
                    } ?? "unknown failure"
            } else {
                message = Status.message(for: error)
                Reporting.printToStandardError(Diagnostic.error(message, hint: "see 'imrf status --help'"))
            }
            let oneLine = message.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "/")
            Reporting.printLine(json ? StatusDocument(unknown: oneLine).encoded() : "IMRF UNKNOWN - \(oneLine)")
            return ExitCode(MonitoringStatus.unknown.exitCode)
        }

        /// Runs `imrf status ARGUMENTS` with argument parsing inside: a
        /// usage error is UNKNOWN (exit 3), never argument-parser's 64, since
        /// monitoring systems read any code above 3 as a broken plugin.
        /// Only `status`'s own options are parsed (not the tree of every
        /// command: cron pays for that on each run); `--help` goes through
        /// the whole tree for the full usage line, and exits 0.
        static func pluginMain(_ arguments: [String]) async -> Never {
            do {
                let command = try Status.parse(Array(arguments.dropFirst()))
                try await command.run()
                IMRF.exit()
            } catch let exit as ExitCode {
                IMRF.exit(withError: exit)
            } catch {
                if Status.exitCode(for: error) == .success {
                    await IMRF.main(arguments)
                    IMRF.exit()
                }
                IMRF.exit(withError: unknown(error, json: arguments.contains("--json")))
            }
        }
    }
}
