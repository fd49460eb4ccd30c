/// A named set of holidays together with the range of days it speaks for.
///
/// The coverage matters as much as the holidays: outside it the calendar
/// knows nothing, and imrf refuses to compute rather than assume that only
/// weekends are closed.
public struct HolidayCalendar: Sendable, Hashable {
    /// The name people use for it (`un-new-york`), for messages.
    public var name: String
    /// The first and last day this calendar is authoritative for.
    public var coverage: ClosedRange<CivilDate>
    /// Holidays sorted by date; several may share a date.
    public private(set) var holidays: [Holiday]
    /// Free text from the file's header: where the dates come from.
    public var summary: String?
    /// Each covered year's state (published or projected), sorted by year;
    /// empty for a calendar that does not say.
    public var years: [CalendarYear]

    public init(
        name: String, coverage: ClosedRange<CivilDate>, holidays: [Holiday], summary: String? = nil, years: [CalendarYear] = []
    ) {
        self.name = name
        self.coverage = coverage
        self.holidays = holidays.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
        self.summary = summary
        self.years = years.sorted { $0.year < $1.year }
    }

    /// The holidays on `date` (empty when it is not a holiday).
    public func holidays(on date: CivilDate) -> [Holiday] {
        holidays.filter { $0.date == date }
    }

    /// The holidays of one year.
    public func holidays(inYear year: Int) -> [Holiday] {
        holidays.filter { $0.date.year == year }
    }

    /// Joins calendars: a day is a holiday when it is one in any of them, and
    /// the result covers only the days all of them cover (outside that, one
    /// of them knows nothing). A year is projected when any of them projects
    /// it. Returns nil when the coverages do not overlap.
    public static func union(_ calendars: [HolidayCalendar]) -> HolidayCalendar? {
        guard let first = calendars.first else { return nil }
        if calendars.count == 1 { return first }
        let lower = calendars.map(\.coverage.lowerBound).max()!
        let upper = calendars.map(\.coverage.upperBound).min()!
        guard lower <= upper else { return nil }
        return HolidayCalendar(
            name: calendars.map(\.name).joined(separator: "+"),
            coverage: lower...upper,
            holidays: calendars.flatMap(\.holidays),
            summary: nil,
            years: joinedYears(calendars)
        )
    }

    private static func joinedYears(_ calendars: [HolidayCalendar]) -> [CalendarYear] {
        var joined: [Int: CalendarYear] = [:]
        for year in calendars.flatMap(\.years) where joined[year.year]?.state != .projected {
            joined[year.year] = year
        }
        return Array(joined.values)
    }

    /// This calendar with the days of `closures` inside its coverage added:
    /// the name, coverage and years stay this calendar's, since a closures
    /// file says only which days were closed.
    public func adding(closures: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(
            name: name, coverage: coverage, holidays: holidays + closures.holidays.filter { coverage.contains($0.date) },
            summary: summary, years: years)
    }
}
