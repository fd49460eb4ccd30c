public import Foundation

/// The two ways imrf finds a folder it was not told about: upwards from a
/// place (forum.yaml above a note, the repository's Calendars/ above a
/// binary SwiftPM built), and the installation's `share/imrf` beside the
/// executable's folder. Never the current folder unless it is the start.
public enum FolderFinder {
    /// The first of `start` and its parents (at most `levels` folders in all)
    /// for which `isWanted` holds; nil when none does.
    public static func nearest(from start: URL, levels: Int, where isWanted: (URL) -> Bool) -> URL? {
        var folder = start.standardizedFileURL
        for _ in 0..<levels {
            if isWanted(folder) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The folder of the running executable, links resolved; nil when unknown.
    public static func executableFolder(_ executable: URL?) -> URL? {
        executable?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// `../share/imrf/<name>` beside the executable's folder (an installation
    /// under a prefix: bin/imrf and share/imrf/<name>).
    public static func installed(_ name: String, executable: URL?) -> URL? {
        executableFolder(executable).map { $0.appendingPathComponent("../share/imrf/\(name)", isDirectory: true).standardizedFileURL }
    }

    /// Whether anything exists at `url`.
    public static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }
}
