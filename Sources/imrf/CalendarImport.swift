import ArgumentParser
import Diagnostics
import Forum
import Foundation
import Storage
import Tracker
import WorkingDays

extension IMRF.CalendarCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Enter a year's holidays from the Secretariat's information circular: the year becomes published.",
            discussion: """
                FILE holds the circular's list as copied from the PDF or Word circular, one holiday a line, \
                the date first ('Monday, 1 January 2029   New Year's Day'; the weekday and the year may be left out; \
                footnote marks such as 'Id al-Fitr a' are dropped). Every one of the nine official holidays must be \
                there once, on a weekday. Shows what changes against the calendar, writes the year as published \
                (its holidays confirmed, the circular as their source), then lists the workspace's deadlines that moved. \
                Nothing is written when a line cannot be read. \
                Example: imrf calendar import circular-2029.txt --source ST/IC/2028/20
                """)

        @Argument(help: "A text file with the circular's list, or - for standard input.")
        var file: String

        @Option(help: "A calendar name or .ics path.")
        var calendar: String = CalendarCatalog.defaultName

        @Option(help: "The year of the list (default: the year its dates or heading give).")
        var year: Int?

        @Option(help: "The circular's symbol, e.g. ST/IC/2028/20 (default: the symbol found in the text).")
        var source: String?

        @Flag(help: "Show what would change; write nothing.")
        var dryRun = false

        @Option(
            name: [.customShort("w"), .customLong("workspace")],
            help: ArgumentHelp("A workspace whose deadlines to compare (default: the one the current folder is in, if any).", valueName: "dir"))
        var workspace: String?

        func run() async throws {
            try await Reporting.run {
                let catalog = CalendarCatalog.standard
                let url = try catalog.locate(calendar)
                let before = try CalendarCatalog.read(url)
                let path = file == "-" ? "<stdin>" : file
                let circular = try CircularImport.read(try Self.text(of: file), path: path, year: year, source: source)
                for warning in circular.warnings { Reporting.printToStandardError(warning) }
                let after = try circular.applied(to: before)
                Reporting.printLine(
                    "\(circular.source ?? "the circular") for \(circular.year): \(circular.entries.count) holidays")
                for line in circular.changes(against: before) { Reporting.printLine("  \(line)") }
                for line in workspaceLines(calendarFile: url, after: after, catalog: catalog) { Reporting.printLine(line) }
                if dryRun {
                    Reporting.printLine("nothing written (--dry-run)")
                    return
                }
                try CalendarEdit.save(after, to: url)
                Reporting.printLine("\(circular.year) entered as published in \(url.path)")
                if circular.source == nil {
                    Reporting.printToStandardError(
                        Diagnostic.warning(
                            "the circular's symbol was not found in the text",
                            hint: "give it with --source ST/IC/YYYY/NN so that each date says where it comes from"))
                }
            }
        }

        /// What the import does to the deadlines of the workspace (the one
        /// named, else the one the current folder is in), when its forum
        /// counts on this calendar.
        private func workspaceLines(calendarFile: URL, after: HolidayCalendar, catalog: CalendarCatalog) -> [String] {
            let folder: String
            if let workspace {
                folder = workspace
            } else {
                let implicit = WorkspaceOptions.implicit()
                guard WorkspaceLayout(implicit).hasForumFile else { return [] }
                folder = implicit
            }
            guard let tracker = try? Tracker.load(workspace: folder, catalog: catalog) else {
                return ["the deadlines of \(folder) are not compared: its forum.yaml or calendar cannot be read ('imrf check' says why)"]
            }
            func same(_ url: URL) -> Bool {
                url.standardizedFileURL.resolvingSymlinksInPath() == calendarFile.standardizedFileURL.resolvingSymlinksInPath()
            }
            let names = tracker.forum.allCalendars
            guard names.contains(where: { (try? catalog.locate($0)).map(same) == true }) else {
                return ["the forum of \(folder) counts on calendar '\(names.joined(separator: "', '"))': its deadlines do not change"]
            }
            let others = names.filter { (try? catalog.locate($0)).map(same) != true }.compactMap { try? catalog.load($0) }
            let closuresFile = CalendarCatalog.closuresFile(of: calendarFile)
            let closures = FileManager.default.fileExists(atPath: closuresFile.path) ? try? CalendarCatalog.read(closuresFile) : nil
            let changed = Tracker(
                forum: tracker.forum,
                calendar: WorkingDayCalendar(
                    HolidayCalendar.union([closures.map { after.adding(closures: $0) } ?? after] + others) ?? after,
                    weekMask: tracker.calendar.weekMask),
                clock: tracker.clock)
            var lines: [String] = []
            for deliverable in tracker.deliverables {
                guard let old = try? tracker.due(deliverable.due), let new = try? changed.due(deliverable.due) else { continue }
                if old.date != new.date { lines.append("\(deliverable.id) moves from \(old.short) to \(new.short)") }
            }
            return lines.isEmpty ? ["no deadline of \(folder) moves"] : lines
        }

        /// The file's text: UTF-8, or UTF-16 with its byte-order mark (Notepad's "Unicode").
        static func text(of file: String) throws(DiagnosticFailure) -> String {
            let limit = 64 * 1024
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readData(ofLength: limit + 1)
            } else {
                guard let read = FileManager.default.contents(atPath: file) else {
                    throw DiagnosticFailure(
                        .badInput, .error("cannot read '\(file)'", hint: "check the path; copy the circular's list into a text file"))
                }
                data = read
            }
            guard data.count <= limit else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "'\(file)' is over 64 KiB", hint: "copy only the list of holidays (a page) out of the circular"))
            }
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) {
                return text
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticFailure(
                    .badInput,
                    .error("'\(file)' is not text (UTF-8 or UTF-16)", hint: "paste the list into a plain text file and save it as UTF-8"))
            }
            return text
        }
    }
}
