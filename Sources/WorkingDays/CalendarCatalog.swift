public import Diagnostics
public import Foundation
import Storage

/// Finds holiday calendars by name (`un-new-york`) or path, so that users
/// never have to know where imrf keeps its `Calendars/` folder.
///
/// A name is looked up in each folder of `directories` in order; anything
/// containing a `/` or ending in `.ics` is a path.
public struct CalendarCatalog: Sendable {
    public var directories: [URL]

    public init(directories: [URL]) {
        self.directories = directories
    }

    /// The calendar every forum uses unless told otherwise.
    public static let defaultName = "un-new-york"

    /// The folders searched by default, in this order: each folder of
    /// `IMRF_CALENDARS` (colon-separated), then the installation's:
    /// `../share/imrf/Calendars` beside the executable's folder, then the
    /// first `Calendars/` holding `un-new-york.ics` in the executable's folder
    /// or up to five above it (a repository's, for a binary SwiftPM built).
    ///
    /// Never the current folder: the same command must give the same
    /// deadline wherever it is run, and a folder one happens to be in is no
    /// place to take holidays from.
    public static func defaultDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) -> [URL] {
        var result: [URL] = []
        if let list = environment["IMRF_CALENDARS"] {
            result += list.split(separator: ":").map { URL(fileURLWithPath: String($0), isDirectory: true) }
        }
        if let installed = FolderFinder.installed("Calendars", executable: executable) { result.append(installed) }
        if let start = FolderFinder.executableFolder(executable),
            let above = FolderFinder.nearest(
                from: start, levels: 6,
                where: {
                    FolderFinder.exists($0.appendingPathComponent("Calendars/\(defaultName).ics"))
                })
        {
            result.append(above.appendingPathComponent("Calendars", isDirectory: true))
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    public static var standard: CalendarCatalog { CalendarCatalog(directories: defaultDirectories()) }

    /// The names of the calendars available, sorted, for messages and listings.
    public func availableNames() -> [String] {
        var names = Set<String>()
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".ics") { names.insert(String(file.dropLast(4))) }
        }
        return names.sorted()
    }

    /// Where `reference` (a name or a path) is, or an error listing the
    /// calendars that exist.
    public func locate(_ reference: String) throws(DiagnosticFailure) -> URL {
        if reference.contains("/") || reference.hasSuffix(".ics") {
            let url = URL(fileURLWithPath: reference)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw DiagnosticFailure(
                    .configuration,
                    .error(
                        "no calendar file at '\(reference)'",
                        hint: "check the path, or name one of the built-in calendars: \(availableList)"))
            }
            return url
        }
        for directory in directories {
            let url = directory.appendingPathComponent("\(reference).ics")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw DiagnosticFailure(
            .configuration,
            .error(
                "unknown calendar '\(reference)'",
                hint: "available calendars: \(availableList); or give the path of an .ics file"))
    }

    private var availableList: String {
        let names = availableNames()
        return names.isEmpty ? "none found (set IMRF_CALENDARS to the folder holding the .ics files)" : names.joined(separator: ", ")
    }

    /// Reads the calendar `reference` names, with the closures kept beside
    /// it (`closuresFile(of:)`) when there are any: a day Headquarters closed
    /// is a day off wherever the calendar is used.
    public func load(_ reference: String) throws(DiagnosticFailure) -> HolidayCalendar {
        let url = try locate(reference)
        let calendar = try Self.read(url)
        let closures = Self.closuresFile(of: url)
        guard FileManager.default.fileExists(atPath: closures.path) else { return calendar }
        return calendar.adding(closures: try Self.read(closures))
    }

    /// The one file at `url`, nothing joined: what `imrf calendar project`
    /// and `import` change and write back.
    public static func read(_ url: URL) throws(DiagnosticFailure) -> HolidayCalendar {
        do {
            return try ICalendarReader.read(contentsOf: url)
        } catch {
            throw DiagnosticFailure(error.kind, error.diagnostics)
        }
    }

    /// Where the closures of the calendar at `url` are kept:
    /// `un-new-york-closures.ics` beside `un-new-york.ics`.
    public static func closuresFile(of url: URL) -> URL {
        let stem = url.pathExtension.lowercased() == "ics" ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-closures.ics")
    }

    /// Reads several calendars and joins them (a day off in any is a day off).
    public func load(_ references: [String]) throws(DiagnosticFailure) -> HolidayCalendar {
        let names = references.isEmpty ? [CalendarCatalog.defaultName] : references
        var calendars: [HolidayCalendar] = []
        for name in names { calendars.append(try load(name)) }
        guard let joined = HolidayCalendar.union(calendars) else {
            throw DiagnosticFailure(
                .configuration,
                .error(
                    "the calendars \(names.joined(separator: ", ")) cover no common days, so they cannot be joined"))
        }
        return joined
    }
}
