import Foundation
import IMRFTestSupport
import Testing

/// `imrf deadline` as a user runs it: the answers of imrf-facts.md, the
/// script forms, and every kind of bad input with its message and exit code.
@Suite("imrf deadline")
struct DeadlineCommandTests {
    @Test func firstForumDeadlineSkipsMemorialDay() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20"])
        #expect(result.status == 0)
        #expect(result.stdout == "Monday 6 June 2022: 10 working days after Friday 20 May 2022; skipped 30 May 2022, Memorial Day\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func secondForumDeadline() throws {
        let result = try IMRFProcess.run(["deadline", "2026-05-08"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Friday 22 May 2026: 10 working days after Friday 8 May 2026\n"))
    }

    @Test func jsonListsTentativeEidAlAdha() throws {
        let result = try IMRFProcess.run(["deadline", "2026-05-20", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["deadline"] as? String == "2026-06-05")
        #expect(object["from"] as? String == "2026-05-20")
        #expect(object["workingDays"] as? Int == 10)
        #expect(object["calendar"] as? String == "un-new-york")
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        let skippedDates = skipped.compactMap { $0["date"] as? String }
        #expect(skippedDates.contains("2026-05-25"))
        #expect(skippedDates.contains("2026-05-27"))
        #expect(skipped.allSatisfy { $0["reason"] is String })
        let tentative = try #require(object["dependsOnTentative"] as? [[String: Any]])
        #expect(tentative.count == 1)
        #expect(tentative.first?["name"] as? String == "Eid al-Adha")
        #expect(tentative.first?["date"] as? String == "2026-05-27")
        #expect(result.stdout.filter { $0 == "\n" }.count == 1)
    }

    @Test func textSaysWhenTheResultDependsOnATentativeHoliday() throws {
        let result = try IMRFProcess.run(["deadline", "2026-05-20"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Memorial Day"))
        #expect(result.stdout.contains("tentative Eid al-Adha (27 May 2026)"))
    }

    @Test func outsideCoverageFailsWith78NamingTheEnd() throws {
        let result = try IMRFProcess.run(["deadline", "2027-12-20"])
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("31 December 2027"))
        #expect(result.stderr.contains("un-new-york"))
    }

    @Test func workingDaysBeyondTheCoverageFailWith78() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "-n", "100000"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("covers 1 January 2022 to 31 December 2027"))
        let before = try IMRFProcess.run(["deadline", "2022-01-05", "-n", "-5"])
        #expect(before.status == 78)
        #expect(before.stderr.contains("31 December 2021"))
    }

    @Test(arguments: ["2022-02-30", "2022-13-01", "20-05-2022", "tomorrow"])
    func badDateIs65(date: String) throws {
        let result = try IMRFProcess.run(["deadline", date])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: '\(date)' is not a date"))
        #expect(result.stdout.isEmpty)
    }

    @Test func severalDatesGiveOneLineEach() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "2026-05-08"])
        #expect(result.status == 0)
        #expect(result.stdout == "2022-05-20 2022-06-06\n2026-05-08 2026-05-22\n")
    }

    @Test func datesFromStandardInput() throws {
        let result = try IMRFProcess.run(["deadline", "-", "-n", "1"], input: "2022-05-27\n\n# comment\n2026-05-22\n")
        #expect(result.status == 0)
        #expect(result.stdout == "2022-05-27 2022-05-31\n2026-05-22 2026-05-26\n")
    }

    @Test func badLineOnStandardInputIsReportedWithItsLineAndTheRestAnswered() throws {
        let result = try IMRFProcess.run(["deadline", "-"], input: "2022-05-20\n2022-02-31\n2026-05-08\n")
        #expect(result.status == 65)
        #expect(result.stdout == "2022-05-20 2022-06-06\n2026-05-08 2026-05-22\n")
        #expect(result.stderr.contains("<stdin>:2:1: error: '2022-02-31' is not a date"))
    }

    @Test func severalDatesAsJSONLines() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "2026-05-08", "--json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    }

    @Test func zeroWorkingDaysOnAHolidayNeedsARoll() throws {
        let refused = try IMRFProcess.run(["deadline", "2022-05-30", "-n", "0"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("30 May 2022"))
        let rolled = try IMRFProcess.run(["deadline", "2022-05-30", "-n", "0", "--roll", "following"])
        #expect(rolled.status == 0)
        #expect(rolled.stdout.hasPrefix("Tuesday 31 May 2022"))
    }

    @Test func negativeWorkingDaysCountBackwards() throws {
        let result = try IMRFProcess.run(["deadline", "2022-06-06", "-n", "-10"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Friday 20 May 2022: 10 working days before Monday 6 June 2022"))
    }

    @Test func explainListsWeekendsAndTheCalendar() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("skipped 2022-05-21 Sat"))
        #expect(result.stdout.contains("skipped 2022-05-30 Mon  Memorial Day"))
        #expect(result.stdout.contains("covering 1 January 2022 to 31 December 2027"))
    }

    @Test func unknownCalendarListsTheAvailableOnes() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "--calendar", "un-geneva"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("unknown calendar 'un-geneva'"))
        #expect(result.stderr.contains("un-new-york"))
    }

    @Test func malformedCalendarFileNamesItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("broken.ics", """
            BEGIN:VCALENDAR
            VERSION:2.0
            X-IMRF-COVERAGE-START;VALUE=DATE:20220101
            X-IMRF-COVERAGE-END;VALUE=DATE:20221231
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20220230
            SUMMARY:Nowhere Day
            END:VEVENT
            END:VCALENDAR

            """)
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "--calendar", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("broken.ics:6"))
        #expect(result.stdout.isEmpty)
    }

    @Test func fridaySaturdayWeekMask() throws {
        // Thursday 19 May 2022 + 1 working day with a Friday-Saturday weekend is Sunday 22 May.
        let result = try IMRFProcess.run(["deadline", "2022-05-19", "-n", "1", "--week-mask", "Sun-Thu"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Sunday 22 May 2022"))
    }

    @Test func badWeekMaskIsAUsageError() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-19", "--week-mask", "Funday"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'Funday' is not a week mask"))
    }
}

@Suite("imrf calendar")
struct CalendarCommandTests {
    @Test func showListsTheYearWithStatus() throws {
        let result = try IMRFProcess.run(["calendar", "show", "--year", "2026"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 10)  // header + nine holidays
        #expect(result.stdout.contains("2026-05-27  Wed  Eid al-Adha        tentative"))
        #expect(result.stdout.contains("2026-05-25  Mon  Memorial Day       confirmed"))
    }

    @Test func showAsJSON() throws {
        let result = try IMRFProcess.run(["calendar", "show", "un-new-york", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["calendar"] as? String == "un-new-york")
        #expect((object["coverage"] as? [String: String]) == ["start": "2022-01-01", "end": "2027-12-31"])
        let holidays = try #require(object["holidays"] as? [[String: Any]])
        #expect(holidays.count == 53)
        #expect(holidays.contains { $0["date"] as? String == "2022-05-30" && $0["name"] as? String == "Memorial Day" })
    }

    @Test func showRefusesAYearOutsideTheCoverage() throws {
        let result = try IMRFProcess.run(["calendar", "show", "--year", "2030"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("does not cover 2030"))
    }

    @Test func checkReportsCoverageAndTentativeDates() throws {
        let result = try IMRFProcess.run(["calendar", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("53 holidays, covering 1 January 2022 to 31 December 2027"))
        #expect(result.stdout.contains("10 tentative"))
    }

    @Test func checkWarnsAboutWeekendsAndDuplicates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("office.ics", """
            BEGIN:VCALENDAR
            VERSION:2.0
            X-IMRF-COVERAGE-START;VALUE=DATE:20220101
            X-IMRF-COVERAGE-END;VALUE=DATE:20221231
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20220101
            SUMMARY:New Year's Day
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20220704
            SUMMARY:Independence Day
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20220704
            SUMMARY:Independence Day
            END:VEVENT
            END:VCALENDAR

            """)
        let result = try IMRFProcess.run(["calendar", "check", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("falls on a Saturday"))
        #expect(result.stderr.contains("2022-07-04 is listed 2 times"))
    }
}

@Suite("imrf demo")
struct DemoCommandTests {
    @Test func demoExplainsBothForums() throws {
        let result = try IMRFProcess.run(["demo"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Monday 6 June 2022: 10 working days after Friday 20 May 2022"))
        #expect(result.stdout.contains("Friday 22 May 2026: 10 working days after Friday 8 May 2026"))
        #expect(result.stdout.contains("imrf check: 7 notes"))
        let written = result.stdout.split(separator: "\n").filter { $0.hasPrefix("imrf compile: wrote ") }
        #expect(written.map { $0.split(separator: ".").last } == ["md", "html", "docx"])
        for line in written {
            #expect(FileManager.default.fileExists(atPath: String(line.dropFirst("imrf compile: wrote ".count))))
        }
        // The compile is in the ledger, so the summaries show as compiled, not yet due.
        #expect(result.stdout.contains("imrf status --today 2026-05-09T09:00: IMRF OK - 2 of 3 deliverables done; next: pga-summaries due Fri 22 May 2026"))
        #expect(result.stdout.contains(" compiled=1;"))
    }
}
