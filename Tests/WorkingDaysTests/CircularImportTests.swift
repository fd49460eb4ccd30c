import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import WorkingDays

/// The circular's list as the office copies it: a realistic copy out of a
/// PDF (heading with the circular's own date, a wrapped name, footnote marks
/// stuck to the names, curly apostrophes, footnotes after the list) and a
/// broken one whose every bad line is named.
@Suite("CircularImport")
struct CircularImportTests {
    private func fixture(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Circulars/\(name)"), encoding: .utf8)
    }

    @Test func aCircularCopiedFromThePDF() throws {
        let circular = try CircularImport.read(try fixture("circular-2029.txt"), path: "c.txt")
        #expect(circular.year == 2029)
        #expect(circular.source == "ST/IC/2028/20")
        #expect(circular.warnings.isEmpty)
        #expect(
            circular.entries.map { "\($0.date.iso) \($0.name)" } == [
                "2029-01-01 New Year's Day", "2029-02-14 Eid al-Fitr", "2029-03-30 Good Friday", "2029-04-24 Eid al-Adha",
                "2029-05-28 Memorial Day", "2029-07-04 Independence Day", "2029-09-03 Labour Day", "2029-11-22 Thanksgiving Day",
                "2029-12-25 Christmas Day",
            ])
        #expect(circular.holidays.allSatisfy { $0.status == .confirmed && $0.source == "confirmed: ST/IC/2028/20" })
    }

    @Test func everyBadLineIsNamedAndNothingIsTaken() throws {
        let failure = try #require(throws: DiagnosticFailure.self) {
            try CircularImport.read(try fixture("circular-2029-broken.txt"), path: "c.txt")
        }
        let messages = failure.diagnostics.map { "\($0.location?.line.description ?? "-"): \($0.message)" }
        #expect(
            messages == [
                "0: Independence Day is missing from the list for 2029",
                "4: 14 February 2029 is a Wednesday, not a Thursday",
                "6: Eid al-Adha on Saturday 28 April 2029 falls on a weekend",
                "10: Thanksgiving Day is listed 2 times (lines 9, 10)",
                "11: 31 February 2029 is not a date",
            ])
        #expect(failure.kind == .badInput)
    }

    @Test func theYearFromTheOptionAndAListWithoutOne() throws {
        let list = HeadquartersHolidays.projected(year: 2030).map { "\($0.date.day) \(CivilDate.monthNames[$0.date.month - 1]) \($0.name)" }
        let text = list.joined(separator: "\n")
        #expect(throws: DiagnosticFailure.self) { try CircularImport.read(text, path: "c.txt") }
        let circular = try CircularImport.read(text, path: "c.txt", year: 2030, source: "ST/IC/2029/30")
        #expect(circular.entries.count == 9)
        #expect(circular.source == "ST/IC/2029/30")
    }

    @Test(arguments: [
        ("Id al-Fitr a", "Eid al-Fitr"), ("Id al-Fitra", "Eid al-Fitr"), ("Id al-Adha*", "Eid al-Adha"), ("Id al-Adha (b)", "Eid al-Adha"),
        ("New Year\u{2019}s Day", "New Year's Day"), ("Labor Day", "Labour Day"), ("Id al\u{2011}Fitr", "Eid al-Fitr"),
        ("Id al- Adha", "Eid al-Adha"),
    ])
    func theCircularsSpellings(written: String, name: String) throws {
        #expect(CircularImport.aliases[CircularImport.cleanName(written).lowercased()] == name)
    }

    /// Against the projection: the moved Eid is named as moved, the others
    /// as confirmed; the year becomes published, its holidays confirmed.
    @Test func changesAndTheYearPublished() throws {
        let calendar = try ICalendarReader.read(contentsOf: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"))
        var text = try fixture("circular-2029.txt")
        text = text.replacingOccurrences(of: "Wednesday, 14 February       Id al-Fitra", with: "Thursday, 15 February        Id al-Fitra")
        let circular = try CircularImport.read(text, path: "c.txt")
        let changes = circular.changes(against: calendar)
        #expect(changes.contains("moved: Eid al-Fitr, from Wednesday 14 February 2029 to Thursday 15 February 2029"))
        #expect(changes.contains("confirmed: Good Friday, Friday 30 March 2029"))
        #expect(changes.count == 9)
        let published = try circular.applied(to: calendar)
        #expect(published.state(ofYear: 2029) == CalendarYear(2029, .published, source: "ST/IC/2028/20"))
        #expect(published.holidays(inYear: 2029).allSatisfy { $0.status == .confirmed })
        #expect(published.holidays(inYear: 2028) == calendar.holidays(inYear: 2028))
        #expect(try WorkingDayCalendar(published).explainAdvance(CivilDate(iso: "2029-05-10")!, by: 10).projectedYears == [])
    }
}
