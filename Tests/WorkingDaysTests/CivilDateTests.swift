import Foundation
import PropertyBased
import Testing
import WorkingDays

@Suite("CivilDate")
struct CivilDateTests {
    @Test func parsesIsoDates() {
        #expect(CivilDate(iso: "2022-05-20") == CivilDate(year: 2022, month: 5, day: 20))
        #expect(CivilDate(iso: "2024-02-29") != nil)
    }

    @Test(arguments: [
        "2023-02-29", "2022-13-01", "2022-00-10", "2022-04-31", "2022-5-20", "20220520",
        "2022-05-20T00:00", " 2022-05-20", "2022/05/20", "", "abcd-ef-gh", "0000-01-01",
    ])
    func rejectsImpossibleOrMalformedDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func knowsItsWeekday() {
        #expect(CivilDate(iso: "2022-05-20")!.weekday == .friday)
        #expect(CivilDate(iso: "1970-01-01")!.weekday == .thursday)
        #expect(CivilDate(iso: "2026-05-22")!.weekday == .friday)
        #expect(CivilDate(iso: "1969-12-28")!.weekday == .sunday)
    }

    @Test func formatsInUnStyle() {
        let date = CivilDate(iso: "2022-06-06")!
        #expect(date.unStyle == "6 June 2022")
        #expect(date.long == "Monday 6 June 2022")
        #expect(date.short == "Mon 6 Jun 2022")
        #expect(date.basic == "20220606")
    }

    @Test func todayIsTheForumsDateNotTheMachines() throws {
        // 2026-05-23T02:30Z is still Friday 22 May in New York, already Saturday 23 in Tokyo.
        let instant = Date(timeIntervalSince1970: 1_779_503_400)
        #expect(CivilDate(instant, in: try #require(TimeZone(identifier: "America/New_York"))) == CivilDate(iso: "2026-05-22"))
        #expect(CivilDate(instant, in: try #require(TimeZone(identifier: "Asia/Tokyo"))) == CivilDate(iso: "2026-05-23"))
        #expect(CivilDate(instant, in: try #require(TimeZone(identifier: "Pacific/Honolulu"))) == CivilDate(iso: "2026-05-22"))
    }

    @Test func encodesAsAnIsoString() throws {
        let data = try JSONEncoder().encode([CivilDate(iso: "2022-06-06")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2022-06-06"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2022-02-30"]"#.utf8)) }
    }

    @Test func dayNumbersRoundTrip() async {
        await propertyCheck(count: 2000, input: Gen.int(in: -719_162...2_932_896)) { n in
            // 0001-01-01 ... 9999-12-31, the years CivilDate accepts.
            let date = CivilDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CivilDate(iso: date.iso) == date)
            #expect(date.adding(days: 1) > date)
        }
    }
}
