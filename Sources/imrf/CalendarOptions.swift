import ArgumentParser
import Diagnostics
import WorkingDays

/// The options every working-day command shares: which calendars, which weekend.
struct CalendarOptions: ParsableArguments {
    @Option(
        name: .customLong("calendar"),
        help: "A calendar name (a file in Calendars/) or the path of an .ics file; repeat to join several. Default: un-new-york.")
    var calendars: [String] = []

    @Option(
        name: .customLong("week-mask"),
        help: "The working days of the week, e.g. Mon-Fri, Sun-Thu, or 1111100.")
    var weekMask: String = "Mon-Fri"

    /// The working-day calendar these options describe.
    func workingDayCalendar() throws(DiagnosticFailure) -> WorkingDayCalendar {
        guard let mask = WeekMask(parsing: weekMask) else {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "'\(weekMask)' is not a week mask",
                    hint: "write the working days as a range (Mon-Fri), a list (Mon,Tue,Wed,Thu) or seven digits Monday first (1111100)"))
        }
        let holidays = try CalendarCatalog.standard.load(calendars)
        return WorkingDayCalendar(holidays, weekMask: mask)
    }
}
