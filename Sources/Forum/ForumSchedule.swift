public import Diagnostics
public import WorkingDays

/// The forum's days against the calendar it counts in: each a working day at
/// Headquarters, inside the calendar's coverage, the hearing before the
/// forum and every session within it.
///
/// `imrf check` reports these as warnings at the line of forum.yaml (a
/// holiday moved by the circular should not stop a compile); `imrf init`
/// refuses a new forum with any of them.
public enum ForumSchedule {
    /// A day forum.yaml names, to say where it is.
    public enum Day: Sendable, Hashable {
        case hearing, start, end, policyDebate
        case roundTable(Int)
        case plenary(Int)

        var label: String {
            switch self {
            case .hearing: "the hearing"
            case .start: "the forum's first day"
            case .end: "the forum's last day"
            case .policyDebate: "the policy debate"
            case .roundTable(let number): "round table \(number)"
            case .plenary(let index): "plenary day \(index + 1)"
            }
        }
    }

    /// Every problem with the forum's days, each at `location(day)`.
    public static func problems(
        _ forum: Forum, calendar: WorkingDayCalendar, location: (Day) -> SourceLocation?
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let coverage = calendar.holidays.coverage
        var days: [(Day, CivilDate)] = [(.hearing, forum.hearing), (.start, forum.start), (.end, forum.end)]
        days += forum.roundTables.map { (.roundTable($0.number), $0.date) }
        days.append((.policyDebate, forum.policyDebate.date))
        days += forum.plenary.enumerated().map { (.plenary($0.offset), $0.element) }
        for (day, date) in days {
            guard coverage.contains(date) else {
                problems.append(
                    .warning(
                        "\(day.label), \(date.long), is outside calendar '\(calendar.holidays.name)' (it covers \(coverage.lowerBound.unStyle) to \(coverage.upperBound.unStyle))",
                        at: location(day), hint: "check the date, or extend the calendar ('imrf calendar project' or 'import')"))
                continue
            }
            if let reason = closed(date, calendar: calendar) {
                problems.append(
                    .warning(
                        "\(day.label), \(date.long), is not a working day at Headquarters (\(reason))", at: location(day),
                        hint: "the forum meets on working days: check the date"))
            }
        }
        if forum.hearing >= forum.start {
            problems.append(
                .warning(
                    "the hearing (\(forum.hearing.long)) is not before the forum (\(forum.start.long))", at: location(.hearing),
                    hint: "the multistakeholder hearing is held before the forum opens, usually the working day before"))
        }
        if forum.start <= forum.end {
            var day = forum.start
            while day < forum.end {
                day = day.adding(days: 1)
                if day < forum.end, coverage.contains(day), let reason = closed(day, calendar: calendar), !isWeekend(day) {
                    problems.append(
                        .warning(
                            "the forum's days are not consecutive working days: \(day.long) between them is a day off (\(reason))",
                            at: location(.start)))
                }
            }
        }
        var sessions: [(Day, CivilDate)] = forum.roundTables.map { (.roundTable($0.number), $0.date) }
        sessions.append((.policyDebate, forum.policyDebate.date))
        sessions += forum.plenary.enumerated().map { (.plenary($0.offset), $0.element) }
        for (day, date) in sessions where !(forum.start...max(forum.start, forum.end)).contains(date) {
            problems.append(
                .warning(
                    "\(day.label), \(date.long), is not one of the forum's days (\(forum.start.long) to \(forum.end.long))",
                    at: location(day)))
        }
        return problems
    }

    /// Why `date` is no working day ("Saturday", "Memorial Day"), or nil.
    static func closed(_ date: CivilDate, calendar: WorkingDayCalendar) -> String? {
        guard (try? calendar.isWorkingDay(date)) == false else { return nil }
        let holidays = calendar.holidays.holidays(on: date)
        return holidays.isEmpty ? date.weekday.name : holidays.map(\.name).joined(separator: ", ")
    }

    static func isWeekend(_ date: CivilDate) -> Bool { date.weekday >= .saturday }
}
