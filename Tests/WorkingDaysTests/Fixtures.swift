import WorkingDays

/// Test calendars built in code, so the engine's tests do not depend on the
/// iCalendar reader. Dates follow the UN Headquarters lists for 2022 and 2026
/// (lunar holidays of 2026 marked tentative, as the Secretariat publishes
/// them); the other covered years carry only the holidays a test needs.
enum Fixtures {
    static func date(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso: iso) else { preconditionFailure("bad fixture date \(iso)") }
        return date
    }

    static let unHolidays: [Holiday] = [
        // 2022
        Holiday(date: date("2022-01-17"), name: "Martin Luther King Jr. Day"),
        Holiday(date: date("2022-04-15"), name: "Good Friday"),
        Holiday(date: date("2022-05-02"), name: "Eid al-Fitr"),
        Holiday(date: date("2022-05-30"), name: "Memorial Day"),
        Holiday(date: date("2022-07-04"), name: "Independence Day"),
        Holiday(date: date("2022-07-11"), name: "Eid al-Adha"),
        Holiday(date: date("2022-09-05"), name: "Labour Day"),
        Holiday(date: date("2022-10-24"), name: "Deepavali"),
        Holiday(date: date("2022-11-24"), name: "Thanksgiving Day"),
        Holiday(date: date("2022-12-26"), name: "Christmas Day"),
        // 2023
        Holiday(date: date("2023-01-02"), name: "New Year's Day"),
        // 2026
        Holiday(date: date("2026-01-01"), name: "New Year's Day"),
        Holiday(date: date("2026-01-19"), name: "Martin Luther King Jr. Day"),
        Holiday(date: date("2026-03-20"), name: "Eid al-Fitr", status: .tentative),
        Holiday(date: date("2026-04-03"), name: "Good Friday"),
        Holiday(date: date("2026-05-25"), name: "Memorial Day"),
        Holiday(date: date("2026-05-27"), name: "Eid al-Adha", status: .tentative),
        Holiday(date: date("2026-07-03"), name: "Independence Day"),
        Holiday(date: date("2026-09-07"), name: "Labour Day"),
        Holiday(date: date("2026-11-26"), name: "Thanksgiving Day"),
        Holiday(date: date("2026-12-25"), name: "Christmas Day"),
        // 2027
        Holiday(date: date("2027-12-24"), name: "Christmas Day"),
    ]

    static let unCoverage = date("2022-01-01")...date("2027-12-31")

    static let unNewYork = HolidayCalendar(name: "un-new-york", coverage: unCoverage, holidays: unHolidays)

    static let un = WorkingDayCalendar(unNewYork)
}

/// The obvious day-by-day implementation of the semantics (README,
/// "Working-day semantics"), written independently of the rank/select index
/// so the two can be compared.
struct NaiveCalendar {
    let holidays: Set<CivilDate>
    let coverage: ClosedRange<CivilDate>
    let name: String
    let mask: WeekMask

    init(_ calendar: HolidayCalendar, mask: WeekMask = .mondayToFriday) {
        holidays = Set(calendar.holidays.map(\.date))
        coverage = calendar.coverage
        name = calendar.name
        self.mask = mask
    }

    func outside(_ date: CivilDate) -> WorkingDayError {
        WorkingDayError(.outsideCoverage(date: date, calendar: name, coverage: coverage))
    }

    func isWorking(_ date: CivilDate) throws(WorkingDayError) -> Bool {
        if mask.workingDays.isEmpty { throw WorkingDayError(.emptyWeekMask) }
        guard coverage.contains(date) else { throw outside(date) }
        return mask.isWorking(date.weekday) && !holidays.contains(date)
    }

    func advance(_ date: CivilDate, by n: Int) throws(WorkingDayError) -> CivilDate {
        _ = try isWorking(date)
        if n == 0 {
            guard try isWorking(date) else { throw WorkingDayError(.notAWorkingDay(date)) }
            return date
        }
        let step = n > 0 ? 1 : -1
        var current = date
        var remaining = abs(n)
        while remaining > 0 {
            current = current.adding(days: step)
            if try isWorking(current) { remaining -= 1 }
        }
        return current
    }

    func count(from: CivilDate, to: CivilDate) throws(WorkingDayError) -> Int {
        if to < from { return -(try count(from: to, to: from)) }
        var total = 0
        var current = from
        while current < to {
            if try isWorking(current) { total += 1 }
            current = current.adding(days: 1)
        }
        return total
    }

    func roll(_ date: CivilDate, _ convention: RollConvention) throws(WorkingDayError) -> CivilDate {
        switch convention {
        case .following:
            var current = date
            while !(try isWorking(current)) { current = current.adding(days: 1) }
            return current
        case .preceding:
            var current = date
            while !(try isWorking(current)) { current = current.adding(days: -1) }
            return current
        case .modifiedFollowing:
            // Walk forwards only to the end of the month, then backwards.
            var current = date
            while current.month == date.month {
                if try isWorking(current) { return current }
                current = current.adding(days: 1)
            }
            return try roll(date, .preceding)
        }
    }
}
