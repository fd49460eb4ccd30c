import Forum
import Foundation
public import WorkingDays

/// The deliverables as an RFC 5545 calendar that staff subscribe to in
/// Outlook or Google Calendar: one event a deliverable, with an alarm some
/// working days before it.
///
/// Timed deadlines are written in UTC (no VTIMEZONE needed, and every
/// program shows them in the reader's zone correctly); a deadline by the end
/// of a day is an all-day event on that day. The alarm's day is counted on
/// the forum's working-day calendar, which no calendar program can do, so
/// it is written as an absolute `TRIGGER;VALUE=DATE-TIME` (09:00 in the
/// forum's zone for all-day events). The output is byte-stable: UIDs are
/// derived from the edition and the deliverable, DTSTAMP is fixed, so a
/// subscription only changes when a deadline does.
public enum DeliverableCalendar {
    /// The local time an all-day deadline's alarm rings on its day.
    static let alarmTime = TimeOfDay(hour: 9, minute: 0)!

    public static func write(_ tracker: Tracker, alarmWorkingDays: Int) throws(WorkingDayError) -> String {
        let forum = tracker.forum
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:-//imrf//deliverables//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(ContentLine.escape("IMRF \(forum.edition) deliverables"))",
            "X-WR-CALDESC:\(ContentLine.escape("Deadlines of the \(forum.title), counted in working days of the calendar \(tracker.calendar.holidays.name)"))",
            "X-WR-TIMEZONE:\(forum.timeZone)",
        ]
        for deliverable in tracker.deliverables {
            let due = try tracker.due(deliverable.due)
            let alarmDay = try tracker.calendar.advance(due.date, by: -alarmWorkingDays, roll: alarmWorkingDays == 0 ? .preceding : nil)
            let alarm = tracker.clock.instant(alarmDay, due.time ?? alarmTime)
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uidPart(forum.edition))-\(uidPart(deliverable.id))@imrf",
                "DTSTAMP:19700101T000000Z",
            ]
            if due.time == nil {
                lines.append("DTSTART;VALUE=DATE:\(due.date.basic)")
                lines.append("DTEND;VALUE=DATE:\(due.date.adding(days: 1).basic)")
            } else {
                lines.append("DTSTART:\(utc(due.instant))")
            }
            lines += [
                "SUMMARY:\(ContentLine.escape("Due: \(deliverable.title) (\(deliverable.id))"))",
                "DESCRIPTION:\(ContentLine.escape(description(deliverable, due: due, tracker: tracker)))",
                "CATEGORIES:IMRF",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(ContentLine.escape("\(deliverable.title) due \(due.short) (\(alarmWorkingDays) working day\(alarmWorkingDays == 1 ? "" : "s") left)"))",
                "TRIGGER;VALUE=DATE-TIME:\(utc(alarm))",
                "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.fold).joined()
    }

    /// The rule, the date it gives and the working behind it.
    static func description(_ deliverable: Deliverable, due: DueMoment, tracker: Tracker) -> String {
        var text = "Rule: \(deliverable.due). Due \(due.date.long)"
        text += due.time.map { " at \($0) \(tracker.forum.timeZone) time." } ?? " (by the end of the day, \(tracker.forum.timeZone))."
        if let explanation = due.explanation {
            text +=
                "\n\(abs(explanation.workingDays)) working days \(explanation.workingDays < 0 ? "before" : "after") \(explanation.from.long), calendar \(explanation.calendar)"
            if explanation.skipped.isEmpty {
                text += "; no day skipped."
            } else {
                text += "; skipped: " + explanation.skipped.map { "\($0.date.short) (\($0.reason))" }.joined(separator: ", ") + "."
            }
            for holiday in explanation.dependsOnTentative {
                text += "\nDepends on a tentative holiday: \(holiday.name) on \(holiday.date.long); if it moves, so may this date."
            }
        }
        return text
    }

    /// Keeps UIDs to letters, digits and `-`, whatever an id contains.
    static func uidPart(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") ? Character($0) : "_" })
    }

    /// `20260505T140000Z`.
    static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.basic)T\(pad(rest / 3600))\(pad(rest % 3600 / 60))\(pad(rest % 60))Z"
    }
}
