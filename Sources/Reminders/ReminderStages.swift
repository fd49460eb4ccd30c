import Forum
public import WorkingDays

/// When each stage of `reminders.stages` falls for one due date: stage `s`
/// is `s` working days before the due date (0: the due date itself; -1: the
/// first working day after it).
public struct ReminderStages: Sendable {
    public let stages: [Int]
    public let calendar: WorkingDayCalendar

    public init(stages: [Int], calendar: WorkingDayCalendar) {
        self.stages = stages
        self.calendar = calendar
    }

    /// The day stage `stage` falls on for a deliverable due on `due`.
    public func date(of stage: Int, due: CivilDate) throws(WorkingDayError) -> CivilDate {
        stage == 0 ? due : try calendar.advance(due, by: -stage)
    }

    /// The latest stage whose day is `today` or earlier: the one reminder
    /// that is due now (earlier stages missed because cron did not run are
    /// not sent late on top of it); nil before the first stage.
    public func latestReached(today: CivilDate, due: CivilDate) throws(WorkingDayError) -> Int? {
        var latest: (stage: Int, date: CivilDate)?
        for stage in stages {
            let day = try date(of: stage, due: due)
            if day <= today, latest.map({ day > $0.date }) ?? true { latest = (stage, day) }
        }
        return latest?.stage
    }
}
