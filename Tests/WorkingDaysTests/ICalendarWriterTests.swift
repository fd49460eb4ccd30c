import IMRFTestSupport
import PropertyBased
import Testing

@testable import WorkingDays

private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

private let sample = HolidayCalendar(
    name: "un-new-york",
    coverage: date("2022-01-01")...date("2027-12-31"),
    holidays: [
        Holiday(date: date("2022-05-30"), name: "Memorial Day", status: .confirmed, source: "rule"),
        Holiday(date: date("2022-05-02"), name: "Eid al-Fitr", status: .tentative, source: "estimate, Umm al-Qura"),
        Holiday(date: date("2022-05-02"), name: "Second; same day", status: .confirmed),
    ],
    summary: "UN HQ holidays\nfrom ST/IC circulars"
)

private func randomText(_ rng: inout SeededRandom, minLength: Int = 0) -> String {
    let alphabet: [String] = [
        "a", "Z", " ", ",", ";", ":", "\\", "\n", "\"", "é", "ñ", "ü", "中", "文", "😀", "👍🏽",
        "\u{0301}", "=", "-", "\t", "Eid al-Fitr", "Aïd",
    ]
    let length = Int.random(in: minLength...60, using: &rng)
    return (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
}

/// The calendar of `seed`: one integer from PropertyBased describes a whole
/// random calendar (SeededRandom) and shrinks to it.
private func randomCalendar(seed: Int) -> HolidayCalendar {
    var rng = SeededRandom(seed: UInt64(seed))
    let start = CivilDate(year: Int.random(in: 1990...2030, using: &rng), month: 1, day: 1)!
    let end = start.adding(days: Int.random(in: 0...3000, using: &rng))
    let holidays = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
        Holiday(
            date: start.adding(days: Int.random(in: 0...start.days(to: end), using: &rng)),
            name: randomText(&rng),
            status: Bool.random(using: &rng) ? .confirmed : .tentative,
            source: Bool.random(using: &rng) ? randomText(&rng) : nil)
    }
    return HolidayCalendar(
        name: randomText(&rng), coverage: start...end, holidays: holidays,
        summary: Bool.random(using: &rng) ? randomText(&rng) : nil)
}

@Suite("ICalendarWriter")
struct ICalendarWriterTests {
    @Test func writesTheExpectedFile() throws {
        let expected = [
            "BEGIN:VCALENDAR",
            "PRODID:-//imrf//holiday calendar//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:un-new-york",
            "X-WR-CALDESC:UN HQ holidays\\nfrom ST/IC circulars",
            "X-IMRF-COVERAGE-START;VALUE=DATE:20220101",
            "X-IMRF-COVERAGE-END;VALUE=DATE:20271231",
            "BEGIN:VEVENT",
            "UID:20220502-eid-al-fitr@un-new-york.imrf",
            "DTSTAMP:19700101T000000Z",
            "DTSTART;VALUE=DATE:20220502",
            "DTEND;VALUE=DATE:20220503",
            "SUMMARY:Eid al-Fitr",
            "STATUS:TENTATIVE",
            "TRANSP:TRANSPARENT",
            "X-IMRF-SOURCE:estimate\\, Umm al-Qura",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:20220502-second-same-day@un-new-york.imrf",
            "DTSTAMP:19700101T000000Z",
            "DTSTART;VALUE=DATE:20220502",
            "DTEND;VALUE=DATE:20220503",
            "SUMMARY:Second\\; same day",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:20220530-memorial-day@un-new-york.imrf",
            "DTSTAMP:19700101T000000Z",
            "DTSTART;VALUE=DATE:20220530",
            "DTEND;VALUE=DATE:20220531",
            "SUMMARY:Memorial Day",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "X-IMRF-SOURCE:rule",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(try ICalendarWriter.write(sample) == expected)
    }

    /// Each year's state is written and read back; a circular's symbol with
    /// a comma is quoted; two holidays of one name on one day get distinct UIDs.
    @Test func yearStatesAndUIDsRoundTrip() throws {
        let calendar = HolidayCalendar(
            name: "HQ", coverage: date("2029-01-01")...date("2030-12-31"),
            holidays: [
                Holiday(date: date("2029-01-01"), name: "New Year's Day", status: .confirmed, source: "ST/IC/2028/20"),
                Holiday(date: date("2030-01-01"), name: "New Year's Day", status: .tentative),
                Holiday(date: date("2030-01-01"), name: "New Year's Day", status: .tentative),
            ],
            years: [CalendarYear(2030, .projected), CalendarYear(2029, .published, source: "ST/IC/2028/20, para. 2")])
        let text = try ICalendarWriter.write(calendar, stamp: "20261130T120000Z").replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED;X-IMRF-CIRCULAR=\"ST/IC/2028/20, para. 2\":2029\r\n"))
        #expect(text.contains("X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030\r\n"))
        #expect(text.contains("UID:20300101-new-year-s-day@hq.imrf\r\n"))
        #expect(text.contains("UID:20300101-new-year-s-day-2@hq.imrf\r\n"))
        #expect(text.contains("DTSTAMP:20261130T120000Z\r\n"))
        let read = try ICalendarReader.read(text, name: "x", path: "x.ics")
        #expect(read == calendar)
        #expect(read.projectedYears(from: date("2029-12-20"), to: date("2030-01-08")) == [2030])
        #expect(read.state(ofYear: 2029)?.source == "ST/IC/2028/20, para. 2")
    }

    @Test func outputIsByteStable() throws {
        #expect(try ICalendarWriter.write(sample) == ICalendarWriter.write(sample))
    }

    @Test func noSummaryMeansNoCalendarDescription() throws {
        var calendar = sample
        calendar.summary = nil
        #expect(try !ICalendarWriter.write(calendar).contains("X-WR-CALDESC"))
    }

    @Test func roundTripsTheSample() throws {
        let text = try ICalendarWriter.write(sample)
        #expect(try ICalendarReader.read(text, name: "other", path: "x.ics") == sample)
    }

    @Test func escapesBackslashSemicolonCommaNewline() {
        #expect(ContentLine.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ContentLine.escape("a\r\nb") == "a\\nb")
        #expect(ContentLine.unescape(ContentLine.escape("x\\n;,\n")) == "x\\n;,\n")
    }

    @Test func foldsAt75OctetsWithoutSplittingUTF8() {
        // 'é' is two octets: 40 of them do not fit in 75 octets.
        let line = "SUMMARY:" + String(repeating: "é", count: 40) + String(repeating: "😀", count: 30)
        let folded = ContentLine.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = String(folded.utf8.dropLast(2))!.components(separatedBy: "\r\n")
        #expect(physical.count > 2)
        for (index, piece) in physical.enumerated() {
            #expect(piece.utf8.count <= 75)
            if index > 0 { #expect(piece.hasPrefix(" ")) }
            // Each piece is valid UTF-8 on its own: decoding its bytes gives it back.
            #expect(String(decoding: Array(piece.utf8), as: UTF8.self) == piece)
        }
        #expect(physical.first!.utf8.count == 74)  // 8 + 33 * 2 = 74; one more 'é' would be 76
        let unfolded = physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        #expect(unfolded == line)
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "x", count: 75)
        #expect(ContentLine.fold(line) == line + "\r\n")
        #expect(ContentLine.fold(line + "y") == line + "\r\n y\r\n")
    }

    @Test func writtenLinesAreAtMost75Octets() throws {
        var calendar = sample
        calendar.name = String(repeating: "Nöël 中文 😀 ", count: 20)
        for line in try ICalendarWriter.write(calendar).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
            #expect(!line.contains("\n"))
        }
    }

    @Test func lastRepresentableDayRoundTrips() throws {
        let last = date("9999-12-31")
        let calendar = HolidayCalendar(
            name: "end", coverage: date("9999-01-01")...last,
            holidays: [Holiday(date: last, name: "Last")])
        let text = try ICalendarWriter.write(calendar)
        #expect(text.contains("DURATION:P1D\r\n"))
        #expect(try ICalendarReader.read(text, name: "x", path: "x.ics") == calendar)
    }

    @Test func randomCalendarsRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let calendar = randomCalendar(seed: seed)
            do {
                let text = try ICalendarWriter.write(calendar)
                let back = try ICalendarReader.read(text, name: "unused", path: "random.ics")
                #expect(back == calendar, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// A yearly rule from a 300-byte file expands to 10,000 days: more than a
    /// file of single days may hold. The writer refuses it, as the reader
    /// would refuse what it wrote (found by fuzzing).
    @Test func refusesACalendarItsReaderCouldNotReadBack() throws {
        let source = [
            "BEGIN:VCALENDAR",
            "X-IMRF-COVERAGE-START;VALUE=DATE:00010101",
            "X-IMRF-COVERAGE-END;VALUE=DATE:99991231",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:00010101",
            "SUMMARY:M",
            "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-3MO",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        let calendar = try ICalendarReader.read(source, name: "long", path: "long.ics")
        #expect(calendar.holidays.count == 10_000)  // DTSTART and a day in each May
        #expect {
            try ICalendarWriter.write(calendar, path: "out.ics")
        } throws: { error in
            guard let error = error as? ICalendarError, case .tooLarge = error.code else { return false }
            return error.location.path == "out.ics"
        }
    }

    @Test func refusesMoreHolidayDaysThanAFileHoldsEvents() {
        let first = date("2000-01-01")
        let count = ICalendarReader.Limits.events + 1
        let calendar = HolidayCalendar(
            name: "many", coverage: first...first.adding(days: count),
            holidays: (0..<count).map { Holiday(date: first.adding(days: $0), name: "H") })
        #expect {
            try ICalendarWriter.write(calendar)
        } throws: { error in
            guard let error = error as? ICalendarError, case .tooLarge(let what, _) = error.code else { return false }
            return what.contains("holiday days")
        }
    }

    @Test func writesUpToTheFileLimitAndReadsBack() throws {
        // 5,000 one-day holidays are about 700 KB: under both limits.
        let first = date("2000-01-01")
        let calendar = HolidayCalendar(
            name: "many", coverage: first...first.adding(days: 5_000),
            holidays: (0..<5_000).map { Holiday(date: first.adding(days: $0), name: "H") })
        let text = try ICalendarWriter.write(calendar)
        #expect(try ICalendarReader.read(text, name: "x", path: "x.ics") == calendar)
    }

    @Test func noEventIsSmallerThanTheWritersEstimate() throws {
        let last = date("9999-12-31")
        for day in [date("2026-05-05"), last] {
            let calendar = HolidayCalendar(name: "", coverage: date("9999-01-01")...last, holidays: [Holiday(date: day, name: "")])
            let empty = HolidayCalendar(name: "", coverage: date("9999-01-01")...last, holidays: [])
            let eventBytes = try ICalendarWriter.write(calendar).utf8.count - ICalendarWriter.write(empty).utf8.count
            #expect(eventBytes >= ICalendarWriter.minimumEventBytes)
            if day == last { #expect(eventBytes == ICalendarWriter.minimumEventBytes, "the estimate is the smallest event") }
        }
    }
}
