import Forum
import Foundation
import IMRFTestSupport
import Ledger
import Testing
import Tracker
import WorkingDays

@testable import ForumWorkspace
@testable import Reminders

@Suite("Reminders: which stage is due, and who owes which note")
struct ReminderPlannerTests {
    static func calendar() throws -> WorkingDayCalendar {
        WorkingDayCalendar(try CalendarCatalog(directories: [repositoryRoot.appendingPathComponent("Calendars")]).load(["un-new-york"]))
    }

    static func tracker() throws -> Tracker {
        let forum = Edition.second.forum
        return Tracker(forum: forum, calendar: try calendar(), clock: ForumClock(identifier: forum.timeZone)!)
    }

    static let settings = ReminderSettings(smtp: "smtp://mail.example.org", from: "imrf@example.org", office: "office@example.org")

    static func invitation(
        _ id: String, _ name: String, _ sessions: [String], email: String? = nil, role: InvitationRole = .rapporteur, revoked: Bool = false
    ) -> Invitation {
        Invitation(
            id: id, name: name, sessions: sessions, email: email, role: role, expires: nil, created: Date(timeIntervalSince1970: 0),
            revoked: revoked ? Date(timeIntervalSince1970: 1) : nil, ledgerEntry: 1)
    }

    /// Noon in New York on `iso`.
    static func noon(_ iso: String) -> Date {
        ForumClock(identifier: "America/New_York")!.instant(CivilDate(iso: iso)!, TimeOfDay(hour: 12, minute: 0))
    }

    @Test("stage days on the UN calendar: 5 and 2 working days before, the due date, the first working day after")
    func stageDays() throws {
        let stages = ReminderStages(stages: [5, 2, 0, -1], calendar: try Self.calendar())
        let due = CivilDate(iso: "2026-05-06")!
        #expect(try stages.date(of: 5, due: due).iso == "2026-04-29")
        #expect(try stages.date(of: 2, due: due).iso == "2026-05-04")
        #expect(try stages.date(of: 0, due: due).iso == "2026-05-06")
        #expect(try stages.date(of: -1, due: due).iso == "2026-05-07")
        let expected: [(String, Int?)] = [
            ("2026-04-28", nil), ("2026-04-29", 5), ("2026-05-02", 5), ("2026-05-04", 2), ("2026-05-05", 2), ("2026-05-06", 0),
            ("2026-05-07", -1), ("2026-06-30", -1),
        ]
        for (today, stage) in expected {
            #expect(try stages.latestReached(today: CivilDate(iso: today)!, due: due) == stage, "\(today)")
        }
    }

    @Test("a stage counts working days, not days: over a holiday the reminder comes earlier")
    func stageOverHoliday() throws {
        // Memorial Day, Monday 25 May 2026, is a UN holiday: 2 working days
        // before Wednesday 27 May is Friday 22 May, not Monday 25.
        let stages = ReminderStages(stages: [2], calendar: try Self.calendar())
        #expect(try stages.date(of: 2, due: CivilDate(iso: "2026-05-27")!).iso == "2026-05-22")
    }

    @Test("each session's note is owed under the first deliverable that needs it; none for the office's own")
    func noteSessions() throws {
        let owed = DeliverableKind.noteSessions(of: try Self.tracker().deliverables + [Deliverable(id: "letter", title: "Letter", due: .opening)])
        #expect(owed["hearing-summary"] == [.hearing])
        #expect(owed["round-table-summaries"] == [.roundTable1, .roundTable2, .roundTable3, .roundTable4])
        #expect(owed["pga-summaries"] == [.policyDebate, .plenary])
        #expect(owed["letter"] == [])
    }

    @Test("who owes: active rapporteurs invited for a missing session; not the office, not a revoked link, not a session received")
    func whoOwes() throws {
        let planner = ReminderPlanner(tracker: try Self.tracker(), settings: Self.settings)
        let invitations = [
            Self.invitation("a", "Ana", ["round-table-1"], email: "ana@example.org"),
            Self.invitation("b", "Bob", ["round-table-2"], email: "bob@example.org"),
            Self.invitation("c", "Cy", ["round-table-3"], email: "cy@example.org", revoked: true),
            Self.invitation("o", "Office", [], email: "o@example.org", role: .office),
            Self.invitation("k", "Kim", ["round-table-4"]),
        ]
        let evidence = Evidence(noteSessions: [.roundTable2])
        let due = try planner.due(evidence: evidence, invitations: invitations, now: Self.noon("2026-05-04"))
        let tables = try #require(due.first { $0.status.id == "round-table-summaries" })
        #expect(tables.stage == 2)
        #expect(tables.missing == [.roundTable1, .roundTable3, .roundTable4])
        #expect(tables.invited.map(\.id) == ["a", "k"])
        // The hearing (due 5 May) is at stage 2 as well; the PGA summaries (22 May) at none yet.
        #expect(due.map(\.status.id) == ["hearing-summary", "round-table-summaries"])
    }

    @Test("nothing is due once every note has arrived, nor before the first stage")
    func nothingDue() throws {
        let planner = ReminderPlanner(tracker: try Self.tracker(), settings: Self.settings)
        let invitations = [Self.invitation("a", "Ana", ["round-table-1"], email: "ana@example.org")]
        #expect(
            try planner.due(evidence: Evidence(noteSessions: Set(Session.allCases)), invitations: invitations, now: Self.noon("2026-05-06")).isEmpty)
        #expect(try planner.due(evidence: Evidence(), invitations: invitations, now: Self.noon("2026-04-20")).isEmpty)
    }

    @Test("the text: plural for two notes, overdue once the due moment has passed; the HTML escapes names")
    func text() throws {
        let tracker = try Self.tracker()
        let text = ReminderText(forum: tracker.forum, settings: Self.settings)
        let statuses = try tracker.statuses(evidence: Evidence(), now: Self.noon("2026-05-07"))
        let tables = try #require(statuses.first { $0.id == "round-table-summaries" })
        #expect(tables.isOverdue)
        #expect(
            text.subject(person: [.roundTable2, .roundTable3], status: tables).hasSuffix(
                "your notes for Round table 2, Round table 3 were due Wed 6 May 2026 15:00"))
        let body = text.text(name: "Zoë", sessions: [.roundTable2], status: tables)
        #expect(body.contains("It was due Wed 6 May 2026 15:00, New York time, and is now overdue."))
        #expect(body.contains("reply to this message with your note attached"))
        let digest = text.digestText(status: tables, lines: [.init(session: .roundTable2, people: [])], stage: -1)
        #expect(digest.contains("at the stage \"1 working day after\""))
        #expect(digest.contains("nobody is invited for it with an e-mail address"))
        let html = ReminderText.html("Dear <script>alert(1)</script> & co,\n\n  - Round table 2\n", title: "T")
        #expect(html.contains("Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,"))
        #expect(html.contains("<li>Round table 2</li>"))
    }
}
