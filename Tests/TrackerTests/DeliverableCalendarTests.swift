import Forum
import Foundation
import Ledger
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
        #expect(unfolded.contains("Mon 30 May 2022: Memorial Day (tentative)"))
        #expect(unfolded.contains("2022 is projected: the circular for 2022 is not published\\; the deadline may move."))
    }

    static func events(_ text: String) -> [[String]] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        var result: [[String]] = []
        for line in unfolded {
            if line == "BEGIN:VEVENT" { result.append([]) }
            if !result.isEmpty, !(result.last!.last == "END:VEVENT") { result[result.count - 1].append(line) }
        }
        return result
    }

    @Test("a deliverable done shows as done, without its alarm; the others keep theirs")
    func doneWithoutAlarm() throws {
        let tracker = try Fixtures.tracker(.second)
        let distributed = LedgerEntry(
            id: 4, at: Fixtures.utc("2026-05-21T20:30:00Z"),
            event: .distribution(DistributionRecord(deliverable: "pga-summaries", reference: "A/80/123")))
        let evidence = Evidence(noteSessions: [.hearing], ledger: LedgerFacts(latestDistributions: ["pga-summaries": distributed]))
        let events = Self.events(try DeliverableCalendar.write(tracker, alarmWorkingDays: 3, evidence: evidence))
        let pga = try #require(events.first { $0.contains("UID:2026-pga-summaries@imrf") })
        #expect(pga.contains { $0.hasPrefix("SUMMARY:Done: PGA summaries") })
        #expect(pga.contains { $0.hasPrefix("DESCRIPTION:Done: distributed Thu 21 May 2026 16:30\\, A/80/123.") })
        #expect(!pga.contains("BEGIN:VALARM"))
        let hearing = try #require(events.first { $0.contains("UID:2026-hearing-summary@imrf") })
        #expect(hearing.contains { $0.hasPrefix("SUMMARY:Done: Summary of the multistakeholder hearing") })
        let tables = try #require(events.first { $0.contains("UID:2026-round-table-summaries@imrf") })
        #expect(tables.contains("BEGIN:VALARM"))
        #expect(tables.contains { $0.hasPrefix("SUMMARY:Due: ") })
    }

    @Test("DTSTAMP is when it was written; LAST-MODIFIED and SEQUENCE move only when an input of that event does")
    func revisions() throws {
        let tracker = try Fixtures.tracker(.second)
        let inputs = Fixtures.utc("2026-04-01T12:00:00Z")
        let before = DeliverableCalendar.Revision(generated: Fixtures.utc("2026-05-01T08:00:00Z"), inputsModified: inputs)
        let empty = Self.events(try DeliverableCalendar.write(tracker, alarmWorkingDays: 3, revision: before))
        for event in empty {
            #expect(event.contains("DTSTAMP:20260501T080000Z"))
            #expect(event.contains("LAST-MODIFIED:20260401T120000Z"))
            // Minutes from 2020-01-01 to 2026-04-01 12:00 UTC.
            #expect(event.contains("SEQUENCE:\((2282 * 24 + 12) * 60)"))
        }
        let submitted = Evidence(ledger: LedgerFacts(latestSubmissions: ["round-table-2": Fixtures.utc("2026-05-02T15:00:00Z")]))
        let later = DeliverableCalendar.Revision(generated: Fixtures.utc("2026-05-03T08:00:00Z"), inputsModified: inputs)
        let after = Self.events(try DeliverableCalendar.write(tracker, alarmWorkingDays: 3, evidence: submitted, revision: later))
        let sequence = { (events: [[String]], uid: String) in
            events.first { $0.contains("UID:2026-\(uid)@imrf") }?.first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst(9)) } ?? -1
        }
        #expect(sequence(after, "round-table-summaries") > sequence(empty, "round-table-summaries"))
        #expect(sequence(after, "pga-summaries") > sequence(empty, "pga-summaries"))
        #expect(sequence(after, "hearing-summary") == sequence(empty, "hearing-summary"))
    }
}
