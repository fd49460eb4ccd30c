import Foundation
import IMRFTestSupport
import Testing

/// `imrf calendar import` as the office runs it each October: into a copy of
/// the calendars (IMRF_CALENDARS), from a workspace whose deadline moves.
@Suite("imrf calendar import")
struct CalendarImportCommandTests {
    private func calendars(_ folder: TemporaryFolder) throws -> URL {
        let calendars = folder.url.appendingPathComponent("Calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Calendars/un-new-york.ics"), to: calendars.appendingPathComponent("un-new-york.ics"))
        return calendars
    }

    /// A 2026 circular putting Eid al-Adha on Monday 18 May: the 2026
    /// forum's distribution deadline moves from Friday 22 to Tuesday 26 May
    /// (Memorial Day between), said before anything is written.
    @Test func importShowsChangesAndTheMovedDeadlineThenWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = try calendars(folder)
        let environment = ["IMRF_CALENDARS": calendars.path]
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026"], environment: environment).status == 0)
        let list = """
            Information circular ST/IC/2025/31
            Official holidays to be observed at Headquarters during 2026

            Thursday, 1 January          New Year's Day
            Friday, 20 March             Id al-Fitr a
            Friday, 3 April              Good Friday
            Monday, 18 May               Id al-Adha a
            Monday, 25 May               Memorial Day
            Friday, 3 July               Independence Day
            Monday, 7 September          Labour Day
            Thursday, 26 November        Thanksgiving Day
            Friday, 25 December          Christmas Day

            a  Based on astronomical calculation.

            """
        let file = try folder.write("circular.txt", list)
        let before = try Data(contentsOf: calendars.appendingPathComponent("un-new-york.ics"))
        let dry = try IMRFProcess.run(["calendar", "import", file.path, "--dry-run", "-w", ws.path], environment: environment)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("ST/IC/2025/31 for 2026: 9 holidays"))
        #expect(dry.stdout.contains("  moved: Eid al-Adha, from Wednesday 27 May 2026 to Monday 18 May 2026"))
        #expect(dry.stdout.contains("pga-summaries moves from Fri 22 May 2026 to Tue 26 May 2026"))
        #expect(dry.stdout.hasSuffix("nothing written (--dry-run)\n"))
        #expect(try Data(contentsOf: calendars.appendingPathComponent("un-new-york.ics")) == before)

        let result = try IMRFProcess.run(["calendar", "import", file.path], directory: ws, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pga-summaries moves from Fri 22 May 2026 to Tue 26 May 2026"))
        #expect(result.stdout.contains("2026 entered as published in"))
        #expect(result.stderr.isEmpty)
        let deadline = try IMRFProcess.run(["deadline", "2026-05-08"], environment: environment)
        #expect(
            deadline.stdout
                == "Tuesday 26 May 2026: 10 working days after Friday 8 May 2026; skipped 18 May 2026, Eid al-Adha; 25 May 2026, Memorial Day\n")
        let show = try IMRFProcess.run(["calendar", "show", "--year", "2026"], environment: environment)
        #expect(show.stdout.contains("2026: published, from ST/IC/2025/31"))
        let check = try IMRFProcess.run(["calendar", "check"], environment: environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aBrokenListIsRefusedLineByLineAndNothingWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = try calendars(folder)
        let before = try Data(contentsOf: calendars.appendingPathComponent("un-new-york.ics"))
        let broken = repositoryRoot.appendingPathComponent("Tests/Circulars/circular-2029-broken.txt").path
        let result = try IMRFProcess.run(["calendar", "import", broken], environment: ["IMRF_CALENDARS": calendars.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("circular-2029-broken.txt:4: error: 14 February 2029 is a Wednesday, not a Thursday"))
        #expect(result.stderr.contains("circular-2029-broken.txt:11: error: 31 February 2029 is not a date"))
        #expect(try Data(contentsOf: calendars.appendingPathComponent("un-new-york.ics")) == before)
    }

    @Test func theRealisticCircularFromStandardInputNeedsNoOptions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let calendars = try calendars(folder)
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Circulars/circular-2029.txt"), encoding: .utf8)
        let result = try IMRFProcess.run(["calendar", "import", "-"], input: text, environment: ["IMRF_CALENDARS": calendars.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ST/IC/2028/20 for 2029: 9 holidays"))
        #expect(result.stdout.contains("  confirmed: Independence Day, Wednesday 4 July 2029"))
        let deadline = try IMRFProcess.run(["deadline", "2029-05-10"], environment: ["IMRF_CALENDARS": calendars.path])
        #expect(!deadline.stdout.contains("projected"), "\(deadline.stdout)")
        let later = try IMRFProcess.run(["deadline", "2029-12-24"], environment: ["IMRF_CALENDARS": calendars.path])
        #expect(later.stdout.contains("note: 2030 is projected"), "\(later.stdout)")
    }
}
