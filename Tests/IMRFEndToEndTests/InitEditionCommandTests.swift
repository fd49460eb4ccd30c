import Foundation
import IMRFTestSupport
import Testing

/// `imrf init` for a forum not built in (2030, the third), from its dates;
/// the refusals; and `imrf check` on a forum.yaml whose days are wrong.
@Suite("imrf init: any edition")
struct InitEditionCommandTests {
    @Test func theThirdForumFromItsDates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("imrf-2030")
        let result = try IMRFProcess.run(["init", ws.path, "--edition", "2030", "--hearing", "2030-05-06", "--forum", "2030-05-07..2030-05-10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(Third International Migration Review Forum): forum.yaml"))
        #expect(result.stdout.contains("note: 2030 is projected: the circular for 2030 is not published; the dates and deadlines may move"))
        let yaml = try String(contentsOf: ws.appendingPathComponent("forum.yaml"), encoding: .utf8)
        #expect(yaml.contains(#"edition: "2030""#))
        #expect(yaml.contains(#"hearing: "2030-05-06""#))
        let deadline = try IMRFProcess.run(["status", ws.path, "--json", "--today", "2030-05-13"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(deadline.stdout.utf8)) as? [String: Any])
        let items = try #require(object["deliverables"] as? [[String: Any]])
        let pga = try #require(items.first { $0["id"] as? String == "pga-summaries" })
        #expect(pga["due"] as? String == "2030-05-24")
        #expect(pga["projectedYears"] as? [Int] == [2030])
        let check = try IMRFProcess.run(["check", ws.path, "--draft"])
        // The forum's days are all working days; the one thing forum.yaml lacks is the President of 2030, who signs the letter.
        let forumLines = check.stderr.split(separator: "\n").filter { $0.contains("forum.yaml:") && $0.contains(": warning: ") }
        #expect(
            forumLines.count == 1
                && forumLines[0].hasSuffix("the letter has no signatory: imrf does not know the President of the eighty-fourth session"),
            "\(check.stderr)")
    }

    @Test(arguments: [
        (["--edition", "2030"], 64, "edition 2030 is not built in: give its dates"),
        (["--edition", "20x0"], 64, "unknown edition '20x0'"),
        (["--edition", "2030", "--hearing", "2030-05-24", "--forum", "2030-05-24..2030-05-29"], 64, "holds 3 working days"),
        (
            ["--edition", "2030", "--hearing", "2030-05-05", "--forum", "2030-05-07..2030-05-10"], 64,
            "the hearing, Sunday 5 May 2030, is not a working day"
        ),
        (["--edition", "2030", "--hearing", "2030-05-10", "--forum", "2030-05-07..2030-05-10"], 64, "is not before the forum"),
        (["--edition", "2034", "--hearing", "2034-05-01", "--forum", "2034-05-02..2034-05-05"], 78, "imrf calendar project 2034"),
        (["--edition", "2030", "--hearing", "2030-05-06", "--forum", "2030-05-07"], 64, "is not FIRST..LAST"),
    ])
    func refusals(arguments: [String], status: Int32, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        let result = try IMRFProcess.run(["init", ws.path] + arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.path), "nothing created")
    }

    /// A hearing moved onto a Saturday, a plenary day onto Memorial Day and
    /// a round table outside the forum: each a warning at its line.
    @Test func checkNamesADayThatIsNoWorkingDayAtItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026"]).status == 0)
        let file = ws.appendingPathComponent("forum.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: #"hearing: "2026-05-04""#, with: #"hearing: "2026-05-02""#)
        yaml = yaml.replacingOccurrences(of: #"plenary: ["2026-05-07", "2026-05-08"]"#, with: #"plenary: ["2026-05-07", "2026-05-25"]"#)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let lines = yaml.components(separatedBy: "\n")
        let hearingLine = try #require(lines.firstIndex { $0.hasPrefix("hearing:") }) + 1
        let plenaryLine = try #require(lines.firstIndex { $0.contains(#""2026-05-25"]"#) }) + 1
        let check = try IMRFProcess.run(["check", ws.path, "--draft"])
        #expect(
            check.stderr.contains(
                "forum.yaml:\(hearingLine):10: warning: the hearing, Saturday 2 May 2026, is not a working day at Headquarters (Saturday)"),
            "\(check.stderr)")
        #expect(
            check.stderr.contains("forum.yaml:\(plenaryLine):"), "\(check.stderr)")
        #expect(check.stderr.contains("plenary day 2, Monday 25 May 2026, is not a working day at Headquarters (Memorial Day)"))
        #expect(check.stderr.contains("plenary day 2, Monday 25 May 2026, is not one of the forum's days"))
    }
}
