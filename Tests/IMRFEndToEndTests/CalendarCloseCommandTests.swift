import Foundation
import IMRFTestSupport
import Testing

/// `imrf calendar close`: a snow day recorded beside the calendar moves the
/// deadline counted over it, and deadline, status and show name it.
@Suite("imrf calendar close")
struct CalendarCloseCommandTests {
    @Test func aClosureMovesTheDeadlineAndIsNamedEverywhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = folder.url.appendingPathComponent("Calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"), to: calendars.appendingPathComponent("un-new-york.ics"))
        let environment = ["IMRF_CALENDARS": calendars.path]
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026"], environment: environment).status == 0)

        let close = try IMRFProcess.run(["calendar", "close", "2026-05-18", "--reason", "snowstorm"], environment: environment)
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.hasPrefix("Monday 18 May 2026 recorded as closed: snowstorm"))
        #expect(FileManager.default.fileExists(atPath: calendars.appendingPathComponent("un-new-york-closures.ics").path))

        let deadline = try IMRFProcess.run(["deadline", "2026-05-08"], environment: environment)
        #expect(
            deadline.stdout.hasPrefix(
                "Tuesday 26 May 2026: 10 working days after Friday 8 May 2026; skipped 18 May 2026, Headquarters closed: snowstorm;"))
        let json = try IMRFProcess.run(["deadline", "2026-05-08", "--json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let closures = try #require(object["closures"] as? [[String: Any]])
        #expect(closures.first?["name"] as? String == "Headquarters closed: snowstorm")
        #expect(closures.first?["closure"] as? Bool == true)

        let status = try IMRFProcess.run(["status", ws.path, "-v", "--today", "2026-05-20"], environment: environment)
        #expect(status.stdout.contains("pga-summaries: due Tue 26 May 2026"), "\(status.stdout)")
        #expect(status.stdout.contains("  counted past a closure: Mon 18 May 2026, Headquarters closed: snowstorm"))
        let statusJSON = try IMRFProcess.run(["status", ws.path, "--json", "--today", "2026-05-20"], environment: environment)
        #expect(statusJSON.stdout.contains(#""closures":["2026-05-18 Headquarters closed: snowstorm"]"#), "\(statusJSON.stdout)")
        let show = try IMRFProcess.run(["calendar", "show", "--year", "2026"], environment: environment)
        #expect(show.stdout.contains("2026-05-18  Mon  Headquarters closed: snowstorm  closure"))

        // The refusals change nothing; a closure recorded by mistake is removed.
        for (arguments, message) in [
            (["2026-05-18", "--reason", "again"], "already recorded as closed"),
            (["2026-05-23", "--reason", "x"], "is a weekend day"),
            (["2026-05-25", "--reason", "x"], "already a day off: Memorial Day"),
            (["2031-02-03", "--reason", "x"], "covers 1 January 2022 to 31 December 2030"),
            (["2026-05-19"], "say why Headquarters closed"),
        ] {
            let refused = try IMRFProcess.run(["calendar", "close"] + arguments, environment: environment)
            #expect(refused.status == 64, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
        let reopen = try IMRFProcess.run(["calendar", "close", "2026-05-18", "--reopen"], environment: environment)
        #expect(reopen.status == 0, "\(reopen.stderr)")
        let after = try IMRFProcess.run(["deadline", "2026-05-08"], environment: environment)
        #expect(after.stdout.hasPrefix("Friday 22 May 2026: 10 working days after Friday 8 May 2026\n"))
    }

    /// forum.yaml `calendars:` joins more calendars with `calendar`: a day
    /// off in the extra one moves the deadline; one that does not exist is an
    /// error at its line.
    @Test func moreCalendarsInForumYAMLAreJoined() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = folder.url.appendingPathComponent("Calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"), to: calendars.appendingPathComponent("un-new-york.ics"))
        try """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//test//EN\r
        X-IMRF-COVERAGE-START;VALUE=DATE:20260101\r
        X-IMRF-COVERAGE-END;VALUE=DATE:20261231\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20260515\r
        SUMMARY:Conference services closed\r
        END:VEVENT\r
        END:VCALENDAR\r

        """.write(to: calendars.appendingPathComponent("conference.ics"), atomically: true, encoding: .utf8)
        let environment = ["IMRF_CALENDARS": calendars.path]
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026"], environment: environment).status == 0)
        let file = ws.appendingPathComponent("forum.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "calendar: \"un-new-york\"\n", with: "calendar: \"un-new-york\"\ncalendars: [\"conference\"]\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let status = try IMRFProcess.run(["status", ws.path, "--json", "--today", "2026-05-12"], environment: environment)
        #expect(status.stdout.contains(#""due":"2026-05-26""#), "\(status.stdout)")
        try yaml.replacingOccurrences(of: "calendar: \"un-new-york\"\n", with: "calendar: \"un-new-york\"\ncalendars: [\"nowhere\"]\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let check = try IMRFProcess.run(["check", ws.path, "--draft"], environment: environment)
        #expect(check.status == 65)
        let line = try #require(yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("calendar: ") }) + 2
        #expect(check.stderr.contains("forum.yaml:\(line):13: error: unknown calendar 'nowhere'"), "\(check.stderr)")
        #expect(check.stderr.contains("unknown calendar 'nowhere'"), "\(check.stderr)")
    }
}
