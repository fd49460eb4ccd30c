/// The subset of an RFC 5545 `RRULE` that holiday calendars need: yearly
/// rules such as "last Monday of May" (`FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO`).
///
/// Anything else that would change which days are produced (other
/// frequencies, `BYSETPOS`, `BYWEEKNO`, `BYYEARDAY`, times) is refused when
/// parsing, because a rule understood wrongly moves a deadline silently.
struct RecurrenceRule: Sendable, Equatable {
    struct WeekdayRule: Sendable, Equatable {
        /// nil for every such weekday; 1 for the first, -1 for the last.
        var ordinal: Int?
        var weekday: Weekday
    }

    enum ParseError: Error, Equatable {
        case unsupported(String)
        case invalid
    }

    /// The expansion ran out of its budget of dates to examine.
    struct BudgetExhausted: Error, Equatable {}

    var interval = 1
    var until: CivilDate?
    var count: Int?
    var byMonth: [Int] = []
    var byMonthDay: [Int] = []
    var byDay: [WeekdayRule] = []

    init(parsing text: String) throws(ParseError) {
        var frequency: String?
        var seen = Set<String>()
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[1].isEmpty else { throw .invalid }
            let key = pieces[0].uppercased()
            let value = pieces[1].uppercased()
            guard seen.insert(key).inserted else { throw .invalid }
            switch key {
            case "FREQ": frequency = value
            case "INTERVAL":
                guard let n = Int(value), (1...9999).contains(n) else { throw .invalid }
                interval = n
            case "COUNT":
                guard let n = Int(value), n >= 1 else { throw .invalid }
                count = n
            case "UNTIL":
                if value.contains("T") { throw .unsupported("UNTIL with a time (use the date form YYYYMMDD)") }
                guard let date = CivilDate(basic: value) else { throw .invalid }
                until = date
            case "BYMONTH":
                byMonth = try Self.numbers(value, in: 1...12, allowNegative: false)
            case "BYMONTHDAY":
                byMonthDay = try Self.numbers(value, in: 1...31, allowNegative: true)
            case "BYDAY":
                byDay = try value.split(separator: ",", omittingEmptySubsequences: false).map { item throws(ParseError) in
                    try Self.weekdayRule(item)
                }
            case "WKST":
                // The week start only matters with BYWEEKNO or weekly rules,
                // which are refused, so it cannot change any date here.
                guard Weekday(icalCode: value) != nil else { throw .invalid }
            case "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND":
                throw .unsupported("the recurrence rule part \(key)")
            default:
                throw .unsupported("the recurrence rule part \(key)")
            }
        }
        guard let frequency else { throw .invalid }
        guard frequency == "YEARLY" else {
            throw .unsupported("FREQ=\(frequency) (only FREQ=YEARLY rules are read)")
        }
        if count != nil, until != nil { throw .invalid }
        if !byMonthDay.isEmpty, byDay.contains(where: { $0.ordinal != nil }) {
            throw .unsupported("BYDAY with a position (like 2MO) together with BYMONTHDAY")
        }
        // With BYMONTH positions count within a month, which has at most five
        // of each weekday: a rule asking for a sixth would never give a day.
        if !byMonth.isEmpty, let far = byDay.first(where: { abs($0.ordinal ?? 0) > 5 }) {
            throw .unsupported("BYDAY=\(far.ordinal!)\(far.weekday.icalCode) with BYMONTH: a month has at most 5 of each weekday")
        }
    }

    private static func numbers(_ value: String, in range: ClosedRange<Int>, allowNegative: Bool) throws(ParseError) -> [Int] {
        try value.split(separator: ",", omittingEmptySubsequences: false).map { item throws(ParseError) in
            guard let n = Int(item), range.contains(abs(n)), n > 0 || allowNegative else { throw .invalid }
            return n
        }
    }

    private static func weekdayRule(_ item: Substring) throws(ParseError) -> WeekdayRule {
        guard item.count >= 2, let weekday = Weekday(icalCode: item.suffix(2)) else { throw .invalid }
        let prefix = item.dropLast(2)
        if prefix.isEmpty { return WeekdayRule(ordinal: nil, weekday: weekday) }
        // Int("+2") parses; "4TH" has already had its "TH" taken as the weekday.
        guard let n = Int(prefix), n != 0, abs(n) <= 53 else { throw .invalid }
        return WeekdayRule(ordinal: n, weekday: weekday)
    }

    /// Start dates of the recurrence set from `start` (always the first
    /// instance, as RFC 5545 says) up to `limit` inclusive. Without COUNT,
    /// years before `lower` are skipped, not computed; with COUNT, instances
    /// before it still use the count up, so those years are computed.
    ///
    /// Each year computed spends from `budget` the dates it examines (at
    /// least one), whether or not they become instances: a rule that never
    /// matches still costs its years. Throws when the budget runs out, so no
    /// file of rules can keep the reader busy for long.
    func occurrences(
        from start: CivilDate, through limit: CivilDate, skippingBefore lower: CivilDate? = nil, budget: inout Int
    ) throws(BudgetExhausted) -> [CivilDate] {
        let last = min(limit, until ?? limit)
        guard start <= last else { return [] }
        var result = [start]
        var year = start.year
        let months = months(start: start)
        let examined = max(1, examinedPerYear)
        if count == nil, let lower, lower.year > year {
            year += (lower.year - year) / interval * interval
        }
        while year <= last.year {
            if let count, result.count >= count { break }
            budget -= examined
            guard budget >= 0 else { throw BudgetExhausted() }
            for date in dates(inYear: year, months: months, start: start) where date > start && date <= last {
                if let count, result.count >= count { break }
                result.append(date)
            }
            year += interval
        }
        return result
    }

    /// The months a year's dates are looked for in.
    private func months(start: CivilDate) -> [Int] {
        byMonth.isEmpty ? (byMonthDay.isEmpty && byDay.isEmpty ? [start.month] : Array(1...12)) : byMonth
    }

    /// How many dates `dates(inYear:months:start:)` examines, at most: a bound that
    /// does not depend on the year, so it can be spent before the work.
    private var examinedPerYear: Int {
        let months = byMonth.isEmpty ? 12 : byMonth.count
        if !byMonthDay.isEmpty { return months * byMonthDay.count }
        if !byDay.isEmpty {
            // Every such weekday of a span (53 in a year, 5 in a month), or one for a position.
            let spans = byMonth.isEmpty ? 1 : byMonth.count
            let perWeekday = byMonth.isEmpty ? 53 : 5
            return spans * byDay.reduce(0) { $0 + ($1.ordinal == nil ? perWeekday : 1) }
        }
        return months
    }

    /// The dates of the rule in `year`, sorted, each once.
    private func dates(inYear year: Int, months: [Int], start: CivilDate) -> [CivilDate] {
        var found: [CivilDate] = []
        if !byMonthDay.isEmpty {
            for month in months {
                let length = CivilDate.daysInMonth(year: year, month: month)
                for monthDay in byMonthDay {
                    let day = monthDay > 0 ? monthDay : length + 1 + monthDay
                    guard let date = CivilDate(year: year, month: month, day: day) else { continue }
                    if byDay.isEmpty || byDay.contains(where: { $0.weekday == date.weekday }) { found.append(date) }
                }
            }
        } else if !byDay.isEmpty {
            // With BYMONTH the positions count within each month, without it
            // within the year (RFC 5545 3.3.10).
            let spans: [(CivilDate, CivilDate)]
            if byMonth.isEmpty {
                spans = [(CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year, month: 12, day: 31)!)]
            } else {
                spans = months.map { month in
                    (
                        CivilDate(year: year, month: month, day: 1)!,
                        CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
                    )
                }
            }
            for (first, lastDay) in spans {
                for rule in byDay {
                    // The span's first and last such weekday, and how many there are.
                    let earliest = first.adding(days: (rule.weekday.rawValue - first.weekday.rawValue + 7) % 7)
                    let latest = lastDay.adding(days: -((lastDay.weekday.rawValue - rule.weekday.rawValue + 7) % 7))
                    let count = earliest.days(to: latest) / 7 + 1
                    if let ordinal = rule.ordinal {
                        guard abs(ordinal) <= count else { continue }
                        found.append(ordinal > 0 ? earliest.adding(days: 7 * (ordinal - 1)) : latest.adding(days: 7 * (ordinal + 1)))
                    } else {
                        for index in 0..<count { found.append(earliest.adding(days: 7 * index)) }
                    }
                }
            }
        } else {
            for month in months {
                if let date = CivilDate(year: year, month: month, day: start.day) { found.append(date) }
            }
        }
        guard found.count > 1 else { return found }
        found.sort()
        // Two BYDAY or BYMONTHDAY entries may name the same day.
        var unique: [CivilDate] = []
        for date in found where unique.last != date { unique.append(date) }
        return unique
    }
}
