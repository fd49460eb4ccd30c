import PropertyBased
import Testing
import WorkingDays

/// Properties over random dates of the 2022-2027 UN calendar, and agreement
/// with `NaiveCalendar`, the day-by-day reference, including at and beyond
/// the coverage edges where the errors must match too.
@Suite("Working-day properties")
struct WorkingDayPropertyTests {
    let un = Fixtures.un
    let naive = NaiveCalendar(Fixtures.unNewYork)
    static let first = Fixtures.unCoverage.lowerBound.dayNumber
    static let last = Fixtures.unCoverage.upperBound.dayNumber
    /// Days well inside the coverage, leaving room for 60 working days either side.
    static let inner = (first + 100)...(last - 100)
    /// The coverage and a margin outside it, to exercise the errors.
    static let around = (first - 10)...(last + 10)

    @Test func countUndoesAdvance() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.inner), Gen.int(in: 1...60)) { day, k in
            let date = CivilDate(dayNumber: day)
            let deadline = try un.advance(date, by: k)
            #expect(try un.count(from: date.adding(days: 1), to: deadline.adding(days: 1)) == k)
            #expect(try un.isWorkingDay(deadline))
            let back = try un.advance(date, by: -k)
            #expect(try un.count(from: back, to: date) == k)
            #expect(try un.isWorkingDay(back))
        }
    }

    @Test func advanceIsStrictlyMonotoneInTheCount() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.inner), Gen.int(in: -60...59)) { day, k in
            // 0 is skipped: it means "this day", not a count.
            guard k != 0 else { return }
            let date = CivilDate(dayNumber: day)
            let this = try un.advance(date, by: k)
            let next = try un.advance(date, by: k == -1 ? 1 : k + 1)
            #expect(this < next)
        }
    }

    @Test func advanceIsMonotoneInTheStart() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.inner), Gen.int(in: 0...30), Gen.int(in: -60...60)) {
            day, gap, k in
            guard k != 0 else { return }
            let earlier = CivilDate(dayNumber: day)
            let later = CivilDate(dayNumber: day + gap)
            let fromEarlier = try un.advance(earlier, by: k)
            let fromLater = try un.advance(later, by: k)
            #expect(fromEarlier <= fromLater)
        }
    }

    @Test func advancingBackFromADeadlineReturnsToAWorkingDayStart() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.inner), Gen.int(in: -60...60)) { day, k in
            let start = try un.roll(CivilDate(dayNumber: day), .following)
            #expect(try un.advance(un.advance(start, by: k), by: -k) == start)
        }
    }

    @Test func agreesWithTheDayByDayReference() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.around), Gen.int(in: -60...60)) { day, k in
            let date = CivilDate(dayNumber: day)
            #expect(
                Result { () throws(WorkingDayError) in try un.advance(date, by: k) }
                    == Result { () throws(WorkingDayError) in try naive.advance(date, by: k) })
            #expect(
                Result { () throws(WorkingDayError) in try un.isWorkingDay(date) }
                    == Result { () throws(WorkingDayError) in try naive.isWorking(date) })
            let other = date.adding(days: k * 3)
            #expect(
                Result { () throws(WorkingDayError) in try un.count(from: date, to: other) }
                    == Result { () throws(WorkingDayError) in try naive.count(from: date, to: other) })
            for convention in RollConvention.allCases {
                #expect(
                    Result { () throws(WorkingDayError) in try un.roll(date, convention) }
                        == Result { () throws(WorkingDayError) in try naive.roll(date, convention) })
            }
        }
    }

    @Test func agreesWithTheReferenceForEveryWeekMask() async {
        let calendar = HolidayCalendar(
            name: "short", coverage: Fixtures.date("2026-04-20")...Fixtures.date("2026-06-30"),
            holidays: Fixtures.unHolidays)
        let first = calendar.coverage.lowerBound.dayNumber - 3
        let last = calendar.coverage.upperBound.dayNumber + 3
        await propertyCheck(count: 500, input: Gen.int(in: 1...127), Gen.int(in: first...last), Gen.int(in: -25...25)) {
            bits, day, k in
            let mask = WeekMask(workingDays: Set(Weekday.allCases.filter { bits & (1 << ($0.rawValue - 1)) != 0 }))
            let fast = WorkingDayCalendar(calendar, weekMask: mask)
            let slow = NaiveCalendar(calendar, mask: mask)
            let date = CivilDate(dayNumber: day)
            #expect(
                Result { () throws(WorkingDayError) in try fast.advance(date, by: k) }
                    == Result { () throws(WorkingDayError) in try slow.advance(date, by: k) })
            let other = date.adding(days: k * 2)
            #expect(
                Result { () throws(WorkingDayError) in try fast.count(from: date, to: other) }
                    == Result { () throws(WorkingDayError) in try slow.count(from: date, to: other) })
            for convention in RollConvention.allCases {
                #expect(
                    Result { () throws(WorkingDayError) in try fast.roll(date, convention) }
                        == Result { () throws(WorkingDayError) in try slow.roll(date, convention) })
            }
        }
    }

    @Test func explanationsListExactlyTheNonWorkingDaysBetween() async {
        await propertyCheck(count: 300, input: Gen.int(in: Self.inner), Gen.int(in: -40...40)) { day, k in
            guard k != 0 else { return }
            let date = CivilDate(dayNumber: day)
            let explanation = try un.explainAdvance(date, by: k)
            #expect(explanation.deadline == (try un.advance(date, by: k)))
            let low = min(date, explanation.deadline).dayNumber + 1
            let high = max(date, explanation.deadline).dayNumber - 1
            let expected = stride(from: low, through: high, by: 1).map { CivilDate(dayNumber: $0) }
                .filter { !((try? naive.isWorking($0)) ?? true) }
            #expect(explanation.skipped.map(\.date) == expected)
            // |k| working days plus the skipped days fill the span exactly.
            #expect(explanation.skipped.count + abs(k) - 1 == max(0, high - low + 1))
        }
    }
}
