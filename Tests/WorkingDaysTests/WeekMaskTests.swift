import Foundation
import Testing
import WorkingDays

@Suite("WeekMask")
struct WeekMaskTests {
    @Test(arguments: [
        ("Mon-Fri", [Weekday.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("mon-fri", [.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("Sun-Thu", [.monday, .tuesday, .wednesday, .thursday, .sunday]),
        ("Mon,Tue,Wed", [.monday, .tuesday, .wednesday]),
        ("Mon-Wed, Fri", [.monday, .tuesday, .wednesday, .friday]),
        ("Monday-Friday", [.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("Sat", [.saturday]),
        ("1111100", [.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("1111001", [.monday, .tuesday, .wednesday, .thursday, .sunday]),
        ("0000011", [.saturday, .sunday]),
        ("Mon-Sun", Weekday.allCases),
        ("0000000", []),
    ])
    func parses(text: String, days: [Weekday]) throws {
        let mask = try #require(WeekMask(parsing: text))
        #expect(mask == WeekMask(workingDays: Set(days)))
        for day in Weekday.allCases {
            #expect(mask.isWorking(day) == days.contains(day))
        }
    }

    @Test(arguments: [
        "", "Mon-", "-Fri", "Mon-Tue-Wed", "Mo-Fr", "Funday", "111110", "11111000", "1111102",
        "Mon,,Tue", "Mon;Tue",
    ])
    func rejects(text: String) {
        #expect(WeekMask(parsing: text) == nil)
    }

    @Test func mondayToFridayIsTheDefault() {
        #expect(WeekMask.mondayToFriday.description == "Mon-Fri")
        #expect(!WeekMask.mondayToFriday.isWorking(.saturday))
        #expect(!WeekMask.mondayToFriday.isWorking(.sunday))
        #expect(WeekMask.mondayToFriday.isWorking(.monday))
    }

    @Test(arguments: [
        ("1111100", "Mon-Fri"), ("1111001", "Sun-Thu"), ("1110100", "Mon,Tue,Wed,Fri"),
        ("1111111", "Mon-Sun"), ("0000000", "0000000"), ("0000010", "Sat"), ("1000001", "Sun-Mon"),
    ])
    func describesCanonically(bits: String, expected: String) throws {
        #expect(try #require(WeekMask(parsing: bits)).description == expected)
    }

    @Test func everyMaskRoundTripsThroughItsDescriptionAndJSON() throws {
        for bits in 0..<128 {
            let mask = WeekMask(workingDays: Set(Weekday.allCases.filter { bits & (1 << ($0.rawValue - 1)) != 0 }))
            #expect(WeekMask(parsing: mask.description) == mask, "\(mask)")
            let decoded = try JSONDecoder().decode(WeekMask.self, from: JSONEncoder().encode(mask))
            #expect(decoded == mask)
        }
    }

    @Test func rollConventionsHaveTheirCommandLineNames() {
        #expect(RollConvention.allCases.map(\.rawValue) == ["following", "preceding", "modified-following"])
    }
}
