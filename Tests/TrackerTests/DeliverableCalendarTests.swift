import Forum
import Foundation
import Testing
import Tracker

/// The structure of `imrf ics` output; the end-to-end suite has Python's
/// icalendar parse it.
@Suite struct DeliverableCalendarTests {
    @Test func oneEventWithAnAbsoluteAlarmPerDeliverable() throws {
        let text = try DeliverableCalendar.write(try Fixtures.tracker(.second), alarmWorkingDays: 3)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(unfolded.filter { $0 == "BEGIN:VALARM" }.count == 3)
        #expect(unfolded.contains("UID:2026-pga-summaries@imrf"))
        #expect(unfolded.contains("DTSTART:20260505T140000Z"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260522"))
        // 3 working days before Fri 22 May: Tue 19 May, 09:00 in New York.
        #expect(unfolded.contains("TRIGGER;VALUE=DATE-TIME:20260519T130000Z"))
        // 3 working days before Tue 5 May 10:00: Thu 30 April 10:00.
        #expect(unfolded.contains("TRIGGER;VALUE=DATE-TIME:20260430T140000Z"))
    }

    @Test func isTheSameBytesEveryTime() throws {
        let tracker = try Fixtures.tracker(.first)
        #expect(try DeliverableCalendar.write(tracker, alarmWorkingDays: 2) == DeliverableCalendar.write(tracker, alarmWorkingDays: 2))
    }

    @Test func theDescriptionNamesTheSkippedHoliday() throws {
        let text = try DeliverableCalendar.write(try Fixtures.tracker(.first), alarmWorkingDays: 3)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Mon 30 May 2022 (Memorial Day)"))
    }
}
