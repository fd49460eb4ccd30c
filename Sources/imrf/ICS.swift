import ArgumentParser
import Diagnostics
import Forum
import Foundation
import Storage
import Tracker
import WorkingDays

extension IMRF {
    struct ICS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "The deliverables as an iCalendar file, to subscribe to in Outlook or Google Calendar.",
            discussion:
                "One event a deliverable with an alarm --alarm-days working days before. Exit 78 when the calendar does not cover the days needed."
        )

        @OptionGroup var location: WorkspaceArguments

        @Option(help: "Write to this file (replaced whole, never half-written) instead of standard output.")
        var out: String?

        @Option(help: "Working days before each deadline the alarm rings.")
        var alarmDays: Int = 3

        func run() async throws {
            try await Reporting.run {
                guard alarmDays >= 0 else {
                    throw DiagnosticFailure(.usage, .error("--alarm-days must be 0 or more, not \(alarmDays)"))
                }
                let workspace = try location.resolved()
                let tracker = try Tracker.load(workspace: workspace)
                let evidence = try Evidence.gather(workspace: workspace)
                let layout = WorkspaceLayout(workspace)
                let calendarFiles = tracker.forum.allCalendars.compactMap { try? CalendarCatalog.standard.locate($0) }
                let paths: [String] =
                    [layout.forumFile, layout.notesFolder] + calendarFiles.flatMap { [$0.path, CalendarCatalog.closuresFile(of: $0).path] }
                let inputs = paths.compactMap { FileStamp(path: $0)?.modificationTime }.max()
                let text = try DeliverableCalendar.write(
                    tracker, alarmWorkingDays: alarmDays, evidence: evidence,
                    revision: .init(generated: Date(), inputsModified: inputs.map(Date.init(timeIntervalSince1970:))))
                guard let out else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    return
                }
                do throws(WorkspaceFile.Problem) {
                    let parent = (out as NSString).deletingLastPathComponent
                    let folder = try OpenFolder.open(parent.isEmpty ? "." : parent, inside: nil, create: false)
                    try folder.write(Data(text.utf8), to: (out as NSString).lastPathComponent)
                } catch {
                    throw DiagnosticFailure(
                        .cannotCreate,
                        .error(
                            "cannot write the calendar: \(error.description)", at: SourceLocation(path: out),
                            hint: "check that the folder exists and is writable"))
                }
                Reporting.printLine("\(tracker.deliverables.count) deliverables written to \(out)")
            }
        }
    }
}
