import Forum
import Foundation
import Testing
import Tracker

@Suite struct StatusReportTests {
    func report(notes: Set<Session> = Fixtures.everySession, at now: String, warnDays: Int = 3) throws -> StatusReport {
        try StatusReport(tracker: try Fixtures.tracker(.second), evidence: Evidence(noteSessions: notes), now: Fixtures.utc(now), warnDays: warnDays)
    }

    @Test func okWhenNothingIsDueSoon() throws {
        let report = try report(at: "2026-05-15T14:00:00Z")
        #expect(report.status == .ok)
        #expect(
            report.line == "IMRF OK - 2 of 3 deliverables done; next: pga-summaries due Fri 22 May 2026, 5 working days left"
                + " | pending=0;;;0;3 received=3;;;0;3 compiled=0;;;0;3 uploaded=0;;;0;3 distributed=0;;;0;3 overdue=0;;0;0;3 due_soon=0;0;;0;3")
    }

    @Test func warningWithinWarnDaysWorkingDays() throws {
        let report = try report(at: "2026-05-20T14:00:00Z")
        #expect(report.status == .warning)
        #expect(report.message == "pga-summaries due Fri 22 May 2026, 2 working days left")
        #expect(try self.report(at: "2026-05-20T14:00:00Z", warnDays: 1).status == .ok)
        #expect(try self.report(at: "2026-05-22T14:00:00Z").message == "pga-summaries due today, Fri 22 May 2026")
    }

    @Test func criticalWhenOverdueNamesWhatIsLate() throws {
        let report = try report(notes: [], at: "2026-05-06T14:00:00Z")
        #expect(report.status == .critical)
        #expect(
            report.message
                == "hearing-summary overdue since Tue 5 May 2026 10:00, 1 working day late (pending); round-table-summaries due today, Wed 6 May 2026 15:00"
        )
        #expect(report.performanceData.contains("overdue=1;;0;0;3"))
        #expect(report.performanceData.contains("due_soon=1;0;;0;3"))
    }

    @Test func exitCodesFollowThePluginGuidelines() {
        #expect([MonitoringStatus.ok, .warning, .critical, .unknown].map(\.exitCode) == [0, 1, 2, 3])
    }

    @Test func jsonHasTheKeysOfDesignMd() throws {
        let text = StatusDocument(try report(at: "2026-05-20T14:00:00Z")).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "WARNING")
        #expect(object["today"] as? String == "2026-05-20")
        let items = try #require(object["deliverables"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["hearing-summary", "round-table-summaries", "pga-summaries"])
        #expect(items[2]["due"] as? String == "2026-05-22")
        #expect(items[2]["state"] as? String == "received")
        #expect(items[2]["workingDaysLeft"] as? Int == 2)
        #expect(items[0]["due"] as? String == "2026-05-05T10:00")
    }
}
