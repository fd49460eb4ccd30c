import ArgumentParser
import Diagnostics
import Foundation
import WorkingDays

extension IMRF.CalendarCommand {
    struct Project: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "project",
            abstract: "Write years of UN Headquarters holidays derived by rule (projected) into a calendar file.",
            discussion: """
                Each year given gets the nine official holidays: the US date of seven (a Saturday \
                observed on the Friday, a Sunday on the Monday) and the Umm al-Qura date of both Eids \
                (moved to the next working day when that is already a holiday), all tentative, and is \
                marked projected. A published year (entered from its circular) is never replaced. \
                Example: imrf calendar project 2031
                """)

        @Argument(help: "The years to project, e.g. 2031 or 2029 2030.")
        var years: [Int]

        @Option(help: "A calendar name or .ics path.")
        var calendar: String = CalendarCatalog.defaultName

        func run() async throws {
            try await Reporting.run {
                let catalog = CalendarCatalog.standard
                let url = try catalog.locate(calendar)
                var holidays = try CalendarCatalog.read(url)
                for year in years.sorted() {
                    guard (1901...2075).contains(year) else {
                        throw DiagnosticFailure(.usage, .error("\(year) cannot be projected", hint: "give a year from 1901 to 2075"))
                    }
                    holidays = try CalendarEdit.replacing(
                        year: CalendarYear(year, .projected), in: holidays, with: HeadquartersHolidays.projected(year: year))
                }
                try CalendarEdit.save(holidays, to: url)
                for year in years.sorted() {
                    Reporting.printLine("\(year) projected in \(url.path):")
                    for holiday in holidays.holidays(inYear: year) {
                        Reporting.printLine("  \(holiday.date.iso)  \(holiday.date.weekday.name.prefix(3))  \(holiday.name)")
                    }
                }
            }
        }
    }
}
