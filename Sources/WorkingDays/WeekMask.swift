import Foundation

/// Which days of the week are working days, stated explicitly.
///
/// Weekends differ between duty stations (Friday-Saturday in some), and the
/// machine's locale must never decide them (`Calendar.isDateInWeekend`
/// does), so every `WorkingDayCalendar` carries one of these.
///
/// `description` is canonical and always parses back to the same mask, so
/// a mask can be written to a file and read again.
public struct WeekMask: Sendable, Hashable {
    /// Bit `rawValue - 1` set for each working weekday (Monday is bit 0).
    private let bits: UInt8

    /// Monday to Friday, UN Headquarters' working week and the default.
    public static let mondayToFriday = WeekMask(workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday])

    /// A mask with exactly `workingDays`; an empty set is allowed here and
    /// rejected by the calculations, which report `emptyWeekMask`.
    public init(workingDays: Set<Weekday>) {
        bits = workingDays.reduce(0) { $0 | (1 << UInt8($1.rawValue - 1)) }
    }

    /// Parses the forms people and other tools write:
    ///
    /// - ranges of day names, wrapping round the week: `Mon-Fri`, `Sun-Thu`;
    /// - lists, which may mix with ranges: `Mon,Tue,Wed`, `Mon-Wed, Fri`;
    /// - numpy's `busday` form, seven `0`/`1` digits from Monday: `1111100`.
    ///
    /// Day names are three-letter abbreviations or full English names, in any
    /// case. Returns nil for anything else rather than guessing, because a
    /// wrong week mask silently moves every deadline.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 7, trimmed.allSatisfy({ $0 == "0" || $0 == "1" }) {
            var days = Set<Weekday>()
            for (index, character) in trimmed.enumerated() where character == "1" {
                days.insert(Weekday(rawValue: index + 1)!)
            }
            self.init(workingDays: days)
            return
        }
        var days = Set<Weekday>()
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            switch ends.count {
            case 1:
                guard let day = WeekMask.weekday(named: ends[0]) else { return nil }
                days.insert(day)
            case 2:
                guard let first = WeekMask.weekday(named: ends[0]), let last = WeekMask.weekday(named: ends[1])
                else { return nil }
                var day = first
                days.insert(day)
                while day != last {
                    day = Weekday(rawValue: day.rawValue % 7 + 1)!
                    days.insert(day)
                }
            default:
                return nil
            }
        }
        self.init(workingDays: days)
    }

    private static func weekday(named text: Substring) -> Weekday? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        return Weekday.allCases.first { day in
            let full = day.name.lowercased()
            return name == full || name == String(full.prefix(3))
        }
    }

    public func isWorking(_ day: Weekday) -> Bool {
        bits & (1 << UInt8(day.rawValue - 1)) != 0
    }

    /// The working weekdays, Monday first.
    public var workingDays: [Weekday] { Weekday.allCases.filter(isWorking) }

    /// True when no day is a working day, which no calculation accepts.
    public var isEmpty: Bool { bits == 0 }
}

extension WeekMask: CustomStringConvertible {
    /// `Mon-Fri` or `Sun-Thu` for one run of days (wrapping round the week),
    /// `Mon,Wed,Fri` otherwise, `Mon-Sun` for every day and `0000000` for
    /// none; each parses back to the same mask.
    public var description: String {
        let working = workingDays
        if working.isEmpty { return "0000000" }
        if working.count == 7 { return "Mon-Sun" }
        func abbreviation(_ day: Weekday) -> String { String(day.name.prefix(3)) }
        func next(_ day: Weekday) -> Weekday { Weekday(rawValue: day.rawValue % 7 + 1)! }
        func previous(_ day: Weekday) -> Weekday { Weekday(rawValue: (day.rawValue + 5) % 7 + 1)! }
        // A single run starts at the one working day whose predecessor is not working.
        let starts = working.filter { !isWorking(previous($0)) }
        if starts.count == 1, working.count >= 2 {
            var last = starts[0]
            while isWorking(next(last)) { last = next(last) }
            return "\(abbreviation(starts[0]))-\(abbreviation(last))"
        }
        return working.map(abbreviation).joined(separator: ",")
    }
}

/// Encodes as `description` (`"Mon-Fri"`), readable in JSON and files.
extension WeekMask: CodableAsText {
    public static let textForm = "a week mask such as Mon-Fri or 1111100"

    /// `init(parsing:)`, which reads `description` back.
    public init?(_ description: String) { self.init(parsing: description) }
}
