import Foundation
import Storage
import WorkingDays

/// How a deadline reads, for people and for programs.
enum DeadlineText {
    /// "Monday 6 June 2022: 10 working days after Friday 20 May 2022; skipped 30 May 2022, Memorial Day".
    static func sentence(_ e: DeadlineExplanation, calendar: WorkingDayCalendar, explain: Bool) -> String {
        let days = abs(e.workingDays) == 1 ? "working day" : "working days"
        var text: String
        if e.workingDays == 0 {
            text =
                e.deadline == e.from
                ? "\(e.deadline.long): a working day"
                : "\(e.deadline.long): \(e.from.long) is not a working day"
        } else {
            let direction = e.workingDays > 0 ? "after" : "before"
            text = "\(e.deadline.long): \(abs(e.workingDays)) \(days) \(direction) \(e.from.long)"
        }
        let holidays = e.skipped.filter { !$0.holidays.isEmpty }
        if !holidays.isEmpty {
            text += "; skipped " + holidays.map { "\($0.date.unStyle), \($0.reason)" }.joined(separator: "; ")
        }
        if !e.dependsOnTentative.isEmpty {
            let names = e.dependsOnTentative.map { "\($0.name) (\($0.date.unStyle))" }.joined(separator: ", ")
            text += "\nnote: depends on tentative \(names): the deadline moves if the date is changed"
        }
        if !e.projectedYears.isEmpty {
            text += "\nnote: " + CalendarYear.projectedNote(e.projectedYears)
        }
        if explain {
            text +=
                "\ncalendar: \(calendar.holidays.name), covering \(calendar.holidays.coverage.lowerBound.unStyle) to \(calendar.holidays.coverage.upperBound.unStyle); working days: \(calendar.weekMask)"
            if e.skipped.isEmpty {
                text += "\nno day skipped"
            } else {
                for day in e.skipped {
                    text += "\n  skipped \(day.date.iso) \(day.date.weekday.name.prefix(3))  \(day.reason)"
                }
            }
        }
        return text
    }

    /// The DESIGN.md object: deadline, from, workingDays, calendar, skipped, dependsOnTentative.
    static func json(_ e: DeadlineExplanation) -> String {
        // Encoding plain strings, numbers and arrays cannot fail.
        try! JSONOutput.string(e)
    }
}
