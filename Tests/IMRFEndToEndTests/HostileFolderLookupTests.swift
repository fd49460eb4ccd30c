import Foundation
import IMRFTestSupport
import Testing

/// Calendars and templates come from an option, an environment variable or
/// the installation, never from whatever folder imrf happens to run in.
@Suite("calendars and templates are not taken from the current folder")
struct HostileFolderLookupTests {
    static let scriptTemplate = "{{% CONTENT_TYPE: HTML}}<html><body><script>alert(1)</script>{{title}}</body></html>\n"

    /// A calendar that declares 2022 with no holiday at all.
    static let emptyCalendar = """
        BEGIN:VCALENDAR\r
        X-IMRF-COVERAGE-START;VALUE=DATE:20220101\r
        X-IMRF-COVERAGE-END;VALUE=DATE:20221231\r
        END:VCALENDAR\r

        """

    /// `folder/Calendars/un-new-york.ics` without holidays and
    /// `folder/Templates/` whose HTML template runs a script.
    func plant(in folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("Calendars"), withIntermediateDirectories: true)
        try Self.emptyCalendar.write(to: folder.appendingPathComponent("Calendars/un-new-york.ics"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try Self.scriptTemplate.write(to: folder.appendingPathComponent("Templates/summary.html.mustache"), atomically: true, encoding: .utf8)
        try "# {{title}}\n".write(to: folder.appendingPathComponent("Templates/summary.md.mustache"), atomically: true, encoding: .utf8)
    }

    /// A copy of the built binary at `folder/relativePath`, as an installation
    /// outside the repository: its calendars in `../share/imrf/Calendars`
    /// beside it (forum.yaml names one), no Templates/ above it.
    func install(at relativePath: String, in folder: URL) throws -> URL {
        let binary = folder.appendingPathComponent(relativePath)
        let bin = binary.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: IMRFProcess.binary, to: binary)
        let share = bin.deletingLastPathComponent().appendingPathComponent("share/imrf")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Calendars"), to: share.appendingPathComponent("Calendars"))
        return binary
    }

    @Test func aCalendarInTheCurrentFolderChangesNoDeadline() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try plant(in: temporary.url)
        let result = try IMRFProcess.run(["deadline", "2022-05-20"], directory: temporary.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Monday 6 June 2022: 10 working days after Friday 20 May 2022; skipped 30 May 2022, Memorial Day"))
        let show = try IMRFProcess.run(["calendar", "show", "--year", "2022"], directory: temporary.url)
        #expect(show.stdout.contains("Memorial Day"), "\(show.stdout)")
    }

    @Test func aCalendarInTheCurrentFolderChangesNoStatus() throws {
        try withExampleWorkspace { temporary in
            let ws = temporary.url.appendingPathComponent("ws")
            let before = try IMRFProcess.run(["status", "--today", "2026-05-26"], directory: ws)
            try plant(in: ws)
            let after = try IMRFProcess.run(["status", "--today", "2026-05-26"], directory: ws)
            #expect(before.status == after.status)
            #expect(before.stdout == after.stdout)
        }
    }

    /// An installed binary run in a folder holding a Templates/ with a script.
    @Test func templatesInTheCurrentFolderAreNotTaken() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let imrf = try install(at: "opt/imrf/bin/imrf", in: temporary.url)
        let work = temporary.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try IMRFProcess.initWorkspace(in: work)
        try plant(in: work.appendingPathComponent("ws"))
        for directory in [work, work.appendingPathComponent("ws")] {
            let result = try IMRFProcess.run(
                ["compile", "--format", "html", "--out", directory.appendingPathComponent("out").path] + (directory == work ? ["ws"] : []),
                executable: imrf, directory: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: directory.appendingPathComponent("out/summary.html"), encoding: .utf8)
            #expect(!html.contains("<script"))
            #expect(html.contains("<h1"))
        }
    }

    /// GNOME's ~/Templates (documents to start from, not imrf's) above a
    /// binary in ~/.local/bin is passed over for the built-in templates.
    @Test func aTemplatesFolderWithoutImrfsTemplatesIsNotTaken() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let home = temporary.url.appendingPathComponent("home")
        let imrf = try install(at: ".local/bin/imrf", in: home)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try "".write(to: home.appendingPathComponent("Templates/Untitled Document"), atomically: true, encoding: .utf8)
        try IMRFProcess.initWorkspace(in: home)
        let result = try IMRFProcess.run(["compile", "ws", "--format", "md,html"], executable: imrf, directory: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("ws/build/summary.html").path))
    }

    /// The installation's share/imrf/Templates, IMRF_TEMPLATES over it, and
    /// --templates over both.
    @Test func templatesPrecedence() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let imrf = try install(at: "inst/bin/imrf", in: temporary.url)
        let repository = repositoryRoot.appendingPathComponent("Templates")
        for (folder, marker) in [("inst/share/imrf/Templates", "INSTALLED"), ("office", "OFFICE"), ("mine", "MINE")] {
            let url = temporary.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repository, to: url)
            let md = url.appendingPathComponent("summary.md.mustache")
            try (try String(contentsOf: md, encoding: .utf8) + "\n\(marker)\n").write(to: md, atomically: true, encoding: .utf8)
        }
        try IMRFProcess.initWorkspace(in: temporary.url)
        func compiled(_ extra: [String], environment: [String: String?] = [:]) throws -> String {
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md"] + extra, executable: imrf, directory: temporary.url, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.md"), encoding: .utf8)
        }
        #expect(try compiled([], environment: ["IMRF_TEMPLATES": nil]).contains("INSTALLED"))
        #expect(try compiled([], environment: ["IMRF_TEMPLATES": "office"]).contains("OFFICE"))
        #expect(try compiled(["--templates", "mine"], environment: ["IMRF_TEMPLATES": "office"]).contains("MINE"))
    }

    /// IMRF_CALENDARS names the folders to look in before the installation's.
    @Test func calendarsFromTheEnvironment() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        try plant(in: temporary.url)
        let result = try IMRFProcess.run(
            ["deadline", "2022-05-20"], directory: temporary.url,
            environment: ["IMRF_CALENDARS": temporary.url.appendingPathComponent("Calendars").path])
        #expect(result.stdout == "Friday 3 June 2022: 10 working days after Friday 20 May 2022\n", "\(result.stderr)")
    }
}
