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
    /// A day Headquarters closed though it is no holiday (weather, security,
    /// a decision of the General Assembly), recorded by `imrf calendar close`.
    public var isClosure: Bool

    public init(date: CivilDate, name: String, status: Status = .confirmed, source: String? = nil, isClosure: Bool = false) {
        self.date = date
        self.name = name
        self.status = status
        self.source = source
        self.isClosure = isClosure
    }

    enum CodingKeys: String, CodingKey {
        case date, name, status, source, closure
    }

    /// `"closure": true` only on a closure, so a holiday reads as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(source, forKey: .source)
        if isClosure { try container.encode(true, forKey: .closure) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(CivilDate.self, forKey: .date)
        name = try container.decode(String.self, forKey: .name)
        status = try container.decode(Status.self, forKey: .status)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        isClosure = try container.decodeIfPresent(Bool.self, forKey: .closure) ?? false
    }
}
