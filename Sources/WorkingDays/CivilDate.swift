public import Foundation

/// A day of the proleptic Gregorian calendar, with no time and no time zone.
///
/// Deadlines are civil dates in the forum's time zone. Representing them as a
/// `Date` at midnight UTC shifts them by a day in New York, so imrf never
/// does. A `CivilDate` stores one day number (days since 1970-01-01) and
/// derives year, month and day from it, so "N days later", comparisons and
/// working-day arithmetic are exact and O(1) with no conversion.
public struct CivilDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (negative before it): the one stored value, so
    /// that comparing, hashing and working-day arithmetic never convert.
    public let dayNumber: Int

    /// Creates a date, or returns nil when it does not exist (2022-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        // days-from-civil, Howard Hinnant ("chrono-Compatible Low-Level Date
        // Algorithms"), exact over the whole proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.dayNumber = era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Year, month and day, by Hinnant's civil-from-days algorithm.
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The ISO weekday: Monday is 1, Sunday is 7.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

// MARK: - Text

extension CivilDate {
    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, extended form).
    ///
    /// Rejects anything else, including impossible dates such as 2023-02-29,
    /// rather than rolling them over the way `DateFormatter` can.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the basic form `YYYYMMDD` used by iCalendar `VALUE=DATE`.
    public init?(basic text: some StringProtocol) {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let s = String(text)
        self.init(iso: "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))")
    }

    /// `2022-06-06`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let (year, month, day) = components
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `20220606`, the iCalendar `VALUE=DATE` form.
    public var basic: String { iso.replacingOccurrences(of: "-", with: "") }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// UN editorial style: `6 June 2022` (no leading zero, no comma).
    public var unStyle: String {
        let (year, month, day) = components
        return "\(day) \(CivilDate.monthNames[month - 1]) \(year)"
    }

    /// `Monday 6 June 2022`, for sentences people read.
    public var long: String { "\(weekday.name) \(unStyle)" }

    /// `Mon 6 Jun 2022`, for one-line monitoring output.
    public var short: String {
        "\(weekday.name.prefix(3)) \(day) \(CivilDate.monthNames[month - 1].prefix(3)) \(year)"
    }
}

extension CivilDate: CustomStringConvertible {
    public var description: String { iso }
}

/// Encodes and decodes as the ISO string (`iso`).
extension CivilDate: CodableAsText {
    public static let textForm = "a date of the form YYYY-MM-DD"

    /// `init(iso:)`, the inverse of `description`.
    public init?(_ description: String) { self.init(iso: description) }
}

// MARK: - Today

extension CivilDate {
    /// The civil date at `instant` in `timeZone`.
    ///
    /// "Today" for a forum in New York is New York's date, whatever zone the
    /// machine running cron is set to.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Today's date in `timeZone`.
    public static func today(in timeZone: TimeZone) -> CivilDate {
        CivilDate(Date(), in: timeZone)
    }
}
