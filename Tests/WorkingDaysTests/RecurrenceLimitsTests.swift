import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import WorkingDays

/// Rules that burn time without producing holidays: the work of expanding a
/// file's rules is bounded, not only the holidays they make.
@Suite("ICalendarReader recurrence work")
struct RecurrenceLimitsTests {
    /// A calendar covering years 1 to 9999 with `count` copies of `rule`.
    private func calendar(rule: String, count: Int) -> String {
        let event = ["BEGIN:VEVENT", "DTSTART;VALUE=DATE:00010101", "SUMMARY:M", "RRULE:" + rule, "END:VEVENT"]
        return
            ([
                "BEGIN:VCALENDAR",
                "X-IMRF-COVERAGE-START;VALUE=DATE:00010101",
                "X-IMRF-COVERAGE-END;VALUE=DATE:99991231",
            ] + Array(repeating: event, count: count).flatMap { $0 } + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    private func read(_ text: String) -> Result<HolidayCalendar, ICalendarError> {
        Result { () throws(ICalendarError) in try ICalendarReader.read(text, name: "t", path: "t.ics") }
    }

    /// February 30th never comes: no holiday, but every year of every rule
    /// was once looked at. Refused at the event where the work runs out.
    // A hang (the bug) fails at the time limit; the refusal itself is instant.
    @Test(.timeLimit(.minutes(1))) func rulesThatNeverMatchRunOutOfWork() throws {
        let result = read(calendar(rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", count: 2_000))
        guard case .failure(let error) = result, case .tooLarge(let what, let limit) = error.code else {
            Issue.record("got \(result)")
            return
        }
        #expect(what == "the work of expanding recurrence rules")
        #expect(limit == "500,000 dates examined")
        let perEvent = ICalendarReader.Limits.ruleDates / 9_999
        // Line 4 is the first event; each event is 5 lines.
        #expect(error.location.line == 4 + 5 * perEvent)
        #expect(error.diagnostics.description.contains("t.ics:\(error.location.line): error:"))
    }

    /// The positions of a weekday in a month or a year, found by arithmetic:
    /// the same days as a walk over the span (every ordinal, every weekday).
    @Test func weekdayPositionsMatchAWalk() throws {
        for year in [2022, 2024, 2026, 2100] {
            for ordinal in [1, 2, 4, 5, 53, -1, -4, -5, -53] {
                for weekday in Weekday.allCases {
                    for month in [nil, 2, 5, 12] as [Int?] {
                        if month != nil, abs(ordinal) > 5 { continue }
                        var parts = ["FREQ=YEARLY", "BYDAY=\(ordinal)\(weekday.icalCode)"]
                        if let month { parts.append("BYMONTH=\(month)") }
                        let rule = try RecurrenceRule(parsing: parts.joined(separator: ";"))
                        let from = CivilDate(year: year, month: 1, day: 1)!
                        let through = CivilDate(year: year, month: 12, day: 31)!
                        var budget = 1_000
                        let found = try rule.occurrences(from: from, through: through, budget: &budget).dropFirst()
                        // The walk: every such weekday of the span, counted from either end.
                        let first = CivilDate(year: year, month: month ?? 1, day: 1)!
                        let last = CivilDate(year: year, month: month ?? 12, day: CivilDate.daysInMonth(year: year, month: month ?? 12))!
                        let days = (0...first.days(to: last)).map { first.adding(days: $0) }.filter { $0.weekday == weekday }
                        let index = ordinal > 0 ? ordinal - 1 : days.count + ordinal
                        let expected = days.indices.contains(index) && days[index] != from ? [days[index]] : []
                        #expect(Array(found) == expected, "\(parts) in \(year)")
                    }
                }
            }
        }
    }

    /// A month has at most five of each weekday: a sixth or 53rd in a month
    /// never comes, so it is refused as written, at its line.
    @Test func aPositionNoMonthHasIsRefused() {
        let text = calendar(rule: "FREQ=YEARLY;BYMONTH=5;BYDAY=-6MO", count: 1)
        guard case .failure(let error) = read(text), case .unsupported(let what) = error.code else {
            Issue.record("accepted")
            return
        }
        #expect(what.contains("a month has at most 5"))
        #expect(error.location.line == 7)
        // Within a year, the 53rd Monday exists in some years.
        let year = calendar(rule: "FREQ=YEARLY;BYDAY=-53MO", count: 1)
        #expect((try? read(year).get())?.holidays.isEmpty == false)
    }

    /// The UN calendar reads, and far inside the budget.
    @Test func theUNCalendarReads() throws {
        let url = repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics")
        let calendar = try ICalendarReader.read(contentsOf: url)
        #expect(calendar.holidays.count > 50)
    }
}
