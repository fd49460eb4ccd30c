import Foundation
import IMRFTestSupport
import Testing

/// `imrf status`, `mark` and `ics` on real workspaces, through the binary.
@Suite("imrf tracker commands")
struct TrackerCommandTests {
    func status(_ folder: TemporaryFolder, _ arguments: [String], environment: [String: String?] = [:]) throws -> IMRFProcess.Result {
        try IMRFProcess.run(["status", folder.url.appendingPathComponent("ws").path] + arguments, environment: environment)
    }

    static let perfdataOK =
        " | pending=0;;;0;3 received=3;;;0;3 compiled=0;;;0;3 uploaded=0;;;0;3 distributed=0;;;0;3 overdue=0;;0;0;3 due_soon=0;0;;0;3\n"

    @Test func eachStatusWithItsExitCode() throws {
        try withExampleWorkspace { folder in
            let ok = try status(folder, ["--today", "2026-05-15"])
            #expect(ok.status == 0)
            #expect(ok.stdout == "IMRF OK - 2 of 3 deliverables done; next: pga-summaries due Fri 22 May 2026, 5 working days left" + Self.perfdataOK)
            #expect(ok.stderr == "")
            let warning = try status(folder, ["--today", "2026-05-20"])
            #expect(warning.status == 1)
            #expect(warning.stdout.hasPrefix("IMRF WARNING - pga-summaries due Fri 22 May 2026, 2 working days left | "))
            #expect(warning.stdout.contains(" due_soon=1;0;;0;3"))
            #expect(try status(folder, ["--today", "2026-05-20", "--warn-days", "1"]).status == 0)
            let critical = try status(folder, ["--today", "2026-05-26"])
            #expect(critical.status == 2)
            #expect(critical.stdout.hasPrefix("IMRF CRITICAL - pga-summaries overdue since Fri 22 May 2026, 1 working day late (received) | "))
            #expect(critical.stdout.split(separator: "\n").count == 1)
        }
    }

    /// Without notes, the hearing's summary is due at the opening, 10:00 on
    /// Tuesday 5 May 2026: a warning before, critical an hour after.
    /// Beyond the calendar's coverage nothing said about working days can be
    /// trusted: UNKNOWN naming the coverage, even when everything is done or
    /// already overdue (it said CRITICAL or OK there).
    @Test("a day the calendar does not cover: UNKNOWN, exit 3, naming the coverage")
    func beyondTheCalendarIsUnknown() throws {
        try withExampleWorkspace { folder in
            for day in ["2031-06-01", "2021-06-01"] {
                let result = try status(folder, ["--today", day])
                #expect(result.status == 3, "\(day): \(result.stdout)")
                #expect(result.stdout.hasPrefix("IMRF UNKNOWN - calendar 'un-new-york' covers"), "\(day): \(result.stdout)")
            }
            #expect(try status(folder, ["--today", "2030-12-31"]).stdout.hasPrefix("IMRF CRITICAL"), "the last covered day still counts")
        }
    }

    @Test func noteDeliverablesWarnThenGoOverdue() throws {
        try withExampleWorkspace(example: false) { folder in
            let before = try status(folder, ["--today", "2026-05-01"])
            #expect(before.status == 1)
            #expect(
                before.stdout.hasPrefix(
                    "IMRF WARNING - hearing-summary due Tue 5 May 2026 10:00, 2 working days left; round-table-summaries due Wed 6 May 2026 15:00, 3 working days left | "
                ))
            let after = try status(folder, ["--today", "2026-05-05T11:00"])
            #expect(after.status == 2)
            #expect(
                after.stdout.hasPrefix(
                    "IMRF CRITICAL - hearing-summary overdue since Tue 5 May 2026 10:00 (pending); round-table-summaries due Wed 6 May 2026 15:00, 1 working day left | "
                ))
        }
    }

    @Test func jsonIsOneObjectWithTheDeliverables() throws {
        try withExampleWorkspace { folder in
            let result = try status(folder, ["--today", "2026-05-20", "--json"])
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["status"] as? String == "WARNING")
            let items = try #require(object["deliverables"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == ["hearing-summary", "round-table-summaries", "pga-summaries"])
            #expect(items.map { $0["state"] as? String } == ["received", "received", "received"])
            #expect(items[2]["due"] as? String == "2026-05-22")
            #expect(items[2]["workingDaysLeft"] as? Int == 2)
            for item in items { #expect(item.keys.contains("workingDaysLeft")) }
        }
    }

    @Test("mark closed: status OK - closed (also beyond the calendar), remind sends nothing, in the log; reopened: watched again")
    func closedWorkspace() throws {
        try withExampleWorkspace(example: false) { folder in
            let ws = folder.url.appendingPathComponent("ws").path
            #expect(try status(folder, ["--today", "2026-06-30"]).status == 2)
            let close = try IMRFProcess.run(["mark", "closed", "--workspace", ws, "--reason", "all distributed"])
            #expect(close.status == 0, "\(close.stderr)")
            #expect(close.stdout.contains("closed"))
            let closed = try status(folder, ["--today", "2035-06-30"])
            #expect(closed.status == 0, "\(closed.stdout)")
            #expect(closed.stdout.hasPrefix("IMRF OK - workspace closed "), "\(closed.stdout)")
            #expect(closed.stdout.contains("(all distributed)"))
            let json = try status(folder, ["--today", "2035-06-30", "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((object["closed"] as? [String: Any])?["reason"] as? String == "all distributed")
            // Before the closing (a what-if), the workspace was open.
            #expect(try status(folder, ["--today", "2026-06-30"]).status == 2)
            #expect(try status(folder, ["--today", "2026-06-30"]).stdout.hasPrefix("IMRF CRITICAL"))
            let log = try IMRFProcess.run(["log", ws, "--kind", "closure"])
            #expect(log.stdout.contains("workspace closed: all distributed"), "\(log.stdout)")
            let reopen = try IMRFProcess.run(["mark", "reopened", "--workspace", ws])
            #expect(reopen.status == 0, "\(reopen.stderr)")
            #expect(try status(folder, ["--today", "2035-06-30"]).status == 3, "beyond the calendar again")
            #expect(try IMRFProcess.run(["log", ws, "--kind", "closure"]).stdout.contains("workspace reopened"))
        }
    }

    @Test("-v: after the line, each deliverable and each session's note, who sent it and when, late or not, or missing")
    func verboseLongOutput() throws {
        try withExampleWorkspace(example: false) { folder in
            let note = "---\nsession: round-table-2\ntitle: RT2\nauthor: Jane Doe\nrole: rapporteur\nobjectives: [4]\n---\nText.\n"
            _ = try folder.write("jane.md", note)
            let submit = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: folder.url)
            #expect(submit.status == 0, "\(submit.stderr)")
            try "---\nsession: hearing\n---\nBy hand.\n".write(
                to: folder.url.appendingPathComponent("ws/notes/hearing.md"), atomically: true, encoding: .utf8)
            let plain = try status(folder, ["--today", "2026-05-04"])
            #expect(plain.stdout.split(separator: "\n").count == 1, "one line without -v")
            let result = try status(folder, ["--today", "2026-05-04", "-v"])
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("IMRF WARNING - ") == true, "\(result.stdout)")
            #expect(lines.contains("hearing-summary: due Tue 5 May 2026 10:00; received"), "\(result.stdout)")
            #expect(lines.contains("  hearing: notes/hearing.md, put in notes/ by hand (no time recorded)"))
            #expect(lines.contains("round-table-summaries: due Wed 6 May 2026 15:00; pending, 2 working days left"))
            // Submitted today, in real time: after the due moment of May 2026, so late.
            #expect(
                lines.contains { $0.hasPrefix("  round-table-2: notes/round-table-2--jane-doe.md by Jane Doe, submitted ") && $0.hasSuffix(", late") }
            )
            #expect(lines.contains("  round-table-1: no note yet"))
            #expect(lines.contains("  plenary: no note yet"))
            #expect(!lines.contains { $0.hasPrefix("  round-table-1") && $0 != "  round-table-1: no note yet" })
            // --json is unchanged by -v.
            let json = try status(folder, ["--today", "2026-05-04", "-v", "--json"])
            #expect(json.stdout.split(separator: "\n").count == 1)
        }
    }

    @Test("--today is a what-if: what the ledger recorded after that moment does not count, a note put in by hand does")
    func todayIsAWhatIf() throws {
        try withExampleWorkspace(example: false) { folder in
            let ws = folder.url.appendingPathComponent("ws").path
            let mark = try IMRFProcess.run(["mark", "distributed", "pga-summaries", "--workspace", ws, "--at", "2026-05-21T16:30"])
            #expect(mark.status == 0, "\(mark.stderr)")
            let note = "---\nsession: round-table-2\ntitle: RT2\nauthor: Jane Doe\nrole: rapporteur\nobjectives: [4]\n---\nText.\n"
            _ = try folder.write("jane.md", note)
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: folder.url).status == 0)
            try "---\nsession: hearing\n---\nBy hand.\n".write(
                to: folder.url.appendingPathComponent("ws/notes/hearing.md"), atomically: true, encoding: .utf8)
            // 20 May: the distribution (21 May) and the submission (recorded now, after May 2026) had not happened.
            let before = try status(folder, ["--today", "2026-05-20T12:00", "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
            let items = try #require(object["deliverables"] as? [[String: Any]])
            #expect(items.map { $0["state"] as? String } == ["received", "pending", "pending"], "\(before.stdout)")
            #expect((items[1]["detail"] as? String)?.contains("round-table-2") == true, "the note submitted later is missing then")
            // 22 May: distributed by then.
            let after = try status(folder, ["--today", "2026-05-22T12:00", "--json"])
            #expect(after.stdout.contains(#""state":"distributed""#), "\(after.stdout)")
        }
    }

    @Test func quietPrintsNothingWhenOK() throws {
        try withExampleWorkspace { folder in
            let ok = try status(folder, ["--today", "2026-05-15", "--quiet"])
            #expect(ok.status == 0)
            #expect(ok.stdout == "")
            let warning = try status(folder, ["--today", "2026-05-20", "--quiet"])
            #expect(warning.status == 1)
            #expect(warning.stdout.hasPrefix("IMRF WARNING - "))
        }
    }

    /// Monitoring reads any exit above 3 as a broken plugin: every problem,
    /// bad arguments included, is UNKNOWN (3) with the reason on the line.
    @Test(arguments: [
        (["--bogus"], "IMRF UNKNOWN - Unknown option '--bogus'"),
        (["--warn-days", "many"], "IMRF UNKNOWN - The value 'many' is invalid for '--warn-days <warn-days>'"),
        (["--warn-days=-1"], "IMRF UNKNOWN - --warn-days must be 0 or more, not -1"),
        (["--today", "yesterday"], "IMRF UNKNOWN - --today 'yesterday' is not a date or a time"),
        (
            ["--today", "2020-01-01"],
            "IMRF UNKNOWN - calendar 'un-new-york' covers 1 January 2022 to 31 December 2030; computing this needs 1 January 2020, which it does not cover"
        ),
        (["extra", "arguments"], "IMRF UNKNOWN - 2 unexpected arguments: 'extra', 'arguments'"),
    ])
    func everyProblemIsUnknown(arguments: [String], line: String) throws {
        try withExampleWorkspace { folder in
            let result = try status(folder, arguments)
            #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasPrefix(line), "\(result.stdout)")
            #expect(result.stdout.split(separator: "\n").count == 1)
            #expect(!result.stderr.isEmpty, "the details go to stderr")
        }
    }

    @Test func aMissingOrBrokenWorkspaceIsUnknown() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try IMRFProcess.run(["status", folder.url.path])
        #expect(missing.status == 3)
        #expect(missing.stdout.hasPrefix("IMRF UNKNOWN - \(folder.url.path)/forum.yaml: cannot read forum file"))
        _ = try folder.write("forum.yaml", "edition: [\n")
        let broken = try IMRFProcess.run(["status", folder.url.path, "--json"])
        #expect(broken.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "UNKNOWN")
        #expect((object["message"] as? String)?.contains("forum.yaml") == true)
    }

    @Test func aForumTimeZoneThatDoesNotExistIsUnknown() throws {
        try withExampleWorkspace { folder in
            let forum = folder.url.appendingPathComponent("ws/forum.yaml")
            let text = try String(contentsOf: forum, encoding: .utf8)
            try text.replacingOccurrences(of: "timeZone: \"America/New_York\"", with: "timeZone: \"America/Gotham\"")
                .write(to: forum, atomically: true, encoding: .utf8)
            let result = try status(folder, ["--today", "2026-05-20"])
            #expect(result.status == 3)
            #expect(result.stdout.hasPrefix("IMRF UNKNOWN - \(forum.path):6:11: 'timeZone' is not a time zone: 'America/Gotham'"), "\(result.stdout)")
            #expect(result.stderr.contains("hint: write an IANA time zone name"))
        }
    }

    @Test func helpStillWorks() throws {
        let result = try IMRFProcess.run(["status", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--warn-days"))
    }

    /// 01:00 UTC on Saturday 23 May 2026 is 10:00 on Saturday in Tokyo but
    /// still 21:00 on Friday 22 May in New York: the PGA summaries are due
    /// today (WARNING), not overdue. 05:00 UTC is 19:00 on Friday in
    /// Honolulu but already Saturday 01:00 in New York: overdue (CRITICAL).
    @Test(arguments: ["Asia/Tokyo", "Pacific/Honolulu", "UTC"])
    func theForumsTimeZoneDecidesWhateverTheMachinesIs(zone: String) throws {
        try withExampleWorkspace { folder in
            let friday = try status(folder, ["--today", "2026-05-23T01:00:00Z"], environment: ["TZ": zone])
            #expect(friday.status == 1, "\(friday.stdout)")
            #expect(friday.stdout.hasPrefix("IMRF WARNING - pga-summaries due today, Fri 22 May 2026 | "))
            let saturday = try status(folder, ["--today", "2026-05-23T05:00:00Z", "--json"], environment: ["TZ": zone])
            #expect(saturday.status == 2)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(saturday.stdout.utf8)) as? [String: Any])
            #expect(object["today"] as? String == "2026-05-23")
            // A local time is the forum's, whatever TZ says.
            let local = try status(folder, ["--today", "2026-05-22T23:30", "--json"], environment: ["TZ": zone])
            let localObject = try #require(try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])
            #expect(localObject["now"] as? String == "2026-05-23T03:30:00Z")
        }
    }

    /// Without --today, "today" is New York's date at the real clock,
    /// whatever the machine's zone (read before and after the run, in case
    /// midnight in New York falls between).
    @Test(arguments: ["Asia/Tokyo", "Pacific/Honolulu"])
    func nowIsReadInTheForumsTimeZone(zone: String) throws {
        try withExampleWorkspace { folder in
            func newYorkToday() -> String {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "America/New_York")!
                let parts = calendar.dateComponents([.year, .month, .day], from: Date())
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            }
            let before = newYorkToday()
            let result = try status(folder, ["--json"], environment: ["TZ": zone])
            let after = newYorkToday()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let today = try #require(object["today"] as? String)
            #expect(today == before || today == after, "status said \(today), New York says \(before)")
        }
    }

    @Test func markDistributedThenStatusIsOK() throws {
        try withExampleWorkspace { folder in
            let ws = folder.url.appendingPathComponent("ws").path
            let mark = try IMRFProcess.run([
                "mark", "distributed", "pga-summaries", "--workspace", ws, "--at", "2026-05-21T16:30", "--reference", "A/80/123",
            ])
            #expect(mark.status == 0, "\(mark.stderr)")
            #expect(mark.stdout.hasPrefix("pga-summaries marked distributed Thu 21 May 2026 16:30 (America/New_York), reference A/80/123"))
            let after = try status(folder, ["--today", "2026-05-26", "--json"])
            #expect(after.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
            let items = try #require(object["deliverables"] as? [[String: Any]])
            #expect(items[2]["state"] as? String == "distributed")
            #expect(items[2]["detail"] as? String == "distributed Thu 21 May 2026 16:30, A/80/123")
            let line = try status(folder, ["--today", "2026-05-26"])
            #expect(line.stdout.hasPrefix("IMRF OK - all 3 deliverables done | "))
            // Recorded now, in effect on 21 May: the log says both.
            let log = try IMRFProcess.run(["log", ws, "--kind", "distribution"])
            #expect(log.stdout.hasSuffix("distribution pga-summaries (A/80/123); took effect 2026-05-21 16:30:00 -04:00\n"), "\(log.stdout)")
            #expect(!log.stdout.hasPrefix("2026-05-21"))
            let json = try IMRFProcess.run(["log", ws, "--kind", "distribution", "--json"])
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(entries.first?["at"] as? String == "2026-05-21T20:30:00Z")
            #expect(entries.first?["recorded"] is String)
        }
    }

    @Test func markingAnUnknownDeliverableListsTheValidOnes() throws {
        try withExampleWorkspace { folder in
            let ws = folder.url.appendingPathComponent("ws").path
            let result = try IMRFProcess.run(["mark", "distributed", "pga-summary", "--workspace", ws])
            #expect(result.status == 65)
            #expect(result.stdout == "")
            #expect(
                result.stderr
                    == "error: no deliverable 'pga-summary' in this forum\n  hint: the deliverables are: hearing-summary, round-table-summaries, pga-summaries\n"
            )
            let badTime = try IMRFProcess.run(["mark", "distributed", "pga-summaries", "--workspace", ws, "--at", "last week"])
            #expect(badTime.status == 65)
            #expect(badTime.stderr.hasPrefix("error: --at 'last week' is not a date or a time"))
            // Nothing was recorded: the summaries are still overdue.
            #expect(try status(folder, ["--today", "2026-05-26"]).status == 2)
        }
    }

    @Test
    func aCorruptLedgerIsUnknown() throws {
        try withExampleWorkspace { folder in
            let imrf = folder.url.appendingPathComponent("ws/.imrf")
            try FileManager.default.createDirectory(at: imrf, withIntermediateDirectories: true)
            try Data("this is not an SQLite database, just garbage bytes\n".utf8).write(to: imrf.appendingPathComponent("ledger.sqlite"))
            let result = try status(folder, ["--today", "2026-05-20"])
            #expect(result.status == 3)
            #expect(result.stdout.hasPrefix("IMRF UNKNOWN - "))
            #expect(result.stdout.contains("ledger"))
            #expect(result.stderr.contains("ledger"))
        }
    }

    @Test(.enabled(if: PythonICalendar.isAvailable, "needs Python's icalendar package from PyPI, which pip could not install"))
    func icsParsesWithPythonsICalendar() throws {
        try withExampleWorkspace { folder in
            let file = folder.url.appendingPathComponent("deliverables.ics")
            let result = try IMRFProcess.run(["ics", folder.url.appendingPathComponent("ws").path, "--out", file.path, "--alarm-days", "2"])
            #expect(result.status == 0, "\(result.stderr)")
            let checked = try PythonICalendar.check(file)
            #expect(checked.status == 0, "\(checked.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
            let events = try #require(object["events"] as? [[String: Any]])
            #expect(
                events.map { $0["uid"] as? String } == ["2026-hearing-summary@imrf", "2026-round-table-summaries@imrf", "2026-pga-summaries@imrf"])
            #expect(events.map { $0["start"] as? String } == ["2026-05-05T14:00:00+00:00", "2026-05-06T19:00:00+00:00", "2026-05-22"])
            // The example has every note, so the hearing's and the round tables'
            // summaries are done: no alarm. 2 working days before the PGA
            // summaries: Wed 20 May 09:00 (New York, EDT).
            let triggers = events.map { (($0["alarms"] as? [[String: Any]]) ?? []).map { $0["trigger"] as? String } }
            #expect(triggers == [[], [], ["2026-05-20T13:00:00+00:00"]])
            #expect((events[0]["description"] as? String)?.hasPrefix("Done: ") == true)
            #expect((events[2]["description"] as? String)?.contains("10 working days after Friday 8 May 2026") == true)
            // The same calendar on stdout, but for when it was written (DTSTAMP).
            let stdout = try IMRFProcess.run(["ics", folder.url.appendingPathComponent("ws").path, "--alarm-days", "2"])
            let undated = { (text: String) in text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") } }
            #expect(undated(stdout.stdout) == undated(try String(contentsOf: file, encoding: .utf8)))
            #expect(stdout.stdout.contains("\r\nLAST-MODIFIED:") && stdout.stdout.contains("\r\nSEQUENCE:"))
        }
    }
}
