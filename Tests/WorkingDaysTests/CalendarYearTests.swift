import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import WorkingDays

private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

private func text(_ lines: [String]) -> String {
    ([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
        "X-IMRF-COVERAGE-START;VALUE=DATE:20290101", "X-IMRF-COVERAGE-END;VALUE=DATE:20301231",
    ] + lines + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
}

private func readError(_ lines: [String]) -> ICalendarError? {
    do {
        _ = try ICalendarReader.read(text(lines), name: "t", path: "t.ics")
        return nil
    } catch {
        return error
    }
}

/// Years published or projected: how the file says it, what the reader
/// refuses, and what a deadline over a projected year reports.
@Suite("calendar years: published or projected")
struct CalendarYearTests {
    @Test func aConfirmedHolidayInAProjectedYearIsRefusedAtItsLine() throws {
        let error = try #require(
            readError([
                "X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300527", "SUMMARY:Memorial Day", "STATUS:CONFIRMED", "END:VEVENT",
            ]))
        #expect(error.code == .confirmedInProjectedYear(year: 2030))
        #expect(error.location.line == 7)
        #expect(error.diagnostics[0].hint?.contains("imrf calendar import") == true)
    }

    @Test(arguments: [
        (["X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030", "X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED:2030"], ICalendarError.Code.yearDeclaredTwice(year: 2030)),
        (["X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2031"], .yearOutsideCoverage(year: 2031)),
        (["X-IMRF-YEAR;X-IMRF-STATE=GUESSED:2030"], .invalidValue(property: "X-IMRF-STATE", value: "GUESSED")),
        (["X-IMRF-YEAR:2030"], .invalidValue(property: "X-IMRF-STATE", value: "")),
        (["X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:30"], .invalidValue(property: "X-IMRF-YEAR", value: "30")),
        (["X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED;X-IMRF-CIRCULAR=\"ST\u{1}IC\":2030"], .invalidValue(property: "X-IMRF-CIRCULAR", value: "ST\u{1}IC")),
    ])
    func badYearLines(lines: [String], code: ICalendarError.Code) throws {
        #expect(readError(lines)?.code == code)
    }

    /// A closure is a fact, not a date derived by rule: confirmed in a projected year.
    @Test func aClosureMayBeConfirmedInAProjectedYear() throws {
        let calendar = try ICalendarReader.read(
            text([
                "X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300128", "SUMMARY:Headquarters closed: snow", "X-IMRF-KIND:CLOSURE", "END:VEVENT",
            ]), name: "t", path: "t.ics")
        #expect(calendar.holidays.map(\.isClosure) == [true])
        #expect(calendar.holidays.map(\.status) == [.confirmed])
    }

    @Test func aCalendarThatDoesNotSayKeepsItsEventsStatus() throws {
        let calendar = try ICalendarReader.read(
            text(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300527", "SUMMARY:Memorial Day", "END:VEVENT"]), name: "t", path: "t.ics")
        #expect(calendar.years.isEmpty)
        #expect(calendar.holidays[0].status == .confirmed)
        #expect(WorkingDayCalendar(calendar).explainAdvanceOrNil(date("2030-05-20"))?.projectedYears == [])
    }

    @Test func aDeadlineCountedIntoAProjectedYearNamesIt() throws {
        let calendar = try ICalendarReader.read(
            text(["X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED;X-IMRF-CIRCULAR=ST/IC/2028/20:2029", "X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030"]),
            name: "t", path: "t.ics")
        let working = WorkingDayCalendar(calendar)
        #expect(try working.explainAdvance(date("2029-12-10"), by: 5).projectedYears == [])
        #expect(try working.explainAdvance(date("2029-12-24"), by: 10).projectedYears == [2030])
        #expect(try working.explainAdvance(date("2030-01-20"), by: -30).projectedYears == [2030])
        #expect(
            CalendarYear.projectedNote([2030]) == "2030 is projected: the circular for 2030 is not published; the deadline may move")
        #expect(
            CalendarYear.projectedNote([2029, 2030])
                == "2029 and 2030 are projected: the circulars for 2029 and 2030 are not published; the deadline may move")
    }

    @Test func joiningKeepsAYearProjectedWhenAnyCalendarProjectsIt() throws {
        let coverage = date("2029-01-01")...date("2030-12-31")
        let a = HolidayCalendar(
            name: "a", coverage: coverage, holidays: [],
            years: [CalendarYear(2029, .published, source: "c"), CalendarYear(2030, .published, source: "c")])
        let b = HolidayCalendar(name: "b", coverage: coverage, holidays: [], years: [CalendarYear(2030, .projected)])
        let closures = HolidayCalendar(name: "closures", coverage: coverage, holidays: [])
        let joined = try #require(HolidayCalendar.union([a, b, closures]))
        #expect(joined.state(ofYear: 2029)?.state == .published)
        #expect(joined.state(ofYear: 2030)?.state == .projected)
    }
}

extension WorkingDayCalendar {
    fileprivate func explainAdvanceOrNil(_ from: CivilDate) -> DeadlineExplanation? {
        try? explainAdvance(from, by: 5)
    }
}

/// The projection of UN Headquarters' holidays: the rule of the circulars,
/// checked on the cases they show and against the repository's calendar.
@Suite("HeadquartersHolidays")
struct HeadquartersHolidaysTests {
    private func dates(_ year: Int, _ name: String) -> [String] {
        HeadquartersHolidays.projected(year: year).filter { $0.name == name }.map(\.date.iso)
    }

    /// The Umm al-Qura dates of the issue, with the observance rule:
    /// Saturday 26 February 2028 on the Friday, Saturday 13 April 2030 too.
    @Test func theEidsOf2028To2030() {
        #expect(dates(2028, "Eid al-Fitr") == ["2028-02-25"])
        #expect(dates(2029, "Eid al-Fitr") == ["2029-02-14"])
        #expect(dates(2030, "Eid al-Fitr") == ["2030-02-04"])
        #expect(dates(2028, "Eid al-Adha") == ["2028-05-05"])
        #expect(dates(2029, "Eid al-Adha") == ["2029-04-24"])
        #expect(dates(2030, "Eid al-Adha") == ["2030-04-12"])
    }

    /// ST/IC/2019/23: Eid al-Fitr, calculated Sunday 24 May 2020, observed
    /// Tuesday 26 May, Monday being Memorial Day.
    @Test func anEidOnAHolidayMovesToTheNextWorkingDay() {
        #expect(dates(2020, "Eid al-Fitr") == ["2020-05-26"])
        #expect(dates(2020, "Independence Day") == ["2020-07-03"])
        #expect(dates(2017, "New Year's Day") == ["2017-01-02"])
    }

    /// 1 January 2028 is a Saturday: observed on Friday 31 December 2027,
    /// so 2027 has two New Year's Days and 2028 none.
    @Test func newYearOnASaturdayIsObservedTheYearBefore() {
        #expect(dates(2027, "New Year's Day") == ["2027-01-01", "2027-12-31"])
        #expect(dates(2028, "New Year's Day") == [])
        #expect(HeadquartersHolidays.projected(year: 2027).last?.source?.contains("New Year's Day 2028") == true)
    }

    @Test func everyYearHasTheNineHolidaysOnWeekdaysTentative() {
        for year in 2000...2070 {
            let holidays = HeadquartersHolidays.projected(year: year)
            #expect((8...10).contains(holidays.count), "\(year)")
            for name in HeadquartersHolidays.names where name != "New Year's Day" {
                #expect(holidays.filter { $0.name == name }.count == 1, "\(year) \(name)")
            }
            #expect(holidays.allSatisfy { $0.date.weekday < .saturday && $0.status == .tentative && $0.date.year == year }, "\(year)")
            #expect(Set(holidays.map(\.date)).count == holidays.count, "\(year): two holidays on one day")
        }
    }

    @Test func easterSundays() {
        for (year, iso) in [(2024, "2024-03-31"), (2025, "2025-04-20"), (2030, "2030-04-21"), (2038, "2038-04-25"), (2285, "2285-03-22")] {
            #expect(HeadquartersHolidays.easter(year).iso == iso)
        }
    }

    /// The repository's calendar holds exactly the projection for each
    /// projected year but 2022 (its Eid al-Adha is the estimate recorded
    /// before the rule; Calendars/README.md says so).
    @Test func theRepositoryCalendarIsTheProjection() throws {
        let calendar = try ICalendarReader.read(contentsOf: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"))
        #expect(calendar.coverage.upperBound == date("2030-12-31"))
        #expect(calendar.state(ofYear: 2024)?.state == .published)
        for year in calendar.years where year.state == .projected && year.year != 2022 {
            let file = calendar.holidays(inYear: year.year).map { "\($0.date.iso) \($0.name)" }
            let rule = HeadquartersHolidays.projected(year: year.year).map { "\($0.date.iso) \($0.name)" }
            #expect(file == rule, "\(year.year)")
        }
        #expect(calendar.years.map(\.year) == Array(2022...2030))
    }
}

/// `CalendarEdit`: a year replaced, the refusals.
@Suite("CalendarEdit")
struct CalendarEditTests {
    private let base = HolidayCalendar(
        name: "hq", coverage: CivilDate(iso: "2029-01-01")!...CivilDate(iso: "2030-12-31")!,
        holidays: HeadquartersHolidays.projected(year: 2030),
        years: [CalendarYear(2029, .published, source: "ST/IC/2028/20"), CalendarYear(2030, .projected)])

    @Test func aYearAfterTheCoverageExtendsIt() throws {
        let edited = try CalendarEdit.replacing(
            year: CalendarYear(2031, .projected), in: base, with: HeadquartersHolidays.projected(year: 2031))
        #expect(edited.coverage.upperBound == date("2031-12-31"))
        #expect(edited.holidays(inYear: 2031).count == 9)
        #expect(edited.holidays(inYear: 2030).count == 9)
        #expect(edited.state(ofYear: 2031)?.state == .projected)
    }

    @Test func aGapIsRefused() {
        #expect(throws: DiagnosticFailure.self) {
            try CalendarEdit.replacing(year: CalendarYear(2032, .projected), in: base, with: [])
        }
    }

    @Test func aPublishedYearIsNeverProjectedOver() throws {
        let failure = try #require(throws: DiagnosticFailure.self) {
            try CalendarEdit.replacing(year: CalendarYear(2029, .projected), in: base, with: HeadquartersHolidays.projected(year: 2029))
        }
        #expect(failure.diagnostics[0].message.contains("2029 is published in calendar 'hq' (ST/IC/2028/20)"))
    }

    @Test func savingWritesAFileThatReadsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("hq.ics")
        try CalendarEdit.save(base, to: url, stamp: Date(timeIntervalSince1970: 0))
        #expect(try ICalendarReader.read(contentsOf: url) == base)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["hq.ics"])
    }
}
