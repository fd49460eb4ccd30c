import ArgumentParser
import Diagnostics
import Foundation
import Tracker

extension IMRF {
    struct ICS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "The deliverables as an iCalendar file, to subscribe to in Outlook or Google Calendar.",
            discussion: "One event a deliverable with an alarm --alarm-days working days before. Exit 78 when the calendar does not cover the days needed."
        )

        @Argument(help: "The workspace folder (default: the current folder).")
        var workspace: String = "."

        @Option(help: "Write to this file (replaced whole, never half-written) instead of standard output.")
        var out: String?

        @Option(help: "Working days before each deadline the alarm rings.")
        var alarmDays: Int = 3

        func run() async throws {
            try await Reporting.run {
                guard alarmDays >= 0 else {
                    throw DiagnosticFailure(.usage, .error("--alarm-days must be 0 or more, not \(alarmDays)"))
                }
                let tracker = try Tracker.load(workspace: workspace)
                let text = try DeliverableCalendar.write(tracker, alarmWorkingDays: alarmDays)
                guard let out else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    return
                }
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw DiagnosticFailure(.cannotCreate, .error(
                        "cannot write the calendar: \(error.localizedDescription)", at: SourceLocation(path: out),
                        hint: "check that the folder exists and is writable"))
                }
                Reporting.printLine("\(tracker.deliverables.count) deliverables written to \(out)")
            }
        }
    }
}
