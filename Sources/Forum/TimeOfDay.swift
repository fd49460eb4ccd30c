/// A wall-clock time in the forum's time zone (`15:00`), with no date.
///
/// Sessions start at a local time in New York whatever zone the reader is
/// in, so a time is kept as hours and minutes and only turned into an
/// instant together with a civil date and the forum's time zone.
public struct TimeOfDay: Sendable, Hashable, Comparable {
    public let hour: Int
    public let minute: Int

    /// Nil unless 0 <= hour <= 23 and 0 <= minute <= 59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses exactly `HH:MM` (24-hour clock).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Minutes since midnight, the one value compared.
    public var minutes: Int { hour * 60 + minute }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    /// The morning meetings at Headquarters start at 10:00 (meetings run
    /// 10:00-13:00 and 15:00-18:00, as in the 2022 forum's programme).
    public static let morning = TimeOfDay(hour: 10, minute: 0)!
    /// The afternoon meetings start at 15:00.
    public static let afternoon = TimeOfDay(hour: 15, minute: 0)!
}

extension TimeOfDay: CustomStringConvertible {
    /// `09:05`, which `init(_:)` parses back.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
