import Foundation

/// The nine official holidays of UN Headquarters, New York, as a projected
/// year derives them before the Secretariat's circular fixes them.
///
/// The rule is the one the circulars show: the US date of seven holidays and
/// the Umm al-Qura date of both Eids; a holiday on a Saturday is observed on
/// the Friday, on a Sunday on the Monday, and an Eid that would fall on a day
/// already a holiday moves to the next working day (2020: Eid al-Fitr,
/// Sunday 24 May, was observed on Tuesday 26 May, after Memorial Day).
/// Every holiday it gives is tentative, its basis as its source.
public enum HeadquartersHolidays {
    /// The names as the calendar spells them, in the circular's order.
    public static let names = [
        "New Year's Day", "Good Friday", "Eid al-Fitr", "Memorial Day", "Independence Day", "Eid al-Adha", "Labour Day",
        "Thanksgiving Day", "Christmas Day",
    ]

    static let ruleSource =
        "rule: the US date of the holiday, observed on Friday when it falls on a Saturday and on Monday when it falls on a Sunday"

    /// The holidays observed in `year` (1900...2076, the range of Foundation's
    /// Umm al-Qura tables): nine, except where New Year's Day on a Saturday
    /// is observed on 31 December of the year before.
    public static func projected(year: Int) -> [Holiday] {
        var fixed: [Holiday] = []
        func rule(_ name: String, _ date: CivilDate) {
            fixed.append(Holiday(date: observed(date), name: name, status: .tentative, source: ruleSource))
        }
        rule("New Year's Day", CivilDate(year: year, month: 1, day: 1)!)
        rule("Good Friday", easter(year).adding(days: -2))
        rule("Memorial Day", last(.monday, year: year, month: 5))
        rule("Independence Day", CivilDate(year: year, month: 7, day: 4)!)
        rule("Labour Day", nth(1, .monday, year: year, month: 9))
        rule("Thanksgiving Day", nth(4, .thursday, year: year, month: 11))
        rule("Christmas Day", CivilDate(year: year, month: 12, day: 25)!)
        // New Year's Day on a Saturday is observed on 31 December of the year before.
        let nextNewYear = observed(CivilDate(year: year + 1, month: 1, day: 1)!)
        if nextNewYear.year == year {
            fixed.append(
                Holiday(
                    date: nextNewYear, name: "New Year's Day", status: .tentative,
                    source: ruleSource + "; this is New Year's Day \(year + 1), 1 January being a Saturday"))
        }
        var result = fixed.filter { $0.date.year == year }
        let taken = Set(result.map(\.date))
        for (name, month, day) in [("Eid al-Fitr", 10, 1), ("Eid al-Adha", 12, 10)] {
            guard let calculated = ummAlQura(month: month, day: day, gregorianYear: year) else { continue }
            var date = observed(calculated)
            while taken.contains(date) || date.weekday >= .saturday { date = date.adding(days: 1) }
            let moved = date == calculated ? "" : ", observed on \(date.long)"
            result.append(
                Holiday(
                    date: date, name: name, status: .tentative,
                    source:
                        "estimate: Umm al-Qura calendar, \(day) \(month == 10 ? "Shawwal" : "Dhu al-Hijjah") = \(calculated.long)\(moved); the Secretariat's information circular may move it by a day"
                ))
        }
        return result.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// Saturday to Friday, Sunday to Monday.
    static func observed(_ date: CivilDate) -> CivilDate {
        switch date.weekday {
        case .saturday: date.adding(days: -1)
        case .sunday: date.adding(days: 1)
        default: date
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian
    /// algorithm, Meeus/Jones/Butcher).
    static func easter(_ year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    static func nth(_ n: Int, _ weekday: Weekday, year: Int, month: Int) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    static func last(_ weekday: Weekday, year: Int, month: Int) -> CivilDate {
        let end = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
        let back = (end.weekday.rawValue - weekday.rawValue + 7) % 7
        return end.adding(days: -back)
    }

    /// The Gregorian date in `gregorianYear` of `day` of Hijri `month`, by
    /// the Umm al-Qura calendar (nil if it does not fall in that year; a
    /// Hijri year is 11 days shorter, so in some Gregorian years an Eid
    /// falls twice, and the first is taken: never the case 1900-2076).
    static func ummAlQura(month: Int, day: Int, gregorianYear: Int) -> CivilDate? {
        let utc = TimeZone(identifier: "UTC")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        var hijri = Calendar(identifier: .islamicUmmAlQura)
        hijri.timeZone = utc
        guard let january = gregorian.date(from: DateComponents(year: gregorianYear, month: 1, day: 1)) else { return nil }
        let first = hijri.component(.year, from: january)
        for hijriYear in first...(first + 1) {
            guard let instant = hijri.date(from: DateComponents(year: hijriYear, month: month, day: day)) else { continue }
            let date = CivilDate(instant, in: utc)
            if date.year == gregorianYear { return date }
        }
        return nil
    }
}
