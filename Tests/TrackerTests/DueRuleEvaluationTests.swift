import Forum
import Foundation
import Testing
import Tracker
import WorkingDays

/// Each rule evaluated for both editions, against dates worked out by hand
/// from the public facts `Edition` states (forum days, 10:00 and 15:00
/// sessions) and UN Headquarters holidays (Calendars/), and the instants
/// they are in New York (EDT, UTC-4, in May).
@Suite struct DueRuleEvaluationTests {
    func due(_ edition: Edition, _ id: String) throws -> DueMoment {
        let tracker = try Fixtures.tracker(edition)
        return try tracker.due(try tracker.deliverable(id).due)
    }

    @Test func hearingSummaryIsDueAtTheOpening() throws {
        let first = try due(.first, "hearing-summary")
        #expect(first.iso == "2022-05-17T10:00")
        #expect(first.instant == Fixtures.utc("2022-05-17T14:00:00Z"))
        let second = try due(.second, "hearing-summary")
        #expect(second.iso == "2026-05-05T10:00")
        #expect(second.instant == Fixtures.utc("2026-05-05T14:00:00Z"))
        #expect(second.short == "Tue 5 May 2026 10:00")
    }

    @Test func roundTableSummariesAreDueAtTheStartOfThePolicyDebate() throws {
        let first = try due(.first, "round-table-summaries")
        #expect(first.iso == "2022-05-18T15:00")
        #expect(first.instant == Fixtures.utc("2022-05-18T19:00:00Z"))
        let second = try due(.second, "round-table-summaries")
        #expect(second.iso == "2026-05-06T15:00")
        #expect(second.instant == Fixtures.utc("2026-05-06T19:00:00Z"))
    }

    /// 2022: 10 working days after Friday 20 May skip Memorial Day (30 May):
    /// Monday 6 June. 2026: after Friday 8 May, no holiday: Friday 22 May.
    /// Due by the end of the day, so the instant is midnight in New York.
    @Test func pgaSummariesAreDueTenWorkingDaysAfterTheConclusion() throws {
        let first = try due(.first, "pga-summaries")
        #expect(first.iso == "2022-06-06")
        #expect(first.time == nil)
        #expect(first.instant == Fixtures.utc("2022-06-07T04:00:00Z"))
        #expect(first.explanation?.skipped.map(\.date.iso).contains("2022-05-30") == true)
        // 2022 is projected: even Memorial Day is tentative until a circular is entered.
        #expect(first.dependsOnTentative.map(\.name) == ["Memorial Day"])
        #expect(first.projectedYears == [2022])
        let second = try due(.second, "pga-summaries")
        #expect(second.iso == "2026-05-22")
        #expect(second.instant == Fixtures.utc("2026-05-23T04:00:00Z"))
        #expect(second.explanation?.skipped.count == 4)
        #expect(second.short == "Fri 22 May 2026")
    }

    /// With no `deliverables` in forum.yaml, the standard distribution rule
    /// follows `distribution.workingDays`:
    /// 15 days from Friday 8 May 2026 skip Memorial Day (25 May) and the
    /// tentative Eid al-Adha (27 May): Tuesday 2 June, which depends on it.
    @Test func distributionDaysComeFromTheForumAndNameTentativeHolidays() throws {
        var forum = Edition.second.forum
        forum.distributionWorkingDays = 15
        forum.deliverables = []
        let tracker = try Fixtures.tracker(forum)
        let due = try tracker.due(try tracker.deliverable("pga-summaries").due)
        #expect(due.iso == "2026-06-02")
        #expect(due.dependsOnTentative.map(\.name) == ["Memorial Day", "Eid al-Adha"])
        #expect(due.dependsOnTentative.map(\.date.iso) == ["2026-05-25", "2026-05-27"])
        #expect(due.projectedYears == [2026])
    }

    /// An office's own rules: 3 working days before the hearing (Monday)
    /// is the Wednesday before; 12 before the 2022 hearing crosses the
    /// tentative Eid al-Fitr (2 May 2022): Wednesday 27 April.
    @Test func officeRulesCountBackFromTheHearing() throws {
        let briefing = Deliverable(id: "briefing", title: "Briefing note", due: DueRule("3 working days before hearing")!)
        let invitations = Deliverable(id: "invitations", title: "Invitations", due: DueRule("12 working days before hearing")!)
        let second = try Fixtures.tracker(.second, deliverables: [briefing])
        #expect(try second.due(briefing.due).iso == "2026-04-29")
        let first = try Fixtures.tracker(.first, deliverables: [briefing, invitations])
        #expect(try first.due(briefing.due).iso == "2022-05-11")
        let crossing = try first.due(invitations.due)
        #expect(crossing.iso == "2022-04-27")
        #expect(crossing.dependsOnTentative.map(\.date.iso) == ["2022-05-02"])
        #expect(first.deliverables.map(\.id) == ["hearing-summary", "round-table-summaries", "pga-summaries", "briefing", "invitations"])
    }

    @Test func fixedMomentsAreLocalTimesAndABareDateIsTheEndOfTheDay() throws {
        let tracker = try Fixtures.tracker(.second)
        let timed = try tracker.due(DueRule("2026-04-20T17:00")!)
        #expect(timed.instant == Fixtures.utc("2026-04-20T21:00:00Z"))
        let day = try tracker.due(DueRule("2026-04-20")!)
        #expect(day.time == nil)
        #expect(day.instant == Fixtures.utc("2026-04-21T04:00:00Z"))
        // In January New York is on EST (UTC-5).
        #expect(try tracker.due(DueRule("2026-01-15T09:30")!).instant == Fixtures.utc("2026-01-15T14:30:00Z"))
    }

    @Test func aSessionIsDueWhenItStarts() throws {
        let tracker = try Fixtures.tracker(.second)
        #expect(try tracker.due(.session(.roundTable2)).iso == "2026-05-05T15:00")
        #expect(try tracker.due(.session(.plenary)).iso == "2026-05-07T10:00")
    }

    /// A forum.yaml entry with a standard id replaces the standard rule.
    @Test func forumYamlOverridesAStandardDeliverable() throws {
        let tracker = try Fixtures.tracker(
            .second,
            deliverables: [
                Deliverable(id: "hearing-summary", title: "Hearing summary", due: DueRule("2026-05-04T18:00")!)
            ])
        #expect(tracker.deliverables.count == 3)
        #expect(try tracker.due(try tracker.deliverable("hearing-summary").due).iso == "2026-05-04T18:00")
    }

    /// Workspaces made before the id became plural keep working.
    @Test func theOldPgaSummaryIdIsTheSameDeliverable() throws {
        var forum = Edition.second.forum
        forum.deliverables = [Deliverable(id: "pga-summary", title: "PGA summary", due: .workingDays(10, from: .conclusion))]
        let tracker = try Fixtures.tracker(forum)
        #expect(tracker.deliverables.map(\.id) == ["hearing-summary", "round-table-summaries", "pga-summary"])
        #expect(DeliverableKind(id: "pga-summary") == .summary)
    }

    @Test func anUnknownDeliverableListsTheValidOnes() throws {
        let tracker = try Fixtures.tracker(.second)
        #expect {
            _ = try tracker.deliverable("pga-summary-2026")
        } throws: { error in
            guard let error = error as? TrackerError else { return false }
            return error.diagnostics.first?.hint == "the deliverables are: hearing-summary, round-table-summaries, pga-summaries"
                && error.kind == .badInput
        }
    }

    @Test func aDueDateOutsideTheCalendarIsAnError() throws {
        var forum = Edition.second.forum
        forum.end = CivilDate(iso: "2030-12-24")!
        let tracker = try Fixtures.tracker(forum)
        #expect(throws: WorkingDayError.self) {
            _ = try tracker.due(try tracker.deliverable("pga-summaries").due)
        }
    }
}
