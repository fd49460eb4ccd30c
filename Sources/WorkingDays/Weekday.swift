/// A day of the week, numbered as ISO 8601 does (Monday 1 to Sunday 7), so
/// that nothing depends on the machine's locale.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// The two-letter code of iCalendar `BYDAY` (`MO` ... `SU`).
    public var icalCode: String { String(name.prefix(2)).uppercased() }

    public init?(icalCode: some StringProtocol) {
        guard let day = Weekday.allCases.first(where: { $0.icalCode == icalCode.uppercased() }) else { return nil }
        self = day
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
