import ArgumentParser
import Diagnostics
import Foundation
import Storage
import WorkingDays

extension IMRF {
    struct CalendarCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Show, check or keep up a holiday calendar.",
            subcommands: [Show.self, Check.self, Project.self, Import.self, Close.self]
        )
    }
}

extension IMRF.CalendarCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "List a calendar's holidays with their status and source.")

        @Argument(help: "A calendar name or .ics path.")
        var calendar: String = CalendarCatalog.defaultName

        @Option(help: "Only this year.")
        var year: Int?

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            try await Reporting.run {
                let holidays = try CalendarCatalog.standard.load(calendar)
                let listed = year.map { holidays.holidays(inYear: $0) } ?? holidays.holidays
                if let year, !(holidays.coverage.lowerBound.year...holidays.coverage.upperBound.year).contains(year) {
                    throw DiagnosticFailure(
                        .configuration,
                        .error(
                            "calendar '\(holidays.name)' does not cover \(year): it covers \(holidays.coverage.lowerBound.unStyle) to \(holidays.coverage.upperBound.unStyle)"
                        ))
                }
                if json {
                    struct Listing: Encodable {
                        var calendar: String
                        var coverage: [String: CivilDate]
                        var years: [CalendarYear]
                        var holidays: [Holiday]
                    }
                    let listing = Listing(
                        calendar: holidays.name,
                        coverage: ["start": holidays.coverage.lowerBound, "end": holidays.coverage.upperBound],
                        years: holidays.years.filter { year == nil || $0.year == year },
                        holidays: listed)
                    print(try JSONOutput.string(listing))
                    return
                }
                Reporting.printLine("\(holidays.name): \(holidays.coverage.lowerBound.unStyle) to \(holidays.coverage.upperBound.unStyle)")
                var heading: Int?
                for holiday in listed {
                    if heading != holiday.date.year, let state = holidays.state(ofYear: holiday.date.year) {
                        heading = holiday.date.year
                        switch state.state {
                        case .published:
                            Reporting.printLine("\(state.year): published\(state.source.map { ", from \($0)" } ?? "")")
                        case .projected:
                            Reporting.printLine("\(state.year): projected (derived by rule and estimate; the circular is not entered)")
                        }
                    }
                    let status = holiday.isClosure ? "closure" : holiday.status == .tentative ? "tentative" : "confirmed"
                    let name = holiday.name.padding(toLength: max(18, holiday.name.count + 1), withPad: " ", startingAt: 0)
                    Reporting.printLine("\(holiday.date.iso)  \(holiday.date.weekday.name.prefix(3))  \(name) \(status)")
                }
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a calendar file: syntax, coverage, tentative dates, duplicates, holidays on weekends.")

        @Argument(help: "A calendar name or .ics path.")
        var calendar: String = CalendarCatalog.defaultName

        @Flag(help: "Print one JSON object (the file, the summary lines, every diagnostic) instead of the report.")
        var json = false

        func run() async throws {
            try await Reporting.run {
                let url = try CalendarCatalog.standard.locate(calendar)
                let holidays = try CalendarCatalog.read(url)
                let report = CalendarReview(holidays, path: url.path)
                if json {
                    print(try JSONOutput.string(Review(path: url.path, summary: report.summary, diagnostics: report.diagnostics)))
                } else {
                    for diagnostic in report.diagnostics { Reporting.printToStandardError(diagnostic) }
                    for line in report.summary { Reporting.printLine(line) }
                }
                if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(65) }
            }
        }

        /// `imrf calendar check --json`.
        private struct Review: Encodable {
            var path: String
            var summary: [String]
            var diagnostics: [Diagnostic]
        }
    }
}
