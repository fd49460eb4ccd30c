/// What a calendar knows of one year of its coverage.
///
/// UN Headquarters' holidays are fixed each year by an information circular
/// (about mid-October for the next year). Until it is out, a year's dates are
/// derived (US rules, Umm al-Qura estimates) and any deadline counted over
/// them may still move: a year is either `published` (the circular's list
/// was entered) or `projected`, and only a published year's holidays are
/// confirmed.
public struct CalendarYear: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case published
        case projected
    }

    public var year: Int
    public var state: State
    /// For a published year, the circular it was entered from (`ST/IC/2023/18`).
    public var source: String?

    public init(_ year: Int, _ state: State, source: String? = nil) {
        self.year = year
        self.state = state
        self.source = source
    }

    /// "2030 is projected: the circular for 2030 is not published; the deadline may move".
    public static func projectedNote(_ years: [Int]) -> String {
        guard !years.isEmpty else { return "" }
        let list = CalendarYear.list(years)
        let verb = years.count == 1 ? "is" : "are"
        let circular = years.count == 1 ? "the circular for \(list) is" : "the circulars for \(list) are"
        return "\(list) \(verb) projected: \(circular) not published; the deadline may move"
    }

    /// "2029 and 2030", "2028, 2029 and 2030".
    static func list(_ years: [Int]) -> String {
        let names = years.map(String.init)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

extension HolidayCalendar {
    /// The state of `year`, or nil when the calendar does not say (a
    /// calendar from elsewhere, whose events' own STATUS is all there is).
    public func state(ofYear year: Int) -> CalendarYear? {
        years.first { $0.year == year }
    }

    /// The projected years among those a count from `from` to `to` (either
    /// order) passes through: a deadline over them may still move.
    public func projectedYears(from: CivilDate, to: CivilDate) -> [Int] {
        let range = min(from.year, to.year)...max(from.year, to.year)
        return years.filter { range.contains($0.year) && $0.state == .projected }.map(\.year)
    }
}
