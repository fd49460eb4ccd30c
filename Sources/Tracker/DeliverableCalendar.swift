import Forum
public import Foundation
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
/// forum's zone for all-day events). UIDs are derived from the edition and
/// the deliverable. A deliverable done shows as done, without its alarm.
///
/// So that a subscribed calendar picks up a change, each event has
/// `LAST-MODIFIED`, the latest of what it was computed from (forum.yaml, the
/// holiday calendar, the notes folder, the ledger entries that moved it), and
/// a `SEQUENCE` that grows with it (its minutes since 2020): both stay the
/// same, whenever the file is written, until an input changes. `DTSTAMP` is
/// when the file was written.
public enum DeliverableCalendar {
    /// What dates the events: when the file is written, and when its inputs
    /// outside the ledger last changed.
    public struct Revision: Sendable {
        public var generated: Date
        /// The latest modification of forum.yaml, the holiday calendar file and the notes folder; nil: unknown.
        public var inputsModified: Date?

        public init(generated: Date, inputsModified: Date?) {
            self.generated = generated
            self.inputsModified = inputsModified
        }
    }

    /// SEQUENCE counts minutes from here: small numbers, growing with every change.
    static let sequenceEpoch = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01T00:00:00Z

    /// The local time an all-day deadline's alarm rings on its day.
    static let alarmTime = TimeOfDay(hour: 9, minute: 0)!

    public static func write(
        _ tracker: Tracker, alarmWorkingDays: Int, evidence: Evidence = Evidence(),
        revision: Revision = Revision(generated: Date(timeIntervalSince1970: 0), inputsModified: nil)
    ) throws(WorkingDayError) -> String {
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
            let kind = DeliverableKind(id: deliverable.id)
            let (state, detail) = Tracker.state(of: deliverable, kind: kind, evidence: evidence, clock: tracker.clock)
            let done = state >= kind.finalState
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uidPart(forum.edition))-\(uidPart(deliverable.id))@imrf",
                "DTSTAMP:\(utc(revision.generated))",
            ]
            if let modified = lastModified(deliverable, kind: kind, evidence: evidence, inputs: revision.inputsModified) {
                lines.append("LAST-MODIFIED:\(utc(modified))")
                lines.append("SEQUENCE:\(max(0, Int(modified.timeIntervalSince(sequenceEpoch) / 60)))")
            }
            if due.time == nil {
                lines.append("DTSTART;VALUE=DATE:\(due.date.basic)")
                lines.append("DTEND;VALUE=DATE:\(due.date.adding(days: 1).basic)")
            } else {
                lines.append("DTSTART:\(utc(due.instant))")
            }
            let summary = "\(done ? "Done" : "Due"): \(deliverable.title) (\(deliverable.id))"
            let doneWords = done ? "Done: \(detail ?? state.rawValue).\n" : ""
            lines += [
                "SUMMARY:\(ContentLine.escape(summary))",
                "DESCRIPTION:\(ContentLine.escape(doneWords + description(deliverable, due: due, tracker: tracker)))",
                "CATEGORIES:IMRF",
                "TRANSP:TRANSPARENT",
            ]
            if done {
                lines.append("END:VEVENT")
                continue
            }
            lines += [
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

    /// The latest of `inputs` and the ledger entries that decide the
    /// deliverable's state: its distribution, its sessions' submissions,
    /// and for the summaries the current compile and upload.
    static func lastModified(_ deliverable: Deliverable, kind: DeliverableKind, evidence: Evidence, inputs: Date?) -> Date? {
        var times: [Date] = inputs.map { [$0] } ?? []
        let ledger = evidence.ledger
        if let distribution = ledger.latestDistributions[deliverable.id] { times.append(distribution.at) }
        switch kind {
        case .notes(let sessions):
            times += sessions.compactMap { ledger.latestSubmissions[$0.rawValue] }
        case .summary:
            times += Array(ledger.latestSubmissions.values)
            times += [ledger.currentCompile?.at, ledger.currentUpload?.at].compactMap { $0 }
        case .office:
            break
        }
        return times.max()
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
                text += "; skipped: " + explanation.skipped.map { "\($0.date.short): \($0.reason)" }.joined(separator: "; ") + "."
            }
            for holiday in explanation.dependsOnTentative {
                text += "\nDepends on a tentative holiday: \(holiday.name) on \(holiday.date.long); if it moves, so may this date."
            }
            if !explanation.projectedYears.isEmpty {
                text += "\n" + CalendarYear.projectedNote(explanation.projectedYears) + "."
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
