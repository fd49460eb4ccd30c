import Foundation
import IMRFTestSupport
import Testing

/// Holiday calendars written to burn time: a megabyte of yearly rules over a
/// 9,999-year coverage is refused in about a second, at the event where the
/// work runs out, by every command that reads a calendar.
@Suite("hostile holiday calendars")
struct HostileCalendarTests {
    /// A calendar of years 1 to 9999 with 8,200 copies of `rule`, each
    /// event padded by a UID to fill 1 MiB, as in issue 15.
    static func megabyteOfRules(_ rule: String) -> String {
        let head = "BEGIN:VCALENDAR\r\nX-IMRF-COVERAGE-START;VALUE=DATE:00010101\r\nX-IMRF-COVERAGE-END;VALUE=DATE:99991231\r\n"
        let tail = "END:VCALENDAR\r\n"
        var event = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:00010101\r\nSUMMARY:M\r\nRRULE:\(rule)\r\nEND:VEVENT\r\n"
        let room = ((1 << 20) - head.utf8.count - tail.utf8.count) / 8_200 - event.utf8.count - "UID:\r\n".utf8.count
        event = event.replacingOccurrences(of: "END:VEVENT", with: "UID:" + String(repeating: "u", count: max(1, room)) + "\r\nEND:VEVENT")
        return head + String(repeating: event, count: 8_200) + tail
    }

    let cap = IMRFProcess.ResourceCap(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 20)

    /// February 30th never comes: no holiday is made, only work.
    @Test func rulesThatNeverMatchAreRefusedQuicklyByEveryCommand() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let calendars = temporary.url.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        let text = Self.megabyteOfRules("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
        #expect(text.utf8.count <= 1 << 20 && text.utf8.count > 1_000_000)
        try text.write(to: calendars.appendingPathComponent("un-new-york.ics"), atomically: true, encoding: .utf8)
        let file = "calendars/un-new-york.ics"
        // Each event is six lines from line 4: the work runs out at the 51st.
        let message = "un-new-york.ics:304: error: the work of expanding recurrence rules is over imrf's limit of 500,000 dates examined"
        let check = try IMRFProcess.run(["calendar", "check", file], cap: cap, directory: temporary.url)
        #expect(check.status == 65)
        #expect(check.stderr.contains(message), "\(check.stderr)")
        let deadline = try IMRFProcess.run(["deadline", "2022-05-20", "--calendar", file], cap: cap, directory: temporary.url)
        #expect(deadline.status == 65)
        #expect(deadline.stderr.contains(message), "\(deadline.stderr)")

        try IMRFProcess.initWorkspace(in: temporary.url, example: false)
        let status = try IMRFProcess.run(
            ["status", "ws", "--today", "2026-05-15"], cap: cap, directory: temporary.url,
            environment: ["IMRF_CALENDARS": calendars.path])
        #expect(status.status == 3)
        #expect(status.stdout.hasPrefix("IMRF UNKNOWN - "), "\(status.stdout)")
        #expect(
            status.stderr.contains(
                "un-new-york.ics:304: error: the work of expanding recurrence rules is over imrf's limit"), "\(status.stderr)")
    }

    /// The 53rd-from-last Monday of each year (issue 15's file): refused
    /// quickly too, whichever limit it meets first.
    @Test func theLastFiftyThirdMondayOfEveryYearIsRefusedQuickly() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let url = try temporary.write("rules.ics", Self.megabyteOfRules("FREQ=YEARLY;BYDAY=-53MO"))
        let check = try IMRFProcess.run(["calendar", "check", url.lastPathComponent], cap: cap, directory: temporary.url)
        #expect(check.status == 65)
        #expect(check.stderr.contains("rules.ics:"), "\(check.stderr)")
        #expect(check.stderr.contains("is over imrf's limit"), "\(check.stderr)")
    }

    /// Just inside every limit: 50 rules over 9,999 years, 88,000 holidays.
    /// Checking it looks at each covered year once, not at every holiday
    /// for every year.
    @Test func aCalendarJustInsideTheLimitsIsCheckedQuickly() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let text = Self.megabyteOfRules("FREQ=YEARLY;BYDAY=-53MO")
        let events = text.components(separatedBy: "BEGIN:VEVENT")
        let fifty = events.prefix(51).joined(separator: "BEGIN:VEVENT") + "END:VCALENDAR\r\n"
        _ = try temporary.write("fifty.ics", fifty)
        let check = try IMRFProcess.run(["calendar", "check", "fifty.ics"], cap: cap, directory: temporary.url)
        #expect(check.status == 0, "\(check.stderr.prefix(300))")
        #expect(check.stdout.hasPrefix("fifty: 8"), "\(check.stdout.prefix(300))")
    }

    /// The shipped calendar still reads at once.
    @Test func theUNCalendarStillReadsQuickly() throws {
        let check = try IMRFProcess.run(["calendar", "check", "un-new-york"], cap: cap)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("ok\n"))
    }
}
