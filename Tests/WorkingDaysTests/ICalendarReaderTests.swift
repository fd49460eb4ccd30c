import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import WorkingDays

/// Wraps event lines in a calendar covering 2022-2027, joined with `separator`.
private func calendarText(_ body: [String], separator: String = "\r\n") -> String {
    ([
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//test//EN",
        "X-IMRF-COVERAGE-START;VALUE=DATE:20220101",
        "X-IMRF-COVERAGE-END;VALUE=DATE:20271231",
    ] + body + ["END:VCALENDAR"]).joined(separator: separator) + separator
}

private func event(_ lines: [String]) -> [String] {
    ["BEGIN:VEVENT"] + lines + ["END:VEVENT"]
}

private func read(_ body: [String], separator: String = "\r\n") throws(ICalendarError) -> HolidayCalendar {
    try ICalendarReader.read(calendarText(body, separator: separator), name: "test", path: "test.ics")
}

private func dates(_ body: [String]) throws -> [String] {
    try read(body).holidays.map(\.date.iso)
}

private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// The error a text produces, or nil when it reads.
private func error(_ text: String) -> ICalendarError? {
    do {
        _ = try ICalendarReader.read(text, name: "test", path: "test.ics")
        return nil
    } catch {
        return error
    }
}

@Suite("ICalendarReader")
struct ICalendarReaderTests {
    // MARK: Basics

    @Test func readsOneEventWithNameCoverageAndSummary() throws {
        let text = calendarText(
            [
                "X-WR-CALNAME:un-new-york",
                "X-WR-CALDESC:ST/IC/2023/1\\, estimates for Eid",
            ]
                + event([
                    "DTSTART;VALUE=DATE:20220530", "DTEND;VALUE=DATE:20220531", "SUMMARY:Memorial Day",
                    "X-IMRF-SOURCE:rule", "UID:x@y", "DTSTAMP:20220101T000000Z", "DESCRIPTION:ignored",
                ]))
        let calendar = try ICalendarReader.read(text, name: "fallback", path: "x.ics")
        #expect(calendar.name == "un-new-york")
        #expect(calendar.summary == "ST/IC/2023/1, estimates for Eid")
        #expect(calendar.coverage == date("2022-01-01")...date("2027-12-31"))
        #expect(calendar.holidays == [Holiday(date: date("2022-05-30"), name: "Memorial Day", status: .confirmed, source: "rule")])
    }

    @Test func nameFallsBackToArgument() throws {
        let calendar = try read(event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M"]))
        #expect(calendar.name == "test")
        #expect(calendar.summary == nil)
        #expect(calendar.holidays.map(\.date) == [date("2022-05-30")])
    }

    @Test func lfAndCrlfGiveTheSameCalendar() throws {
        let body = event(["DTSTART;VALUE=DATE:20221124", "SUMMARY:Thanksgiving Day"])
        let crlf = try read(body, separator: "\r\n")
        let lf = try read(body, separator: "\n")
        #expect(crlf == lf)
        #expect(lf.holidays.map(\.name) == ["Thanksgiving Day"])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let text = "\u{FEFF}" + calendarText(event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M"]))
        let calendar = try ICalendarReader.read(text, name: "t", path: "t.ics")
        #expect(calendar.holidays.count == 1)
    }

    @Test func unfoldsContinuationLinesWithSpaceAndTab() throws {
        let body = event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:Memo", " rial", "\t Day"])
        #expect(try read(body).holidays.map(\.name) == ["Memorial Day"])
        #expect(try read(body, separator: "\n").holidays.map(\.name) == ["Memorial Day"])
    }

    @Test func unfoldsInsideMultibyteText() throws {
        // "Aïd al-Fitr" folded between the i and its combining diaeresis,
        // and "Noël" folded right after a two-byte letter.
        let body = event(["DTSTART;VALUE=DATE:20220502", "SUMMARY:Ai", " \u{0308}d al-Fitr ", " No\u{00EB}", " l"])
        #expect(try read(body).holidays.map(\.name) == ["Ai\u{0308}d al-Fitr No\u{00EB}l"])
    }

    @Test func unescapesText() throws {
        let body = event(["DTSTART;VALUE=DATE:20220502", #"SUMMARY:a\\b\;c\,d\ne\Nf"#])
        #expect(try read(body).holidays.map(\.name) == ["a\\b;c,d\ne\nf"])
    }

    @Test func quotedParameterValuesMayHoldColons() throws {
        let body = event(["DTSTART;VALUE=DATE:20220502", #"SUMMARY;ALTREP="http://x.org/a;b":Eid"#])
        #expect(try read(body).holidays.map(\.name) == ["Eid"])
    }

    @Test func statusTentativeConfirmedAndCancelled() throws {
        let calendar = try read(
            event(["DTSTART;VALUE=DATE:20220502", "SUMMARY:Eid al-Fitr", "STATUS:TENTATIVE"])
                + event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:Memorial Day", "STATUS:CONFIRMED"])
                + event(["DTSTART;VALUE=DATE:20220704", "SUMMARY:Gone", "STATUS:CANCELLED"]))
        #expect(calendar.holidays.map(\.status) == [.tentative, .confirmed])
        #expect(calendar.holidays.map(\.name) == ["Eid al-Fitr", "Memorial Day"])
    }

    @Test func multiDayEventsBecomeOneHolidayPerDay() throws {
        #expect(
            try dates(event(["DTSTART;VALUE=DATE:20221230", "DTEND;VALUE=DATE:20230103", "SUMMARY:Break"]))
                == ["2022-12-30", "2022-12-31", "2023-01-01", "2023-01-02"])
    }

    @Test(arguments: [("P1D", 1), ("P2D", 2), ("P1W", 7), ("+P3D", 3)])
    func duration(text: String, days: Int) throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220530", "DURATION:\(text)", "SUMMARY:S"]))
        #expect(result.count == days)
        #expect(result.first == "2022-05-30")
        #expect(result.last == date("2022-05-30").adding(days: days - 1).iso)
    }

    @Test func skipsTimezoneAndAlarmComponents() throws {
        let body =
            [
                "BEGIN:VTIMEZONE", "TZID:America/New_York", "BEGIN:STANDARD", "DTSTART:19701101T020000",
                "RRULE:FREQ=WEEKLY", "END:STANDARD", "END:VTIMEZONE",
            ]
            + event([
                "DTSTART;VALUE=DATE:20220530", "SUMMARY:M",
                "BEGIN:VALARM", "TRIGGER:-PT15M", "ACTION:DISPLAY", "END:VALARM",
            ])
        #expect(try dates(body) == ["2022-05-30"])
    }

    @Test func calscaleGregorianAndXPropertiesAreAccepted() throws {
        let body =
            ["CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-PUBLISHED-TTL:PT1H"]
            + event([
                "DTSTART;VALUE=DATE:20220530", "SUMMARY:M", "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
                "CATEGORIES:Holiday", "CLASS:PUBLIC", "TRANSP:TRANSPARENT", "SEQUENCE:0",
                "LOCATION:New York", "CREATED:20220101T000000Z", "LAST-MODIFIED:20220101T000000Z", "COMMENT:c",
            ])
        #expect(try dates(body) == ["2022-05-30"])
    }

    // MARK: Recurrence

    @Test func memorialDayIsTheLastMondayOfMay() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220530", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "SUMMARY:Memorial Day"]))
        #expect(result == ["2022-05-30", "2023-05-29", "2024-05-27", "2025-05-26", "2026-05-25", "2027-05-31"])
    }

    @Test func thanksgivingIsTheFourthThursdayOfNovember() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20221124", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "SUMMARY:Thanksgiving"]))
        #expect(result == ["2022-11-24", "2023-11-23", "2024-11-28", "2025-11-27", "2026-11-26", "2027-11-25"])
    }

    @Test func labourDayWithPlusSign() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220905", "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=+1MO", "SUMMARY:Labour Day"]))
        #expect(result == ["2022-09-05", "2023-09-04", "2024-09-02", "2025-09-01", "2026-09-07", "2027-09-06"])
    }

    @Test func plainYearlyRepeatsTheStartDate() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220704", "RRULE:FREQ=YEARLY", "SUMMARY:Independence Day"]))
        #expect(result == ["2022-07-04", "2023-07-04", "2024-07-04", "2025-07-04", "2026-07-04", "2027-07-04"])
    }

    @Test func negativeMonthDayCountsFromTheEnd() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220228", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "SUMMARY:Last of Feb"]))
        #expect(result == ["2022-02-28", "2023-02-28", "2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28"])
    }

    @Test func byMonthDayWithByDayKeepsOnlyMatchingWeekdays() throws {
        // Friday the 13th of any month, 2022 only (UNTIL).
        let result = try dates(event(["DTSTART;VALUE=DATE:20220513", "RRULE:FREQ=YEARLY;BYMONTHDAY=13;BYDAY=FR;UNTIL=20221231", "SUMMARY:F13"]))
        #expect(result == ["2022-05-13"])
    }

    @Test func everyWednesdayOfAMonth() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220601", "RRULE:FREQ=YEARLY;BYMONTH=6;BYDAY=WE;COUNT=5", "SUMMARY:W"]))
        #expect(result == ["2022-06-01", "2022-06-08", "2022-06-15", "2022-06-22", "2022-06-29"])
    }

    @Test func byDayWithoutByMonthCountsInTheYear() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220103", "RRULE:FREQ=YEARLY;BYDAY=1MO;COUNT=2", "SUMMARY:First Monday"]))
        #expect(result == ["2022-01-03", "2023-01-02"])
    }

    @Test func intervalSkipsYears() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220101", "RRULE:FREQ=YEARLY;INTERVAL=2", "SUMMARY:Biennial"]))
        #expect(result == ["2022-01-01", "2024-01-01", "2026-01-01"])
    }

    @Test func intervalStaysAlignedToTheStartYearWhenSkippingToCoverage() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20010101", "RRULE:FREQ=YEARLY;INTERVAL=2", "SUMMARY:Odd years"]))
        #expect(result == ["2023-01-01", "2025-01-01", "2027-01-01"])
    }

    @Test func expansionOverTheWholeCalendarRangeIsBounded() throws {
        let text = [
            "BEGIN:VCALENDAR",
            "X-IMRF-COVERAGE-START;VALUE=DATE:00010101",
            "X-IMRF-COVERAGE-END;VALUE=DATE:99991231",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:00010101", "SUMMARY:First Monday",
            "RRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=1MO;COUNT=1000000", "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\n")
        let calendar = try ICalendarReader.read(text, name: "t", path: "t.ics")
        // DTSTART (a Monday) plus the first Monday of January of each later year.
        #expect(calendar.holidays.count == 9999)
        #expect(calendar.holidays.last?.date.weekday == .monday)
    }

    @Test func untilIsInclusive() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220530", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;UNTIL=20240527", "SUMMARY:M"]))
        #expect(result == ["2022-05-30", "2023-05-29", "2024-05-27"])
    }

    @Test func countIncludesTheStart() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20220530", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=2", "SUMMARY:M"]))
        #expect(result == ["2022-05-30", "2023-05-29"])
    }

    @Test func countIsUsedUpBeforeCoverage() throws {
        // Starts in 2020: 2020 and 2021 are outside coverage but still count.
        let result = try dates(event(["DTSTART;VALUE=DATE:20200704", "RRULE:FREQ=YEARLY;COUNT=4", "SUMMARY:I"]))
        #expect(result == ["2022-07-04", "2023-07-04"])
    }

    @Test func recurrenceIsCutToCoverageAndDoesNotHang() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:00010101", "RRULE:FREQ=YEARLY", "SUMMARY:New Year"]))
        #expect(result == ["2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01"])
    }

    @Test func exdateRemovesOccurrencesFromListsAndSeveralLines() throws {
        let result = try dates(
            event([
                "DTSTART;VALUE=DATE:20220704", "RRULE:FREQ=YEARLY", "SUMMARY:I",
                "EXDATE;VALUE=DATE:20230704,20240704", "EXDATE;VALUE=DATE:20260704",
            ]))
        #expect(result == ["2022-07-04", "2025-07-04", "2027-07-04"])
    }

    @Test func rdateAddsDatesWithinCoverage() throws {
        let result = try dates(
            event([
                "DTSTART;VALUE=DATE:20220502", "SUMMARY:Eid al-Fitr",
                "RDATE;VALUE=DATE:20230421,20240410", "RDATE;VALUE=DATE:20280101",
            ]))
        #expect(result == ["2022-05-02", "2023-04-21", "2024-04-10"])
    }

    @Test func recurringMultiDayEvent() throws {
        let result = try dates(event(["DTSTART;VALUE=DATE:20221224", "DURATION:P2D", "RRULE:FREQ=YEARLY;COUNT=2", "SUMMARY:X"]))
        #expect(result == ["2022-12-24", "2022-12-25", "2023-12-24", "2023-12-25"])
    }

    // MARK: Errors

    /// Each case: the body lines, the expected code, the expected line
    /// (the header of `calendarText` has 5 lines, so body line k is line 5 + k).
    static let errorCases: [(String, [String], ICalendarError.Code, Int)] = [
        ("no colon", event(["DTSTART;VALUE=DATE:20220530", "SUMMARY Memorial Day"]), .malformedLine, 8),
        ("bad date", event(["DTSTART;VALUE=DATE:20230229", "SUMMARY:M"]), .invalidDate(property: "DTSTART", value: "20230229"), 7),
        (
            "dtend before start", event(["DTSTART;VALUE=DATE:20220530", "DTEND;VALUE=DATE:20220530", "SUMMARY:M"]),
            .endNotAfterStart(property: "DTEND"), 8
        ),
        ("zero duration", event(["DTSTART;VALUE=DATE:20220530", "DURATION:P0D", "SUMMARY:M"]), .endNotAfterStart(property: "DURATION"), 8),
        (
            "duration past 9999", event(["DTSTART;VALUE=DATE:99991231", "DURATION:P2D", "SUMMARY:M"]),
            .unsupported("an event that ends after 31 December 9999"), 8
        ),
        ("bad duration", event(["DTSTART;VALUE=DATE:20220530", "DURATION:1D", "SUMMARY:M"]), .invalidValue(property: "DURATION", value: "1D"), 8),
        (
            "duration with time", event(["DTSTART;VALUE=DATE:20220530", "DURATION:PT1H", "SUMMARY:M"]),
            .unsupported("DURATION with hours or minutes; holidays are whole days (P1D)"), 8
        ),
        ("missing dtstart", event(["SUMMARY:M"]), .missingProperty(component: "VEVENT", property: "DTSTART"), 6),
        ("missing summary", event(["DTSTART;VALUE=DATE:20220530"]), .missingProperty(component: "VEVENT", property: "SUMMARY"), 6),
        ("duplicate dtstart", event(["DTSTART;VALUE=DATE:20220530", "DTSTART;VALUE=DATE:20220531", "SUMMARY:M"]), .duplicateProperty("DTSTART"), 8),
        ("bad status", event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M", "STATUS:MAYBE"]), .invalidValue(property: "STATUS", value: "MAYBE"), 9),
        ("end without begin", ["END:VEVENT"], .endWithoutBegin(component: "VEVENT"), 6),
        ("unclosed event", ["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20220530", "SUMMARY:M"], .missingEnd(component: "VEVENT"), 9),
        (
            "bad rrule", event(["DTSTART;VALUE=DATE:20220530", "RRULE:FREQ=YEARLY;BYMONTH=13", "SUMMARY:M"]),
            .invalidValue(property: "RRULE", value: "FREQ=YEARLY;BYMONTH=13"), 8
        ),
        (
            "count and until", event(["DTSTART;VALUE=DATE:20220530", "RRULE:FREQ=YEARLY;COUNT=2;UNTIL=20250101", "SUMMARY:M"]),
            .invalidValue(property: "RRULE", value: "FREQ=YEARLY;COUNT=2;UNTIL=20250101"), 8
        ),
        (
            "bad exdate", event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M", "EXDATE;VALUE=DATE:20220530,2022"]),
            .invalidDate(property: "EXDATE", value: "2022"), 9
        ),
        (
            "dtend and duration", event(["DTSTART;VALUE=DATE:20220530", "DTEND;VALUE=DATE:20220531", "DURATION:P1D", "SUMMARY:M"]),
            .unsupported("both DTEND and DURATION in one event"), 9
        ),
    ]

    @Test(arguments: errorCases)
    func errorsNameTheLine(label: String, body: [String], code: ICalendarError.Code, line: Int) {
        let failure = error(calendarText(body))
        #expect(failure?.code == code, "\(label)")
        #expect(failure?.location == SourceLocation(path: "test.ics", line: line), "\(label)")
        #expect(failure?.kind == .badInput)
    }

    static let unsupportedCases: [(String, Int)] = [
        ("DTSTART:20220530T090000", 7),
        ("DTSTART;TZID=America/New_York:20220530", 7),
        ("DTSTART;VALUE=DATE-TIME:20220530T090000Z", 7),
        ("RRULE:FREQ=MONTHLY", 8),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO", 8),
        ("RRULE:FREQ=YEARLY;BYSETPOS=-1;BYDAY=MO", 8),
        ("RRULE:FREQ=YEARLY;BYWEEKNO=20", 8),
        ("RRULE:FREQ=YEARLY;BYYEARDAY=150", 8),
        ("RRULE:FREQ=YEARLY;UNTIL=20250101T000000Z", 8),
        ("EXDATE;VALUE=PERIOD:20220530/P1D", 8),
        ("RDATE:20220601T000000Z", 8),
        ("RDATE;VALUE=PERIOD:20220601/20220602", 8),
        ("EXRULE:FREQ=YEARLY", 8),
        ("RECURRENCE-ID;VALUE=DATE:20220530", 8),
        ("ATTENDEE-LIKE-THING:x", 8),
    ]

    @Test(arguments: unsupportedCases)
    func unsupportedFeaturesAreErrorsNotIgnored(text: String, number: Int) {
        let body: [String]
        if text.hasPrefix("DTSTART") {
            body = event([text, "SUMMARY:M"])
        } else {
            body = event(["DTSTART;VALUE=DATE:20220530", text, "SUMMARY:M"])
        }
        let failure = error(calendarText(body))
        guard case .unsupported = failure?.code else {
            Issue.record("\(text): expected an unsupported error, got \(String(describing: failure))")
            return
        }
        #expect(failure?.location.line == number, "\(text)")
        #expect(failure?.diagnostics.first?.message.hasPrefix("unsupported") == true)
    }

    @Test func unknownComponentIsUnsupported() {
        let failure = error(calendarText(["BEGIN:VTODO", "DUE;VALUE=DATE:20220530", "END:VTODO"]))
        #expect(failure?.code == .unsupported("the component VTODO inside VCALENDAR"))
        #expect(failure?.location.line == 6)
    }

    @Test func unknownCalendarPropertyIsUnsupported() {
        let failure = error(calendarText(["RRULE:FREQ=YEARLY"]))
        #expect(failure?.code == .unsupported("the calendar property RRULE"))
        #expect(failure?.location.line == 6)
    }

    @Test func nonGregorianCalscaleIsUnsupported() {
        let failure = error(calendarText(["CALSCALE:HEBREW"]))
        guard case .unsupported = failure?.code else {
            Issue.record("got \(String(describing: failure))")
            return
        }
        #expect(failure?.location.line == 6)
    }

    @Test func emptyFile() {
        #expect(error("")?.code == .emptyFile)
        #expect(error("\r\n\r\n")?.code == .emptyFile)
        #expect(error("\u{FEFF}")?.location.line == 1)
    }

    @Test func notACalendar() {
        let failure = error("BEGIN:VEVENT\r\nEND:VEVENT\r\n")
        #expect(failure?.code == .notACalendar)
        #expect(failure?.location.line == 1)
    }

    @Test func missingEndOfCalendar() {
        let text = calendarText(event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M"]))
            .replacingOccurrences(of: "END:VCALENDAR\r\n", with: "")
        let failure = error(text)
        #expect(failure?.code == .missingEnd(component: "VCALENDAR"))
        #expect(failure?.location.line == 9)
    }

    @Test func contentAfterEndOfCalendar() {
        let failure = error(calendarText([]) + "BEGIN:VCALENDAR\r\n")
        #expect(failure?.code == .contentAfterEnd)
        #expect(failure?.location.line == 7)
    }

    @Test func mismatchedEndNamesTheOpenComponent() {
        let failure = error(calendarText(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20220530"]))
        #expect(failure?.code == .missingEnd(component: "VEVENT"))
        #expect(failure?.location.line == 8)
    }

    @Test func missingCoverageIsAnError() {
        for missing in ["X-IMRF-COVERAGE-START", "X-IMRF-COVERAGE-END"] {
            let text = calendarText([]).split(separator: "\r\n").filter { !$0.hasPrefix(missing) }.joined(separator: "\r\n")
            let failure = error(text)
            #expect(failure?.code == .missingCoverage, "\(missing)")
            #expect(failure?.location.line == 1)
            #expect(failure?.diagnostics.first?.message.contains("years it covers") == true)
        }
    }

    @Test func coverageEndBeforeStart() {
        let text = calendarText([]).replacingOccurrences(of: "20271231", with: "20211231")
        #expect(error(text)?.code == .endNotAfterStart(property: "X-IMRF-COVERAGE-END"))
        #expect(error(text)?.location.line == 5)
    }

    @Test func diagnosticIsReadableWithLocationAndHint() throws {
        let failure = try #require(error(calendarText(event(["DTSTART;VALUE=DATE:20230229", "SUMMARY:M"]))))
        let text = try #require(failure.diagnostics.first).description
        #expect(failure.diagnostics.count == 1)
        #expect(text.hasPrefix("test.ics:7: error: DTSTART has '20230229', which is not a valid date"))
        #expect(text.contains("hint: Write dates as YYYYMMDD"))
    }

    @Test func throwsTypedError() {
        #expect(throws: ICalendarError.self) {
            try ICalendarReader.read("BEGIN:VCALENDAR", name: "x", path: "x.ics")
        }
    }

    // MARK: Files

    @Test func readsFileAndNamesItAfterTheFile() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let directory = temporary.url
        let url = directory.appendingPathComponent("un-new-york.ics")
        try calendarText(event(["DTSTART;VALUE=DATE:20220530", "SUMMARY:M"])).write(to: url, atomically: true, encoding: .utf8)
        #expect(try ICalendarReader.read(contentsOf: url).name == "un-new-york")
        #expect(try ICalendarReader.read(contentsOf: url, name: "other").name == "other")

        let latin1 = directory.appendingPathComponent("latin1.ics")
        try Data([0x42, 0x45, 0xE9, 0xFF, 0x0A]).write(to: latin1)
        #expect(throws: ICalendarError(.notUTF8, at: SourceLocation(path: latin1.relativePath))) {
            try ICalendarReader.read(contentsOf: latin1)
        }

        let missing = directory.appendingPathComponent("missing.ics")
        do {
            _ = try ICalendarReader.read(contentsOf: missing)
            Issue.record("read a missing file")
        } catch {
            guard case .unreadableFile = error.code else {
                Issue.record("got \(error)")
                return
            }
            #expect(error.location.path == missing.relativePath)
        }
    }
}
