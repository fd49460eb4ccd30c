/// A day a deadline calculation passed over because it is not a working
/// day, with the reason, so a person can check the deadline by hand.
public struct SkippedDay: Sendable, Hashable, Codable {
    public var date: CivilDate
    /// `Saturday` for a weekend day; the holiday's name (`Memorial Day`,
    /// `Eid al-Adha (tentative)`) for a holiday; both, comma-separated
    /// (`Saturday, Independence Day`) when a holiday falls on a weekend day.
    public var reason: String
    /// Every holiday on the date (several may share one); empty for a plain
    /// weekend day.
    public var holidays: [Holiday]

    public init(date: CivilDate, reason: String, holidays: [Holiday]) {
        self.date = date
        self.reason = reason
        self.holidays = holidays
    }
}
