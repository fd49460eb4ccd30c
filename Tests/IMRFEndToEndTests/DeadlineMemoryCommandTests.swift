import Foundation
import IMRFTestSupport
import Testing

/// Deadlines that remember their calendar: a compile records them; a
/// circular imported afterwards moves one; `status -v` and its JSON say so
/// until the next compile records the new date, and `imrf log` lists both.
@Suite("deadlines remember their calendar")
struct DeadlineMemoryCommandTests {
    @Test func aCalendarChangeThatMovesADeadlineIsSaidThenRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = folder.url.appendingPathComponent("Calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"), to: calendars.appendingPathComponent("un-new-york.ics"))
        let environment = ["IMRF_CALENDARS": calendars.path]
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026", "--example"], environment: environment).status == 0)
        let compile = try IMRFProcess.run(["compile", ws.path, "--format", "md"], environment: environment)
        #expect(compile.status == 0, "\(compile.stderr)")
        let first = try IMRFProcess.run(["log", ws.path, "--kind", "deadlines"], environment: environment)
        #expect(
            first.stdout.contains(
                "deadlines   hearing-summary 2026-05-05, pga-summaries 2026-05-22, round-table-summaries 2026-05-06; calendar un-new-york (sha256 "),
            "\(first.stdout)")

        // Nothing changed: status says nothing of a move.
        let quiet = try IMRFProcess.run(["status", ws.path, "-v"], environment: environment)
        #expect(!quiet.stdout.contains("moved from"), "\(quiet.stdout)")

        // A closure on Monday 18 May moves the distribution deadline.
        #expect(try IMRFProcess.run(["calendar", "close", "2026-05-18", "--reason", "snowstorm"], environment: environment).status == 0)
        let moved = try IMRFProcess.run(["status", ws.path, "-v"], environment: environment)
        let today = try #require(moved.stdout.range(of: #"changed on [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}"#, options: .regularExpression))
        #expect(moved.stdout.contains("  moved from Fri 22 May 2026 to Tue 26 May 2026: calendar un-new-york \(moved.stdout[today])"))
        #expect(moved.stdout.contains("  counted past a closure: Mon 18 May 2026, Headquarters closed: snowstorm"))
        let json = try IMRFProcess.run(["status", ws.path, "--json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["deliverables"] as? [[String: Any]])
        #expect(items.first { $0["id"] as? String == "pga-summaries" }?["movedFrom"] as? String == "2026-05-22")
        #expect(items.first { $0["id"] as? String == "hearing-summary" }?["movedFrom"] is NSNull)

        // The next compile records the new date: the move is in the log, no longer in status.
        #expect(try IMRFProcess.run(["compile", ws.path, "--format", "md"], environment: environment).status == 0)
        let log = try IMRFProcess.run(["log", ws.path, "--kind", "deadlines"], environment: environment)
        #expect(log.stdout.split(separator: "\n").count == 2, "\(log.stdout)")
        #expect(log.stdout.contains("pga-summaries moved from 2026-05-22 to 2026-05-26"))
        let after = try IMRFProcess.run(["status", ws.path, "-v"], environment: environment)
        #expect(!after.stdout.contains("moved from"), "\(after.stdout)")

        // A compile with nothing changed records nothing more.
        #expect(try IMRFProcess.run(["compile", ws.path, "--format", "md"], environment: environment).status == 0)
        let again = try IMRFProcess.run(["log", ws.path, "--kind", "deadlines"], environment: environment)
        #expect(again.stdout.split(separator: "\n").count == 2)
    }
}
