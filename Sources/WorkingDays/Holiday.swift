/// One non-working day of a holiday calendar.
///
/// A holiday spanning several days (an iCalendar event with a longer
/// `DTEND` or `DURATION`) is stored as one `Holiday` per day, so every
/// consumer sees days, never spans.
public struct Holiday: Sendable, Hashable, Codable {
    /// Whether the date is settled. Lunar holidays are published as estimates
    /// and may move by a day; a result that depends on one must say so.
    public enum Status: String, Sendable, Hashable, Codable {
        case confirmed
        case tentative
    }

    public var date: CivilDate
    public var name: String
    public var status: Status
    /// Where the date comes from (an information circular, "rule", "estimate"),
    /// free text shown to people who need to check it.
    public var source: String?

    public init(date: CivilDate, name: String, status: Status = .confirmed, source: String? = nil) {
        self.date = date
        self.name = name
        self.status = status
        self.source = source
    }
}
