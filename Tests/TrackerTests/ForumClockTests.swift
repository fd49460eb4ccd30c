import Forum
import Foundation
import Testing
import Tracker
import WorkingDays

@Suite struct ForumClockTests {
    let clock = ForumClock(identifier: "America/New_York")!

    @Test func readsDatesLocalTimesAndInstants() {
        #expect(clock.moment("2026-05-20") == Fixtures.utc("2026-05-20T04:00:00Z"))
        #expect(clock.moment("2026-05-20T16:30") == Fixtures.utc("2026-05-20T20:30:00Z"))
        #expect(clock.moment("2026-05-20T16:30:15") == Fixtures.utc("2026-05-20T20:30:15Z"))
        #expect(clock.moment("2026-05-20T20:30:00Z") == Fixtures.utc("2026-05-20T20:30:00Z"))
        #expect(clock.moment("2026-05-21T05:30:00+09:00") == Fixtures.utc("2026-05-20T20:30:00Z"))
        #expect(clock.moment("2026-05-20T10:30-1000") == Fixtures.utc("2026-05-20T20:30:00Z"))
    }

    @Test(arguments: ["", "tomorrow", "2026-02-30", "2026-05-20T25:00", "2026-05-20T16", "2026-05-20 16:30", "2026-05-20T16:30+5"])
    func rejectsAnythingElse(text: String) {
        #expect(clock.moment(text) == nil)
    }

    /// 23:30 in Honolulu on 22 May is already 23 May in New York and Tokyo.
    @Test func theForumsDateNotTheMachines() {
        let instant = Fixtures.utc("2026-05-23T09:30:00Z")
        #expect(clock.date(at: instant).iso == "2026-05-23")
        #expect(CivilDate(instant, in: TimeZone(identifier: "Pacific/Honolulu")!).iso == "2026-05-22")
        #expect(clock.short(instant) == "Sat 23 May 2026 05:30")
    }

    @Test func timesOfDayParseStrictly() {
        #expect(TimeOfDay("15:00") == TimeOfDay.afternoon)
        #expect(TimeOfDay("09:05")?.description == "09:05")
        for bad in ["9:00", "24:00", "12:60", "12", "ab:cd", "12:00:00"] { #expect(TimeOfDay(bad) == nil, "\(bad)") }
    }
}
