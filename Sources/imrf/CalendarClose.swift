import ArgumentParser
import Diagnostics
import Foundation
import WorkingDays

extension IMRF.CalendarCommand {
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Record a day Headquarters closed though it is no holiday (weather, security, a decision of the General Assembly).",
            discussion: """
                The closure is kept beside the calendar (un-new-york-closures.ics for un-new-york) and joined with it \
                wherever it is used: every deadline counted over that day moves past it and names it. \
                --reopen removes a closure recorded by mistake. \
                Example: imrf calendar close 2027-02-01 --reason "snowstorm"
                """)

        @Argument(help: "The day, as YYYY-MM-DD.")
        var date: String

        @Option(help: "Why Headquarters closed, in a few words.")
        var reason: String?

        @Option(help: "A calendar name or .ics path.")
        var calendar: String = CalendarCatalog.defaultName

        @Flag(help: "Remove the closure recorded on that day instead.")
        var reopen = false

        func run() async throws {
            try await Reporting.run {
                guard let day = CivilDate(iso: date) else {
                    throw DiagnosticFailure(
                        .usage, .error("'\(date)' is not a date", hint: "write dates as YYYY-MM-DD, e.g. 2027-02-01"))
                }
                let catalog = CalendarCatalog.standard
                let url = try catalog.locate(calendar)
                let base = try CalendarCatalog.read(url)
                let file = CalendarCatalog.closuresFile(of: url)
                let closures = FileManager.default.fileExists(atPath: file.path) ? try CalendarCatalog.read(file) : nil
                if reopen {
                    guard reason == nil else { throw DiagnosticFailure(.usage, .error("--reopen takes no --reason")) }
                    try CalendarEdit.save(try CalendarEdit.reopening(day, closures: closures), to: file)
                    Reporting.printLine("\(day.long) is no longer recorded as closed (\(file.path))")
                    return
                }
                guard let reason else {
                    throw DiagnosticFailure(.usage, .error("say why Headquarters closed", hint: "e.g. --reason \"snowstorm\""))
                }
                let today = CivilDate.today(in: TimeZone(identifier: "America/New_York")!)
                try CalendarEdit.save(
                    try CalendarEdit.closing(day, reason: reason, calendar: base, closures: closures, recorded: today), to: file)
                Reporting.printLine("\(day.long) recorded as closed: \(reason) (\(file.path))")
            }
        }
    }
}
