import Foundation
import Testing
import WorkingDays

private func d(_ iso: String) -> CivilDate { Fixtures.date(iso) }

@Suite("WorkingDayCalendar")
struct WorkingDayCalendarTests {
    let un = Fixtures.un

    // MARK: - The forum's deadlines

    @Test func tenWorkingDaysAfterTheForumOf2022SkipMemorialDay() throws {
        #expect(try un.advance(d("2022-05-20"), by: 10) == d("2022-06-06"))
        let explanation = try un.explainAdvance(d("2022-05-20"), by: 10)
        #expect(explanation.deadline == d("2022-06-06"))
        #expect(explanation.from == d("2022-05-20"))
        #expect(explanation.workingDays == 10)
        #expect(explanation.calendar == "un-new-york")
        #expect(
            explanation.skipped.map(\.date)
                == [
                    "2022-05-21", "2022-05-22", "2022-05-28", "2022-05-29",
                    "2022-05-30", "2022-06-04", "2022-06-05",
                ].map(d))
        #expect(
            explanation.skipped.map(\.reason) == [
                "Saturday", "Sunday", "Saturday", "Sunday",
                "Memorial Day", "Saturday", "Sunday",
            ])
        #expect(explanation.skipped[4].holidays.map(\.name) == ["Memorial Day"])
        #expect(explanation.skipped[0].holidays.isEmpty)
        #expect(explanation.dependsOnTentative.isEmpty)
    }

    @Test func tenWorkingDaysWithOnlyWeekendsBetween() throws {
        #expect(try un.advance(d("2026-05-08"), by: 10) == d("2026-05-22"))
        let explanation = try un.explainAdvance(d("2026-05-08"), by: 10)
        #expect(explanation.skipped.map(\.date) == ["2026-05-09", "2026-05-10", "2026-05-16", "2026-05-17"].map(d))
        #expect(explanation.dependsOnTentative.isEmpty)
    }

    @Test func aDeadlineAcrossATentativeHolidaySaysSo() throws {
        let explanation = try un.explainAdvance(d("2026-05-20"), by: 10)
        #expect(explanation.deadline == d("2026-06-05"))
        #expect(try un.advance(d("2026-05-20"), by: 10) == d("2026-06-05"))
        #expect(
            explanation.skipped.map(\.date)
                == [
                    "2026-05-23", "2026-05-24", "2026-05-25", "2026-05-27",
                    "2026-05-30", "2026-05-31",
                ].map(d))
        #expect(
            explanation.skipped.map(\.reason) == [
                "Saturday", "Sunday", "Memorial Day", "Eid al-Adha (tentative)",
                "Saturday", "Sunday",
            ])
        #expect(
            explanation.dependsOnTentative == [
                Holiday(date: d("2026-05-27"), name: "Eid al-Adha", status: .tentative)
            ])
    }

    @Test func aDeadlineBeyondTheCoverageIsAnErrorNotAGuess() throws {
        // 2027-12-20 + 8 working days is the last covered day; 9 or 10 need 2028.
        #expect(try un.advance(d("2027-12-20"), by: 8) == d("2027-12-31"))
        let error = try #require(throws: WorkingDayError.self) { try un.advance(d("2027-12-20"), by: 10) }
        #expect(
            error.code
                == .outsideCoverage(
                    date: d("2028-01-01"), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
        #expect(error.kind == .configuration)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].severity == .error)
        #expect(
            error.diagnostics[0].message == "calendar 'un-new-york' covers 1 January 2022 to 31 December 2027; "
                + "computing this needs 1 January 2028, which it does not cover")
        #expect(
            error.diagnostics[0].hint == "enter the year's circular ('imrf calendar import'), or project the year by rule until it is out "
                + "('imrf calendar project 2028'), or use a calendar that covers it")
        #expect(throws: WorkingDayError.self) { try un.explainAdvance(d("2027-12-20"), by: 9) }
    }

    // MARK: - Where counting starts

    @Test(arguments: [
        // A weekend or holiday start is not counted, forwards or backwards.
        ("2022-05-21", 1, "2022-05-23"), ("2022-05-21", -1, "2022-05-20"),
        ("2022-05-22", 2, "2022-05-24"), ("2022-05-30", 1, "2022-05-31"),
        ("2022-05-30", -1, "2022-05-27"), ("2022-05-28", 1, "2022-05-31"),
        ("2022-05-28", -1, "2022-05-27"),
        // A working-day start is not counted either.
        ("2022-05-27", 1, "2022-05-31"), ("2022-05-31", -1, "2022-05-27"),
    ])
    func startDayIsNeverCounted(start: String, n: Int, expected: String) throws {
        #expect(try un.advance(d(start), by: n) == d(expected))
    }

    @Test(arguments: [
        ("2022-06-06", -10, "2022-05-20"), ("2026-06-05", -10, "2026-05-20"),
        ("2026-05-22", -10, "2026-05-08"), ("2022-01-04", -1, "2022-01-03"),
    ])
    func negativeCountsGoBackwards(start: String, n: Int, expected: String) throws {
        #expect(try un.advance(d(start), by: n) == d(expected))
    }

    @Test func backwardsExplanationListsSkippedDaysInDateOrder() throws {
        let explanation = try un.explainAdvance(d("2022-06-06"), by: -10)
        #expect(explanation.deadline == d("2022-05-20"))
        #expect(
            explanation.skipped.map(\.date)
                == [
                    "2022-05-21", "2022-05-22", "2022-05-28", "2022-05-29",
                    "2022-05-30", "2022-06-04", "2022-06-05",
                ].map(d))
    }

    // MARK: - N = 0 and rolls

    @Test(arguments: [nil, RollConvention.following, .preceding, .modifiedFollowing])
    func zeroDaysFromAWorkingDayIsThatDay(roll: RollConvention?) throws {
        #expect(try un.advance(d("2022-05-31"), by: 0, roll: roll) == d("2022-05-31"))
        #expect(try un.explainAdvance(d("2022-05-31"), by: 0, roll: roll).skipped.isEmpty)
    }

    @Test func zeroDaysFromANonWorkingDayNeedsARoll() throws {
        let error = try #require(throws: WorkingDayError.self) { try un.advance(d("2022-05-28"), by: 0) }
        #expect(error.code == .notAWorkingDay(d("2022-05-28")))
        #expect(error.kind == .badInput)
        #expect(error.diagnostics.first?.message.contains("Saturday 28 May 2022") == true)
        #expect(error.diagnostics.first?.hint != nil)
    }

    @Test(arguments: [
        // Saturday before Memorial Day.
        ("2022-05-28", RollConvention.following, "2022-05-31"),
        ("2022-05-28", .preceding, "2022-05-27"),
        ("2022-05-28", .modifiedFollowing, "2022-05-31"),
        // Saturday 30 April 2022: following leaves April (and 2 May is Eid al-Fitr).
        ("2022-04-30", .following, "2022-05-03"),
        ("2022-04-30", .preceding, "2022-04-29"),
        ("2022-04-30", .modifiedFollowing, "2022-04-29"),
        // Saturday 1 January 2022: preceding would leave the coverage, the others need not.
        ("2022-01-01", .following, "2022-01-03"),
        ("2022-01-01", .modifiedFollowing, "2022-01-03"),
    ])
    func zeroDaysFromANonWorkingDayRolls(start: String, roll: RollConvention, expected: String) throws {
        #expect(try un.advance(d(start), by: 0, roll: roll) == d(expected))
        #expect(try un.roll(d(start), roll) == d(expected))
    }

    @Test func rollLeavesWorkingDaysAlone() throws {
        for convention in RollConvention.allCases {
            #expect(try un.roll(d("2022-05-27"), convention) == d("2022-05-27"))
        }
    }

    @Test func rolledExplanationIncludesTheStartDay() throws {
        let explanation = try un.explainAdvance(d("2022-05-28"), by: 0, roll: .following)
        #expect(explanation.deadline == d("2022-05-31"))
        #expect(explanation.skipped.map(\.reason) == ["Saturday", "Sunday", "Memorial Day"])
        let back = try un.explainAdvance(d("2022-05-30"), by: 0, roll: .preceding)
        #expect(back.deadline == d("2022-05-27"))
        #expect(back.skipped.map(\.date) == ["2022-05-28", "2022-05-29", "2022-05-30"].map(d))
    }

    @Test(arguments: [RollConvention.following, .preceding, .modifiedFollowing])
    func aRollDoesNotMoveTheStartWhenCounting(roll: RollConvention) throws {
        #expect(try un.advance(d("2022-05-28"), by: 1, roll: roll) == d("2022-05-31"))
        #expect(try un.advance(d("2022-05-28"), by: -1, roll: roll) == d("2022-05-27"))
        #expect(try un.advance(d("2022-05-30"), by: 2, roll: roll) == d("2022-06-01"))
    }

    @Test func precedingBeforeTheCoverageIsAnError() throws {
        let error = try #require(throws: WorkingDayError.self) { try un.roll(d("2022-01-01"), .preceding) }
        #expect(
            error.code
                == .outsideCoverage(
                    date: d("2021-12-31"), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
    }

    @Test func modifiedFollowingAtTheEndOfTheCoverageNeedsOnlyThatMonth() throws {
        let calendar = WorkingDayCalendar(
            HolidayCalendar(
                name: "test", coverage: d("2027-12-01")...d("2027-12-31"),
                holidays: [Holiday(date: d("2027-12-31"), name: "New Year's Eve")]))
        #expect(try calendar.roll(d("2027-12-31"), .modifiedFollowing) == d("2027-12-30"))
        let error = try #require(throws: WorkingDayError.self) { try calendar.roll(d("2027-12-31"), .following) }
        #expect(
            error.code
                == .outsideCoverage(
                    date: d("2028-01-01"), calendar: "test",
                    coverage: d("2027-12-01")...d("2027-12-31")))
        // Coverage ending mid-month: following is unknown, so modified following is too.
        let short = WorkingDayCalendar(
            HolidayCalendar(
                name: "short", coverage: d("2022-05-01")...d("2022-05-28"),
                holidays: []))
        #expect(throws: WorkingDayError.self) { try short.roll(d("2022-05-28"), .modifiedFollowing) }
    }

    // MARK: - Year ends and coverage edges

    @Test(arguments: [
        ("2022-12-23", 1, "2022-12-27"), ("2022-12-30", 1, "2023-01-03"),
        ("2023-01-03", -1, "2022-12-30"), ("2022-12-23", 5, "2023-01-03"),
        ("2026-12-31", 1, "2027-01-01"), ("2027-12-23", 1, "2027-12-27"),
    ])
    func yearEnds(start: String, n: Int, expected: String) throws {
        #expect(try un.advance(d(start), by: n) == d(expected))
    }

    @Test func theLastAndFirstCoveredDaysAreUsable() throws {
        #expect(try un.isWorkingDay(d("2027-12-31")))
        #expect(try !un.isWorkingDay(d("2022-01-01")))
        #expect(try un.advance(d("2027-12-30"), by: 1) == d("2027-12-31"))
        #expect(try un.advance(d("2027-12-31"), by: 0) == d("2027-12-31"))
        #expect(try un.advance(d("2022-01-04"), by: -1) == d("2022-01-03"))
        #expect(try un.count(from: d("2027-12-27"), to: d("2028-01-01")) == 5)
        #expect(try un.count(from: d("2022-01-01"), to: d("2022-01-08")) == 5)
    }

    @Test(arguments: [
        ("2027-12-31", 1, "2028-01-01"), ("2028-01-03", 1, "2028-01-03"),
        ("2022-01-03", -1, "2021-12-31"), ("2021-12-31", 1, "2021-12-31"),
        ("2021-06-01", 0, "2021-06-01"),
    ])
    func advanceNamesTheFirstDayNeededOutsideTheCoverage(start: String, n: Int, needed: String) throws {
        let error = try #require(throws: WorkingDayError.self) { try un.advance(d(start), by: n) }
        #expect(
            error.code
                == .outsideCoverage(
                    date: d(needed), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
    }

    @Test(arguments: [(Int.max, "2028-01-01"), (Int.min, "2021-12-31"), (Int.min + 1, "2021-12-31")])
    func hugeCountsFailCleanly(n: Int, needed: String) throws {
        let error = try #require(throws: WorkingDayError.self) { try un.advance(d("2024-06-03"), by: n) }
        #expect(
            error.code
                == .outsideCoverage(
                    date: d(needed), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
    }

    @Test func isWorkingDayOutsideTheCoverageIsAnError() throws {
        let error = try #require(throws: WorkingDayError.self) { try un.isWorkingDay(d("2028-01-03")) }
        #expect(
            error.diagnostics.map(\.message) == [
                "calendar 'un-new-york' covers 1 January 2022 to 31 December 2027; "
                    + "computing this needs 3 January 2028, which it does not cover"
            ])
    }

    @Test func countOutsideTheCoverageIsAnError() throws {
        let late = try #require(throws: WorkingDayError.self) {
            try un.count(from: d("2027-12-27"), to: d("2028-01-02"))
        }
        #expect(
            late.code
                == .outsideCoverage(
                    date: d("2028-01-01"), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
        let early = try #require(throws: WorkingDayError.self) {
            try un.count(from: d("2022-01-10"), to: d("2021-12-30"))
        }
        #expect(
            early.code
                == .outsideCoverage(
                    date: d("2021-12-30"), calendar: "un-new-york",
                    coverage: Fixtures.unCoverage))
    }

    // MARK: - isWorkingDay and count

    @Test(arguments: [
        ("2022-05-27", true), ("2022-05-28", false), ("2022-05-29", false), ("2022-05-30", false),
        ("2022-05-31", true), ("2026-05-27", false), ("2026-05-26", true),
    ])
    func workingDays(date: String, working: Bool) throws {
        #expect(try un.isWorkingDay(d(date)) == working)
    }

    @Test(arguments: [
        ("2022-05-20", "2022-06-06", 10), ("2022-05-21", "2022-06-07", 10),
        ("2022-05-20", "2022-05-20", 0), ("2022-05-20", "2022-05-21", 1),
        ("2022-05-21", "2022-05-23", 0), ("2022-05-30", "2022-05-31", 0),
        ("2022-06-06", "2022-05-20", -10), ("2022-05-21", "2022-05-20", -1),
    ])
    func countIsHalfOpen(from: String, to: String, expected: Int) throws {
        #expect(try un.count(from: d(from), to: d(to)) == expected)
    }

    // MARK: - Week masks and shared dates

    @Test func aFridaySaturdayWeekend() throws {
        let mask = try #require(WeekMask(parsing: "Sun-Thu"))
        let calendar = WorkingDayCalendar(Fixtures.unNewYork, weekMask: mask)
        #expect(calendar.weekMask == mask)
        // Thursday 19 May 2022 -> Sunday 22 May 2022.
        #expect(try calendar.advance(d("2022-05-19"), by: 1) == d("2022-05-22"))
        #expect(try calendar.advance(d("2022-05-22"), by: -1) == d("2022-05-19"))
        #expect(try calendar.isWorkingDay(d("2022-05-22")))
        #expect(try !calendar.isWorkingDay(d("2022-05-20")))
        #expect(try calendar.explainAdvance(d("2022-05-19"), by: 1).skipped.map(\.reason) == ["Friday", "Saturday"])
        // Memorial Day is still a holiday on a Monday.
        #expect(try calendar.advance(d("2022-05-29"), by: 1) == d("2022-05-31"))
        #expect(try calendar.count(from: d("2022-05-22"), to: d("2022-05-29")) == 5)
    }

    @Test func anEmptyWeekMaskIsAnError() throws {
        let calendar = WorkingDayCalendar(Fixtures.unNewYork, weekMask: WeekMask(workingDays: []))
        let date = d("2022-05-20")
        let errors: [WorkingDayError?] = [
            #expect(throws: WorkingDayError.self) { try calendar.isWorkingDay(date) },
            #expect(throws: WorkingDayError.self) { try calendar.advance(date, by: 1) },
            #expect(throws: WorkingDayError.self) { try calendar.advance(date, by: 0, roll: .following) },
            #expect(throws: WorkingDayError.self) { try calendar.count(from: date, to: date.adding(days: 7)) },
            #expect(throws: WorkingDayError.self) { try calendar.roll(date, .preceding) },
            #expect(throws: WorkingDayError.self) { try calendar.explainAdvance(date, by: 3) },
        ]
        for error in errors {
            #expect(error?.code == .emptyWeekMask)
            #expect(error?.kind == .badInput)
            #expect(error?.diagnostics.count == 1)
        }
    }

    @Test func severalHolidaysOnOneDateAreAllListed() throws {
        let shared = [
            Holiday(date: d("2026-05-27"), name: "Eid al-Adha", status: .tentative),
            Holiday(date: d("2026-05-27"), name: "Staff Day"),
            Holiday(date: d("2026-05-30"), name: "Forum Day"),
        ]
        let calendar = WorkingDayCalendar(
            HolidayCalendar(
                name: "shared", coverage: d("2026-05-01")...d("2026-06-30"), holidays: shared))
        let explanation = try calendar.explainAdvance(d("2026-05-26"), by: 3)
        #expect(explanation.deadline == d("2026-06-01"))
        #expect(explanation.skipped.map(\.date) == ["2026-05-27", "2026-05-30", "2026-05-31"].map(d))
        #expect(explanation.skipped[0].holidays.map(\.name) == ["Eid al-Adha", "Staff Day"])
        #expect(explanation.skipped[0].reason == "Eid al-Adha (tentative), Staff Day")
        #expect(explanation.skipped[1].reason == "Saturday, Forum Day")
        #expect(explanation.dependsOnTentative.map(\.name) == ["Eid al-Adha"])
    }

    @Test func holidaysOutsideTheCoverageAreIgnored() throws {
        let calendar = WorkingDayCalendar(
            HolidayCalendar(
                name: "partial", coverage: d("2022-05-01")...d("2022-05-31"),
                holidays: [
                    Holiday(date: d("2022-06-06"), name: "Elsewhere"),
                    Holiday(date: d("2022-05-30"), name: "Memorial Day"),
                ]))
        #expect(try calendar.advance(d("2022-05-27"), by: 1) == d("2022-05-31"))
        #expect(try calendar.count(from: d("2022-05-01"), to: d("2022-06-01")) == 21)
    }

    @Test func explanationsEncodeAsJSONWithIsoDates() throws {
        let explanation = try un.explainAdvance(d("2026-05-20"), by: 10)
        let json = try String(decoding: JSONEncoder().encode(explanation), as: UTF8.self)
        #expect(json.contains("\"deadline\":\"2026-06-05\""))
        let decoded = try JSONDecoder().decode(DeadlineExplanation.self, from: Data(json.utf8))
        #expect(decoded == explanation)
    }
}
