import Foundation
import IMRFTestSupport
import Testing

/// Every command that works on a workspace is told which one the same way:
/// `-w/--workspace DIR` (or its positional folder), else `IMRF_WORKSPACE`,
/// else the nearest folder upwards holding forum.yaml, else the current folder.
@Suite("imrf: the workspace, the same way on every command")
struct WorkspaceOptionCommandTests {
    /// The path of the example workspace `ws` in `temporary`, and an
    /// unrelated folder `elsewhere` made beside it to run commands from.
    static func paths(in temporary: TemporaryFolder) throws -> (workspace: String, elsewhere: URL) {
        let elsewhere = temporary.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        return (temporary.url.appendingPathComponent("ws").path, elsewhere)
    }

    /// A note of the first round table by `author`, in `folder`.
    static func note(by author: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("note-\(UUID().uuidString).md").path
        let text = "---\nsession: round-table-1\ntitle: Round table 1\nauthor: \(author)\nobjectives: [1, 3]\n---\nA summary by \(author).\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Each command, from a folder that is not a workspace, with `-w` or
    /// `--workspace`: the workspace named is the one used.
    @Test(arguments: ["-w", "--workspace"])
    func everyWorkspaceCommandTakesTheWorkspaceOption(flag: String) throws {
        try withExampleWorkspace { temporary in
            let (ws, elsewhere) = try Self.paths(in: temporary)
            let check = try IMRFProcess.run(["check", flag, ws], directory: elsewhere)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout == "7 notes checked: 0 errors, 0 warnings\n")

            let compile = try IMRFProcess.run(["compile", flag, ws, "--format", "md"], directory: elsewhere)
            #expect(compile.status == 0, "\(compile.stderr)")
            #expect(compile.stdout == "wrote \(ws)/build/summary.md\n")

            let status = try IMRFProcess.run(["status", flag, ws, "--today", "2026-05-11"], directory: elsewhere)
            #expect(status.stdout.hasPrefix("IMRF OK - "), "\(status.stdout)\(status.stderr)")

            let ics = try IMRFProcess.run(["ics", flag, ws], directory: elsewhere)
            #expect(ics.status == 0, "\(ics.stderr)")
            #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR"))

            let submit = try IMRFProcess.run(["submit", try Self.note(by: "Jane Doe", in: elsewhere), flag, ws], directory: elsewhere)
            #expect(submit.status == 0, "\(submit.stderr)")
            #expect(submit.stdout.hasPrefix("submitted \(ws)/notes/round-table-1--jane-doe.md (round-table-1, Jane Doe)\n"))

            let mark = try IMRFProcess.run(["mark", "distributed", "pga-summaries", flag, ws, "--at", "2026-05-21"], directory: elsewhere)
            #expect(mark.status == 0, "\(mark.stderr)")

            let log = try IMRFProcess.run(["log", flag, ws], directory: elsewhere)
            #expect(log.status == 0, "\(log.stderr)")
            // The compile, the deadlines it found, the submission, the distribution
            // (the deadlines unchanged since: not recorded again).
            #expect(log.stdout.split(separator: "\n").count == 4, "\(log.stdout)")
        }
    }

    /// `IMRF_WORKSPACE` names the workspace when no option or argument does;
    /// an option or argument beats it.
    @Test func theEnvironmentNamesTheWorkspaceAndAnOptionBeatsIt() throws {
        try withExampleWorkspace { temporary in
            let (ws, elsewhere) = try Self.paths(in: temporary)
            let byEnvironment = try IMRFProcess.run(["check"], directory: elsewhere, environment: ["IMRF_WORKSPACE": ws])
            #expect(byEnvironment.status == 0, "\(byEnvironment.stderr)")
            #expect(byEnvironment.stdout == "7 notes checked: 0 errors, 0 warnings\n")

            let missing = elsewhere.appendingPathComponent("missing").path
            let byOption = try IMRFProcess.run(["check", "-w", ws], directory: elsewhere, environment: ["IMRF_WORKSPACE": missing])
            #expect(byOption.status == 0, "\(byOption.stderr)")
            let byArgument = try IMRFProcess.run(
                ["status", ws, "--today", "2026-05-11"], directory: elsewhere, environment: ["IMRF_WORKSPACE": missing])
            #expect(byArgument.stdout.hasPrefix("IMRF OK - "), "\(byArgument.stdout)\(byArgument.stderr)")

            let wrong = try IMRFProcess.run(["check"], directory: elsewhere, environment: ["IMRF_WORKSPACE": missing])
            #expect(wrong.status == 65)
            #expect(wrong.stderr.hasPrefix("\(missing)/forum.yaml: error: cannot read forum file\n"), "\(wrong.stderr)")
        }
    }

    /// Inside a workspace, in any folder below its root, commands find it
    /// as git finds its repository, and name files from where they run.
    @Test func aCommandRunBelowTheWorkspaceFindsIt() throws {
        try withExampleWorkspace { temporary in
            let ws = try Self.paths(in: temporary).workspace
            let notes = URL(fileURLWithPath: ws).appendingPathComponent("notes")
            let compile = try IMRFProcess.run(["compile", "--format", "md"], directory: notes, environment: ["IMRF_WORKSPACE": nil])
            #expect(compile.status == 0, "\(compile.stderr)")
            #expect(compile.stdout == "wrote ../build/summary.md\n")
            #expect(FileManager.default.fileExists(atPath: ws + "/build/summary.md"))
            #expect(!FileManager.default.fileExists(atPath: notes.appendingPathComponent("build").path))

            let atRoot = try IMRFProcess.run(["check"], directory: URL(fileURLWithPath: ws), environment: ["IMRF_WORKSPACE": nil])
            #expect(atRoot.stdout == "7 notes checked: 0 errors, 0 warnings\n", "\(atRoot.stderr)")

            // Above the workspace nothing is found: the current folder, as before.
            let above = try IMRFProcess.run(["check"], directory: temporary.url, environment: ["IMRF_WORKSPACE": nil])
            #expect(above.status == 65)
            #expect(above.stderr.hasPrefix("forum.yaml: error: cannot read forum file\n"), "\(above.stderr)")
        }
    }

    /// Naming the workspace twice, differently, is refused before anything runs.
    @Test(arguments: [["check"], ["compile"], ["status"], ["ics"], ["log"]])
    func aWorkspaceNamedTwiceDifferentlyIsRefused(command: [String]) throws {
        try withExampleWorkspace { temporary in
            let (ws, elsewhere) = try Self.paths(in: temporary)
            let result = try IMRFProcess.run(command + [ws, "-w", elsewhere.path], directory: elsewhere)
            #expect(result.status == (command == ["status"] ? 3 : 64), "\(result.stdout)\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("the workspace is named twice"), "\(result.stdout)\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: ws + "/build"))
            // The same folder twice is one workspace.
            let same = try IMRFProcess.run(["check", ws, "-w", ws], directory: elsewhere)
            #expect(same.status == 0, "\(same.stderr)")
        }
    }
}

/// `--json` on every command that prints data.
@Suite("imrf: --json on every command that prints data")
struct JSONOutputCommandTests {
    @Test func initCheckCompileAndMarkPrintOneJSONObject() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let created = try IMRFProcess.run(["init", "ws", "--edition", "2026", "--example", "--json"], directory: temporary.url)
        #expect(created.status == 0, "\(created.stderr)")
        let initObject = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
        #expect(initObject["workspace"] as? String == "ws")
        #expect(initObject["edition"] as? String == "2026")
        #expect((initObject["files"] as? [String])?.first == "forum.yaml")
        #expect((initObject["files"] as? [String])?.count == 8)

        let ws = temporary.url.appendingPathComponent("ws").path
        let checked = try IMRFProcess.run(["check", ws, "--json"])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout == "{\"diagnostics\":[],\"errors\":0,\"notes\":7,\"warnings\":0}\n")

        try FileManager.default.removeItem(atPath: ws + "/notes/plenary.md")
        let failed = try IMRFProcess.run(["check", ws, "--json"])
        #expect(failed.status == 65)
        #expect(failed.stderr.isEmpty)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 1)
        let first = try #require((report["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["severity"] as? String == "error")
        #expect(first["message"] as? String == "session 'plenary' has no note")
        #expect((first["location"] as? [String: Any])?["path"] as? String == ws + "/notes")

        let compiled = try IMRFProcess.run(["compile", ws, "--draft", "--format", "md,html", "--json"])
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let compile = try #require(try JSONSerialization.jsonObject(with: Data(compiled.stdout.utf8)) as? [String: Any])
        let outputs = try #require(compile["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["format"] as? String } == ["md", "html"])
        #expect(outputs.map { $0["path"] as? String } == [ws + "/build/summary.md", ws + "/build/summary.html"])
        for output in outputs {
            let path = try #require(output["path"] as? String)
            #expect(try output["sha256"] as? String == Self.sha256(ofFileAtPath: path))
        }
        #expect(compile["ledgerEntry"] as? Int == 1)
        #expect(compile["draft"] as? Bool == true)
        #expect((compile["warnings"] as? [Any])?.count == 1, "the plenary's missing note is a warning in a draft")

        let marked = try IMRFProcess.run([
            "mark", "distributed", "pga-summaries", "-w", ws, "--at", "2026-05-21T16:30", "--reference", "A/80/123", "--json",
        ])
        #expect(marked.status == 0, "\(marked.stderr)")
        // Recorded now, in effect at --at: `recorded` is the moment of this run.
        #expect(
            marked.stdout.hasPrefix(
                "{\"at\":\"2026-05-21T20:30:00Z\",\"id\":3,\"kind\":\"distribution\",\"record\":{\"deliverable\":\"pga-summaries\",\"reference\":\"A/80/123\"},\"recorded\":\""
            ))
        #expect(marked.stdout.hasSuffix("Z\"}\n") && marked.stdout.split(separator: "\n").count == 1)
        let log = try IMRFProcess.run(["log", ws, "--json"])
        #expect(log.stdout.contains(String(marked.stdout.dropLast())), "\(log.stdout)")
    }

    @Test func calendarCheckPrintsItsReviewAsJSON() throws {
        let plain = try IMRFProcess.run(["calendar", "check"])
        let json = try IMRFProcess.run(["calendar", "check", "--json"])
        #expect(json.status == plain.status)
        #expect(json.stderr.isEmpty)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((review["path"] as? String)?.hasSuffix("Calendars/un-new-york.ics") == true)
        #expect(((review["summary"] as? [String]) ?? []).map { $0 + "\n" }.joined() == plain.stdout)
        #expect((review["diagnostics"] as? [Any])?.count == plain.stderr.components(separatedBy: ": warning: ").count - 1)
    }

    /// The digest by coreutils' sha256sum: an outside oracle for what imrf reports.
    static func sha256(ofFileAtPath path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: output, as: UTF8.self).prefix(64))
    }
}
