import Forum
import Foundation
import Ledger
import Testing
import Tracker

/// Which evidence moves which deliverable to which state, and when a
/// deliverable is overdue. Ledger entries are built in memory: the states
/// depend on the events, not on how the ledger stores them.
@Suite struct StateTests {
    var entries: [LedgerEntry] = []

    mutating func record(_ event: LedgerEvent, _ at: String = "2026-05-10T12:00:00Z") {
        entries.append(LedgerEntry(id: Int64(entries.count + 1), at: Fixtures.utc(at), event: event))
    }

    static func submission(_ session: String) -> LedgerEvent {
        .submission(NoteSubmission(session: session, author: "R", path: "notes/\(session).md", sha256: String(repeating: "a", count: 64)))
    }

    static let compile = LedgerEvent.compile(
        CompileRecord(
            outputs: [CompiledOutput(path: "build/summary.md", sha256: "md-hash"), CompiledOutput(path: "build/summary.html", sha256: "html-hash")],
            draft: false))

    static func upload(_ sha: String) -> LedgerEvent {
        .upload(
            UploadRecord(
                file: "build/summary.html", endpoint: "https://docs.example.org/upload", location: "https://docs.example.org/d/1",
                httpStatus: 201, bytes: 10, sha256: sha, attempts: 1))
    }

    func status(_ id: String, notes: Set<Session> = [], at now: String = "2026-05-20T12:00:00Z") throws -> DeliverableStatus {
        let tracker = try Fixtures.tracker(.second)
        let all = try tracker.statuses(evidence: Evidence(noteSessions: notes, ledger: entries), now: Fixtures.utc(now))
        return try #require(all.first { $0.id == id })
    }

    @Test func notesInTheFolderOrSubmittedMakeNoteDeliverablesReceived() throws {
        var test = self
        #expect(try test.status("hearing-summary").state == .pending)
        #expect(try test.status("hearing-summary", notes: [.hearing]).state == .received)
        let partial = try test.status("round-table-summaries", notes: [.roundTable1, .roundTable2, .roundTable3])
        #expect(partial.state == .pending)
        #expect(partial.detail == "no note yet for round-table-4")
        test.record(Self.submission("round-table-4"))
        let complete = try test.status("round-table-summaries", notes: [.roundTable1, .roundTable2, .roundTable3])
        #expect(complete.state == .received)
        #expect(complete.isDone)
    }

    @Test func thePgaSummariesMoveThroughEveryState() throws {
        var test = self
        #expect(try test.status("pga-summaries", notes: [.hearing]).state == .pending)
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .received)
        test.record(.compile(CompileRecord(outputs: [], draft: true)))
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .received, "a draft compile is not compiled")
        test.record(Self.compile)
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .compiled)
        test.record(Self.upload("some-other-file"))
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .compiled, "an unrelated upload is not the summary's")
        test.record(Self.upload("html-hash"), "2026-05-21T15:00:00Z")
        let uploaded = try test.status("pga-summaries", notes: Fixtures.everySession)
        #expect(uploaded.state == .uploaded)
        #expect(uploaded.detail == "uploaded Thu 21 May 2026 11:00 to https://docs.example.org/d/1")
        #expect(!uploaded.isDone)
        test.record(.distribution(DistributionRecord(deliverable: "pga-summaries", reference: "A/80/123")), "2026-05-21T20:30:00Z")
        let distributed = try test.status("pga-summaries", notes: Fixtures.everySession)
        #expect(distributed.state == .distributed)
        #expect(distributed.detail == "distributed Thu 21 May 2026 16:30, A/80/123")
        #expect(distributed.isDone)
    }

    @Test func aSubmissionAfterTheCompileMakesItStale() throws {
        var test = self
        test.record(Self.compile)
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .compiled)
        test.record(Self.submission("plenary"))
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession).state == .received)
    }

    @Test func anOfficeDeliverableIsPendingUntilDistributed() throws {
        var forum = Edition.second.forum
        forum.deliverables.append(Deliverable(id: "briefing", title: "Briefing", due: DueRule("3 working days before hearing")!))
        let tracker = try Fixtures.tracker(forum)
        var ledger = [LedgerEntry(id: 1, at: Fixtures.utc("2026-04-20T12:00:00Z"), event: Self.compile)]
        let before = try tracker.statuses(
            evidence: Evidence(noteSessions: Fixtures.everySession, ledger: ledger), now: Fixtures.utc("2026-04-27T12:00:00Z"))
        let briefing = try #require(before.first { $0.id == "briefing" })
        #expect(briefing.state == .pending)
        #expect(briefing.workingDaysLeft == 2)  // Mon 27 and Tue 28 April; due Wed 29
        ledger.append(
            LedgerEntry(
                id: 2, at: Fixtures.utc("2026-04-28T12:00:00Z"), event: .distribution(DistributionRecord(deliverable: "briefing", reference: nil))))
        let after = try tracker.statuses(evidence: Evidence(ledger: ledger), now: Fixtures.utc("2026-04-30T12:00:00Z"))
        #expect(after.first { $0.id == "briefing" }?.state == .distributed)
        #expect(after.first { $0.id == "briefing" }?.isOverdue == false)
    }

    /// Due by the end of Friday 22 May in New York: not overdue at 23:59
    /// there (03:59 UTC on the 23rd), overdue a minute later; never once done.
    @Test func overdueStartsTheMomentTheDeadlinePasses() throws {
        var test = self
        let before = try test.status("pga-summaries", notes: Fixtures.everySession, at: "2026-05-23T03:59:00Z")
        #expect(!before.isOverdue)
        #expect(before.workingDaysLeft == 0)
        let after = try test.status("pga-summaries", notes: Fixtures.everySession, at: "2026-05-23T04:00:00Z")
        #expect(after.isOverdue)
        // Monday 25 May is Memorial Day: on Tuesday 26, one working day (Friday) late.
        #expect(try test.status("pga-summaries", notes: Fixtures.everySession, at: "2026-05-26T14:00:00Z").workingDaysLeft == -1)
        test.record(.distribution(DistributionRecord(deliverable: "pga-summaries", reference: nil)))
        #expect(try !test.status("pga-summaries", notes: Fixtures.everySession, at: "2026-05-26T14:00:00Z").isOverdue)
        // A note deliverable is done once received, even after its deadline.
        #expect(try test.status("hearing-summary", at: "2026-05-05T14:00:00Z").isOverdue)
        #expect(try !test.status("hearing-summary", notes: [.hearing], at: "2026-05-05T14:00:00Z").isOverdue)
        #expect(try !test.status("hearing-summary", at: "2026-05-05T13:59:00Z").isOverdue)
    }
}
