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
        #expect(
            result.stdout == """
                Monday 6 June 2022: 10 working days after Friday 20 May 2022; skipped 30 May 2022, Memorial Day (tentative)
                note: depends on tentative Memorial Day (30 May 2022): the deadline moves if the date is changed
                note: 2022 is projected: the circular for 2022 is not published; the deadline may move

                """)
        #expect(result.stderr.isEmpty)
    }

    /// The deadline of one date: the answer's first words.
    @Test(arguments: [
        (["2026-05-08"], "Friday 22 May 2026: 10 working days after Friday 8 May 2026\n"),
        (["2022-06-06", "-n", "-10"], "Friday 20 May 2022: 10 working days before Monday 6 June 2022"),
        // Memorial Day, zero working days on: refused below, answered with a roll.
        (["2022-05-30", "-n", "0", "--roll", "following"], "Tuesday 31 May 2022"),
        // Thursday 19 May 2022 + 1 working day with a Friday-Saturday weekend is Sunday 22 May.
        (["2022-05-19", "-n", "1", "--week-mask", "Sun-Thu"], "Sunday 22 May 2022"),
    ])
    func answers(arguments: [String], answer: String) throws {
        let result = try IMRFProcess.run(["deadline"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(answer), "\(result.stdout)")
    }

    /// Bad input, and questions the calendar cannot answer: the exit status
    /// (65 bad input, 78 calendar, 64 usage), nothing on stdout, and what
    /// stderr says.
    @Test(
        arguments: [
            (["2022-02-30"], 65, ["error: '2022-02-30' is not a date"]),
            (["2022-13-01"], 65, ["error: '2022-13-01' is not a date"]),
            (["20-05-2022"], 65, ["error: '20-05-2022' is not a date"]),
            (["tomorrow"], 65, ["error: 'tomorrow' is not a date"]),
            (["2022-05-30", "-n", "0"], 65, ["30 May 2022"]),
            // Outside the coverage, naming its end.
            (["2030-12-20"], 78, ["31 December 2030", "un-new-york"]),
            (["2022-05-20", "-n", "100000"], 78, ["covers 1 January 2022 to 31 December 2030"]),
            (["2022-01-05", "-n", "-5"], 78, ["31 December 2021"]),
            // An unknown calendar, listing the available ones.
            (["2022-05-20", "--calendar", "un-geneva"], 78, ["unknown calendar 'un-geneva'", "un-new-york"]),
            (["2022-05-19", "--week-mask", "Funday"], 64, ["'Funday' is not a week mask"]),
        ] as [([String], Int32, [String])])
    func refusals(arguments: [String], status: Int32, messages: [String]) throws {
        let result = try IMRFProcess.run(["deadline"] + arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        for message in messages { #expect(result.stderr.contains(message), "\(result.stderr)") }
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
        // 2026 is projected: every holiday of it is tentative.
        let tentative = try #require(object["dependsOnTentative"] as? [[String: Any]])
        #expect(tentative.compactMap { $0["name"] as? String } == ["Memorial Day", "Eid al-Adha"])
        #expect(tentative.compactMap { $0["date"] as? String } == ["2026-05-25", "2026-05-27"])
        #expect(object["projectedYears"] as? [Int] == [2026])
        #expect(result.stdout.filter { $0 == "\n" }.count == 1)
    }

    @Test func textSaysWhenTheResultDependsOnATentativeHoliday() throws {
        let result = try IMRFProcess.run(["deadline", "2026-05-20"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Memorial Day"))
        #expect(result.stdout.contains("tentative Memorial Day (25 May 2026), Eid al-Adha (27 May 2026)"))
        #expect(result.stdout.contains("note: 2026 is projected: the circular for 2026 is not published; the deadline may move"))
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

    @Test func explainListsWeekendsAndTheCalendar() throws {
        let result = try IMRFProcess.run(["deadline", "2022-05-20", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("skipped 2022-05-21 Sat"))
        #expect(result.stdout.contains("skipped 2022-05-30 Mon  Memorial Day"))
        #expect(result.stdout.contains("covering 1 January 2022 to 31 December 2030"))
    }

    @Test func malformedCalendarFileNamesItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(
            "broken.ics",
            """
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
}

@Suite("imrf calendar")
struct CalendarCommandTests {
    @Test func showListsTheYearWithStatus() throws {
        let result = try IMRFProcess.run(["calendar", "show", "--year", "2026"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 11)  // header, the year's state, nine holidays
        #expect(lines[1] == "2026: projected (derived by rule and estimate; the circular is not entered)")
        #expect(result.stdout.contains("2026-05-27  Wed  Eid al-Adha        tentative"))
        #expect(result.stdout.contains("2026-05-25  Mon  Memorial Day       tentative"))
    }

    @Test func showAsJSON() throws {
        let result = try IMRFProcess.run(["calendar", "show", "un-new-york", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["calendar"] as? String == "un-new-york")
        #expect((object["coverage"] as? [String: String]) == ["start": "2022-01-01", "end": "2030-12-31"])
        let holidays = try #require(object["holidays"] as? [[String: Any]])
        #expect(holidays.count == 80)
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.count == 9)
        #expect(years.first { $0["year"] as? Int == 2024 }?["state"] as? String == "published")
        #expect(years.first { $0["year"] as? Int == 2030 }?["state"] as? String == "projected")
        #expect(holidays.contains { $0["date"] as? String == "2022-05-30" && $0["name"] as? String == "Memorial Day" })
    }

    @Test func showRefusesAYearOutsideTheCoverage() throws {
        let result = try IMRFProcess.run(["calendar", "show", "--year", "2031"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("does not cover 2031"))
    }

    /// The office looks a year ahead: 2031 projected by rule into a copy of
    /// the calendar, which then answers for it and says it is projected; a
    /// published year and a gap are refused, the file left as it was.
    @Test func projectAddsAYearAndRefusesToOverwriteACircular() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let copy = folder.url.appendingPathComponent("hq.ics")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"), to: copy)
        let before = try Data(contentsOf: copy)
        for (years, message) in [(["2024"], "2024 is published"), (["2033"], "would leave a gap")] {
            let refused = try IMRFProcess.run(["calendar", "project"] + years + ["--calendar", copy.path])
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(try Data(contentsOf: copy) == before)
        }
        let result = try IMRFProcess.run(["calendar", "project", "2031", "--calendar", copy.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2031 projected in"))
        #expect(result.stdout.contains("2031-01-24  Fri  Eid al-Fitr"))
        let deadline = try IMRFProcess.run(["deadline", "2031-05-09", "--calendar", copy.path])
        #expect(deadline.stdout.hasPrefix("Friday 23 May 2031: 10 working days after Friday 9 May 2031"), "\(deadline.stdout)")
        #expect(deadline.stdout.contains("note: 2031 is projected"))
        let check = try IMRFProcess.run(["calendar", "check", copy.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("2031: projected, 9 holidays"))
        #expect(check.stdout.contains("2024: published"))
    }

    @Test func checkReportsCoverageAndTentativeDates() throws {
        let result = try IMRFProcess.run(["calendar", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("80 holidays, covering 1 January 2022 to 31 December 2030"))
        #expect(result.stdout.contains("2024: published (the information circular for 2024, known from press copies), 9 holidays"))
        #expect(result.stdout.contains("2030: projected, 9 holidays, tentative until its circular is entered"))
        #expect(result.stdout.contains("no tentative dates outside the projected years"))
    }

    @Test func checkWarnsAboutWeekendsAndDuplicates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(
            "office.ics",
            """
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
        #expect(result.stderr.contains("4 July 2022 is listed 2 times"))
    }
}

@Suite("imrf demo")
struct DemoCommandTests {
    @Test func demoExplainsBothForums() throws {
        let result = try IMRFProcess.run(["demo", "--keep"])
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
        #expect(
            result.stdout.contains(
                "imrf status --today 2026-05-09T09:00: IMRF OK - 2 of 3 deliverables done; next: pga-summaries due Fri 22 May 2026"))
        #expect(result.stdout.contains(" compiled=1;"))
        #expect(result.stdout.contains("/build/summary.html in a browser"))
        if let first = written.first {
            let folder = URL(fileURLWithPath: String(first.dropFirst("imrf compile: wrote ".count))).deletingLastPathComponent()
                .deletingLastPathComponent()
            try FileManager.default.removeItem(at: folder)
        }
    }

    @Test("without --keep the demo's temporary workspace is removed, and it says so")
    func demoCleansUp() throws {
        let result = try IMRFProcess.run(["demo"])
        #expect(result.status == 0)
        let written = result.stdout.split(separator: "\n").filter { $0.hasPrefix("imrf compile: wrote ") }
        #expect(written.count == 3)
        for line in written { #expect(!FileManager.default.fileExists(atPath: String(line.dropFirst("imrf compile: wrote ".count)))) }
        #expect(result.stdout.contains("now removed; 'imrf demo --keep' keeps it"))
    }
}
