/// Working-day arithmetic on one holiday calendar and week mask: the engine
/// behind every deadline imrf states.
///
/// Semantics (README, "Working-day semantics"): a working day is a day of
/// the week mask that is not a holiday. `advance(D, N)` never counts `D`
/// itself (QuantLib `advance`, Excel `WORKDAY`); `count` is half-open. Any
/// calculation that needs a day outside `holidays.coverage` fails with
/// `outsideCoverage` instead of assuming only weekends are closed there.
///
/// Initialisation builds a rank/select index over the coverage once, so each
/// query is O(1) however far it reaches (a 2,000-day span costs the same as
/// one day), and no query loops day by day.
public struct WorkingDayCalendar: Sendable {
    public let holidays: HolidayCalendar
    public let weekMask: WeekMask

    /// Day number of `holidays.coverage.lowerBound`; offsets below count from it.
    private let start: Int
    /// `rank[i]`: working days in `[start, start + i)`; `rank.count` is the
    /// number of covered days plus one.
    private let rank: [Int32]
    /// `select[k]`: offset of the k-th (0-based) working day of the coverage.
    private let select: [Int32]
    /// Holidays by offset, for explanations; only covered dates.
    private let holidaysByOffset: [Int: [Holiday]]

    /// Builds the one-time index over `holidays.coverage` (linear in the
    /// number of covered days). Holidays outside the coverage are ignored.
    public init(_ holidays: HolidayCalendar, weekMask: WeekMask = .mondayToFriday) {
        self.holidays = holidays
        self.weekMask = weekMask
        let start = holidays.coverage.lowerBound.dayNumber
        let days = holidays.coverage.upperBound.dayNumber - start + 1
        var byOffset: [Int: [Holiday]] = [:]
        // One flag per day: the walk below asks each of up to 3.65 million
        // days (years 1 to 9999), and a flag costs less than a hash lookup.
        var isHoliday = [Bool](repeating: false, count: days)
        for holiday in holidays.holidays where holidays.coverage.contains(holiday.date) {
            byOffset[holiday.date.dayNumber - start, default: []].append(holiday)
            isHoliday[holiday.date.dayNumber - start] = true
        }
        var rank = [Int32](repeating: 0, count: days + 1)
        var select: [Int32] = []
        select.reserveCapacity(days)
        let firstWeekday = holidays.coverage.lowerBound.weekday.rawValue - 1  // 0 = Monday
        let workingWeekdays = Weekday.allCases.map(weekMask.isWorking)
        for offset in 0..<days {
            let working = workingWeekdays[(firstWeekday + offset) % 7] && !isHoliday[offset]
            if working { select.append(Int32(offset)) }
            rank[offset + 1] = Int32(select.count)
        }
        self.start = start
        self.rank = rank
        self.select = select
        self.holidaysByOffset = byOffset
    }

    // MARK: - Queries

    /// Whether `date` is a working day; `date` must be covered.
    public func isWorkingDay(_ date: CivilDate) throws(WorkingDayError) -> Bool {
        try checkMask()
        return isWorking(offset: try coveredOffset(of: date))
    }

    /// The `n`-th working day strictly after `date` (before it when `n` is
    /// negative); `date` itself is never counted, even when it is not a
    /// working day.
    ///
    /// When `n` is 0 the answer is `date` if it is a working day, otherwise
    /// `date` rolled by `roll`, or `notAWorkingDay` when no roll is given.
    /// For `n != 0` the roll is not applied: counting starts from `date`.
    /// Every day from `date` to the result must be covered.
    public func advance(_ date: CivilDate, by n: Int, roll: RollConvention? = nil) throws(WorkingDayError) -> CivilDate {
        try checkMask()
        let offset = try coveredOffset(of: date)
        if n == 0 {
            if isWorking(offset: offset) { return date }
            guard let roll else { throw WorkingDayError(.notAWorkingDay(date)) }
            return try self.roll(date, roll)
        }
        if n > 0 {
            let before = Int(rank[offset + 1])  // working days up to and including `date`
            guard n <= select.count - before else { throw outside(dayAfterCoverage) }
            return day(select[before + n - 1])
        } else {
            let before = Int(rank[offset])  // working days strictly before `date`
            guard n.magnitude <= before else { throw outside(dayBeforeCoverage) }
            return day(select[before + n])
        }
    }

    /// Working days in the half-open range `[from, to)`; when `to` is before
    /// `from`, `-count(from: to, to: from)`. An empty range is 0 and needs no
    /// coverage; otherwise every day of the range must be covered.
    public func count(from: CivilDate, to: CivilDate) throws(WorkingDayError) -> Int {
        try checkMask()
        if to < from { return -(try count(from: to, to: from)) }
        if to == from { return 0 }
        let first = try coveredOffset(of: from)
        let end = to.dayNumber - start  // exclusive
        guard end <= rank.count - 1 else { throw outside(dayAfterCoverage) }
        return Int(rank[end] - rank[first])
    }

    /// `date` moved onto a working day by `convention` (unchanged when it is
    /// one). Modified following only looks as far as the end of `date`'s
    /// month, so it can answer when the coverage ends with that month.
    public func roll(_ date: CivilDate, _ convention: RollConvention) throws(WorkingDayError) -> CivilDate {
        try checkMask()
        let offset = try coveredOffset(of: date)
        switch convention {
        case .following:
            return try following(offset)
        case .preceding:
            return try preceding(offset)
        case .modifiedFollowing:
            let next: CivilDate
            do {
                next = try following(offset)
            } catch {
                // No working day left in the coverage. If the coverage ends
                // with this month, `following` lands in a later month anyway.
                let end = holidays.coverage.upperBound
                guard end.year == date.year, end.month == date.month,
                    end.day == CivilDate.daysInMonth(year: end.year, month: end.month)
                else { throw error }
                return try preceding(offset)
            }
            if next.year == date.year, next.month == date.month { return next }
            return try preceding(offset)
        }
    }

    /// `advance(date, by: n, roll: roll)` with the days it skipped and the
    /// tentative holidays it depends on, so a person can check it.
    public func explainAdvance(_ date: CivilDate, by n: Int, roll: RollConvention? = nil) throws(WorkingDayError) -> DeadlineExplanation {
        let deadline = try advance(date, by: n, roll: roll)
        let from = date.dayNumber - start
        let to = deadline.dayNumber - start
        // Days strictly between `date` and the deadline; for a roll (n == 0)
        // `date` itself is what was skipped, so it is included.
        let low: Int
        let high: Int
        if n != 0 {
            (low, high) = (min(from, to) + 1, max(from, to) - 1)
        } else if to > from {
            (low, high) = (from, to - 1)  // rolled forwards
        } else if to < from {
            (low, high) = (to + 1, from)  // rolled backwards
        } else {
            (low, high) = (from + 1, from)  // a working day: nothing skipped
        }
        var skipped: [SkippedDay] = []
        for offset in stride(from: low, through: high, by: 1) where !isWorking(offset: offset) {
            skipped.append(skippedDay(offset))
        }
        return DeadlineExplanation(
            from: date, workingDays: n, deadline: deadline, calendar: holidays.name,
            skipped: skipped,
            dependsOnTentative: skipped.flatMap(\.holidays).filter { $0.status == .tentative },
            projectedYears: holidays.projectedYears(from: date, to: deadline))
    }

    // MARK: - Index helpers

    private func day(_ offset: Int32) -> CivilDate { CivilDate(dayNumber: start + Int(offset)) }

    private func isWorking(offset: Int) -> Bool { rank[offset + 1] != rank[offset] }

    private var dayAfterCoverage: CivilDate { holidays.coverage.upperBound.adding(days: 1) }
    private var dayBeforeCoverage: CivilDate { holidays.coverage.lowerBound.adding(days: -1) }

    private func outside(_ date: CivilDate) -> WorkingDayError {
        WorkingDayError(.outsideCoverage(date: date, calendar: holidays.name, coverage: holidays.coverage))
    }

    private func checkMask() throws(WorkingDayError) {
        if weekMask.isEmpty { throw WorkingDayError(.emptyWeekMask) }
    }

    private func coveredOffset(of date: CivilDate) throws(WorkingDayError) -> Int {
        guard holidays.coverage.contains(date) else { throw outside(date) }
        return date.dayNumber - start
    }

    private func following(_ offset: Int) throws(WorkingDayError) -> CivilDate {
        let before = Int(rank[offset])
        guard before < select.count else { throw outside(dayAfterCoverage) }
        return day(select[before])
    }

    private func preceding(_ offset: Int) throws(WorkingDayError) -> CivilDate {
        let upTo = Int(rank[offset + 1])
        guard upTo > 0 else { throw outside(dayBeforeCoverage) }
        return day(select[upTo - 1])
    }

    private func skippedDay(_ offset: Int) -> SkippedDay {
        let date = day(Int32(offset))
        let dayHolidays = holidaysByOffset[offset] ?? []
        var parts: [String] = weekMask.isWorking(date.weekday) ? [] : [date.weekday.name]
        parts += dayHolidays.map { $0.status == .tentative ? "\($0.name) (tentative)" : $0.name }
        return SkippedDay(date: date, reason: parts.joined(separator: ", "), holidays: dayHolidays)
    }
}
