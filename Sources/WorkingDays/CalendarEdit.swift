public import Diagnostics
public import Foundation
import Storage

/// Changes to a calendar file the office makes from the command line: a year
/// projected by rule, a year entered from the circular. Each gives a new
/// calendar value; `save` writes it back whole, atomically.
public enum CalendarEdit {
    /// `calendar` with the holidays of `year` replaced by `holidays` and the
    /// year's state set, its coverage grown to take the year in.
    ///
    /// Refused: a year that would leave a gap in the coverage (each year
    /// between must be there, or nothing is known of it), and projecting a
    /// year already published (that would throw the circular's dates away).
    public static func replacing(
        year: CalendarYear, in calendar: HolidayCalendar, with holidays: [Holiday]
    ) throws(DiagnosticFailure) -> HolidayCalendar {
        let covered = calendar.coverage.lowerBound.year...calendar.coverage.upperBound.year
        guard covered.contains(year.year) || year.year == covered.upperBound + 1 || year.year == covered.lowerBound - 1 else {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "calendar '\(calendar.name)' covers \(covered.lowerBound) to \(covered.upperBound): \(year.year) would leave a gap",
                    hint: "add the years in between first (each of them projected, or from its circular)"))
        }
        if year.state == .projected, let existing = calendar.state(ofYear: year.year), existing.state == .published {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "\(year.year) is published in calendar '\(calendar.name)'\(existing.source.map { " (\($0))" } ?? ""): projecting it would replace the circular's dates",
                    hint: "a published year is changed only by importing a corrected circular ('imrf calendar import')"))
        }
        // The first and last day of the year, kept to the old coverage
        // where the year was partly covered.
        let first = CivilDate(year: year.year, month: 1, day: 1)!
        let last = CivilDate(year: year.year, month: 12, day: 31)!
        let coverage = min(first, calendar.coverage.lowerBound)...max(last, calendar.coverage.upperBound)
        // Days, not holidays, belong to a year: New Year's Day on a Saturday
        // is observed on 31 December, a day of the year before.
        let kept = calendar.holidays.filter { $0.date.year != year.year }
        let added = holidays.filter { $0.date.year == year.year }
        var years = calendar.years.filter { $0.year != year.year }
        years.append(year)
        return HolidayCalendar(
            name: calendar.name, coverage: coverage, holidays: kept + added,
            summary: calendar.summary, years: years)
    }

    /// Writes `calendar` to `url` in place of what is there: a temporary file
    /// beside it, flushed, renamed over it, so a reader (a cron job counting
    /// a deadline) sees the old calendar or the new one, never half of one.
    /// The file is read back before it replaces the old one.
    public static func save(_ calendar: HolidayCalendar, to url: URL, stamp: Date = Date()) throws(DiagnosticFailure) {
        let text: String
        do {
            text = try ICalendarWriter.write(calendar, path: url.path, stamp: basicStamp(stamp))
            _ = try ICalendarReader.read(text, name: calendar.name, path: url.path)
        } catch {
            throw DiagnosticFailure(error.kind, error.diagnostics)
        }
        do {
            let folder = try OpenFolder.open(url.deletingLastPathComponent().path, inside: nil, create: false)
            try folder.write(Data(text.utf8), to: url.lastPathComponent)
        } catch {
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot write the calendar: \(error.description)", at: SourceLocation(path: url.path),
                    hint: "check that the folder exists and that you may write to it"))
        }
    }

    /// `20261130T135700Z`.
    static func basicStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let year = String(c.year ?? 1970)
        return
            "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// The closures of `calendar` (as read from `closuresFile(of:)`, or nil
    /// when there is none yet) with `date` recorded as closed for `reason`.
    /// Refused: a day outside the calendar's coverage, a weekend day or a
    /// holiday (closed anyway: recording it would change nothing), and a
    /// day already recorded.
    public static func closing(
        _ date: CivilDate, reason: String, calendar: HolidayCalendar, closures: HolidayCalendar?, recorded: CivilDate
    ) throws(DiagnosticFailure) -> HolidayCalendar {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 200, !reason.contains(where: \.isNewline) else {
            throw DiagnosticFailure(
                .usage, .error("the reason must be one line of 1 to 200 characters", hint: "e.g. --reason \"snowstorm\""))
        }
        guard calendar.coverage.contains(date) else {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "calendar '\(calendar.name)' covers \(calendar.coverage.lowerBound.unStyle) to \(calendar.coverage.upperBound.unStyle), not \(date.unStyle)",
                    hint: "project or import that year first"))
        }
        guard date.weekday < .saturday else {
            throw DiagnosticFailure(.usage, .error("\(date.long) is a weekend day: Headquarters is closed anyway"))
        }
        if let holiday = calendar.holidays(on: date).first {
            throw DiagnosticFailure(.usage, .error("\(date.long) is already a day off: \(holiday.name)"))
        }
        let existing =
            closures
            ?? HolidayCalendar(
                name: "\(calendar.name)-closures", coverage: CivilDate(year: 1900, month: 1, day: 1)!...CivilDate(year: 2199, month: 12, day: 31)!,
                holidays: [],
                summary:
                    "Days United Nations Headquarters closed though they are not holidays (weather, security, a decision of the General Assembly), recorded with 'imrf calendar close'; joined with \(calendar.name) wherever it is used."
            )
        if let already = existing.holidays(on: date).first {
            throw DiagnosticFailure(.usage, .error("\(date.long) is already recorded as closed: \(already.name)"))
        }
        let closure = Holiday(
            date: date, name: "Headquarters closed: \(reason)", status: .confirmed,
            source: "closure recorded on \(recorded.iso) with imrf calendar close", isClosure: true)
        return HolidayCalendar(
            name: existing.name, coverage: existing.coverage, holidays: existing.holidays + [closure], summary: existing.summary,
            years: existing.years)
    }

    /// The closures without the one on `date` (a closure recorded by mistake).
    public static func reopening(_ date: CivilDate, closures: HolidayCalendar?) throws(DiagnosticFailure) -> HolidayCalendar {
        guard let closures, !closures.holidays(on: date).isEmpty else {
            throw DiagnosticFailure(.usage, .error("no closure is recorded on \(date.long)"))
        }
        return HolidayCalendar(
            name: closures.name, coverage: closures.coverage, holidays: closures.holidays.filter { $0.date != date },
            summary: closures.summary, years: closures.years)
    }
}
