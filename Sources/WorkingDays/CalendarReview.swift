public import Diagnostics

/// What `imrf calendar check` says about a calendar that parsed: the facts
/// a person adding a year should look at, and the likely mistakes.
public struct CalendarReview: Sendable {
    public var summary: [String] = []
    public var diagnostics: [Diagnostic] = []

    public init(_ calendar: HolidayCalendar, path: String) {
        let location = SourceLocation(path: path)
        let coverage = calendar.coverage
        summary.append(
            "\(calendar.name): \(calendar.holidays.count) holidays, covering \(coverage.lowerBound.unStyle) to \(coverage.upperBound.unStyle)")
        let coveredYears = coverage.lowerBound.year...coverage.upperBound.year
        if !calendar.years.isEmpty {
            var counts: [Int: Int] = [:]
            for holiday in calendar.holidays { counts[holiday.date.year, default: 0] += 1 }
            for year in calendar.years {
                let count = counts[year.year, default: 0]
                let holidays = "\(count) \(count == 1 ? "holiday" : "holidays")"
                switch year.state {
                case .published:
                    summary.append("\(year.year): published\(year.source.map { " (\($0))" } ?? ""), \(holidays)")
                case .projected:
                    summary.append("\(year.year): projected, \(holidays), tentative until its circular is entered")
                }
            }
            let undeclared = coveredYears.filter { calendar.state(ofYear: $0) == nil }
            if !undeclared.isEmpty {
                diagnostics.append(
                    .warning(
                        "\(CalendarYear.list(undeclared)) \(undeclared.count == 1 ? "is" : "are") covered but neither published nor projected",
                        at: location,
                        hint: "add X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED (with X-IMRF-CIRCULAR) or X-IMRF-YEAR;X-IMRF-STATE=PROJECTED for each year"))
            }
        }
        // A projected year's holidays are all tentative; the ones worth
        // listing are those of the other years.
        let tentative = calendar.holidays.filter { $0.status == .tentative && calendar.state(ofYear: $0.date.year)?.state != .projected }
        if tentative.isEmpty {
            summary.append(calendar.years.isEmpty ? "no tentative dates" : "no tentative dates outside the projected years")
        } else {
            summary.append("\(tentative.count) tentative: " + tentative.map { "\($0.date.iso) \($0.name)" }.joined(separator: ", "))
        }
        for holiday in tentative where calendar.state(ofYear: holiday.date.year)?.state == .published {
            diagnostics.append(
                .warning(
                    "\(holiday.name) on \(holiday.date.unStyle) is tentative, but \(holiday.date.year) is published",
                    at: location, hint: "the circular fixes every date of its year: mark it STATUS:CONFIRMED with the circular's date"))
        }
        var byDate: [CivilDate: [Holiday]] = [:]
        for holiday in calendar.holidays { byDate[holiday.date, default: []].append(holiday) }
        for (date, holidays) in byDate.sorted(by: { $0.key < $1.key }) where holidays.count > 1 {
            diagnostics.append(
                .warning(
                    "\(date.unStyle) is listed \(holidays.count) times (\(holidays.map(\.name).joined(separator: ", ")))",
                    at: location, hint: "keep one event per day unless two holidays really coincide"))
        }
        for holiday in calendar.holidays {
            if holiday.date.weekday == .saturday || holiday.date.weekday == .sunday {
                diagnostics.append(
                    .warning(
                        "\(holiday.name) on \(holiday.date.unStyle) falls on a \(holiday.date.weekday.name)",
                        at: location, hint: "UN Headquarters observes it on the adjacent working day (Friday or Monday); list the observed date"))
            }
            if !coverage.contains(holiday.date) {
                diagnostics.append(
                    .warning(
                        "\(holiday.name) on \(holiday.date.unStyle) is outside the coverage and will be ignored",
                        at: location, hint: "extend X-IMRF-COVERAGE-START/END or remove the event"))
            }
        }
        // One pass over the holidays: a coverage of thousands of years times
        // a hundred thousand holidays would take minutes year by year.
        let yearsWithHolidays = Set(calendar.holidays.map(\.date.year))
        for year in coveredYears where !yearsWithHolidays.contains(year) {
            diagnostics.append(
                .warning(
                    "no holiday at all in \(year), though it is covered", at: location,
                    hint: "add that year's holidays or shorten the coverage"))
        }
        summary.append(diagnostics.isEmpty ? "ok" : "\(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s")")
    }
}
