public import Foundation

/// Where a workspace keeps what: forum.yaml, the notes, the replaced notes,
/// the outputs and the ledger. Every path into a workspace is made here.
///
/// Paths are joined as text onto the folder as the user gave it, so messages
/// name files the way the user named the workspace (`ws/notes/a.md`, or
/// `notes/a.md` for the current folder).
public struct WorkspaceLayout: Sendable, Hashable {
    /// The workspace folder as the user gave it ("." for the current folder).
    public let root: String

    public init(_ root: String) {
        self.root = root.isEmpty ? "." : root
    }

    /// The workspace's description of the forum.
    public static let forumFileName = "forum.yaml"
    /// The folder of notes, `*.md` directly inside it.
    public static let notesFolderName = "notes"
    /// Inside the notes folder: earlier versions of replaced notes.
    public static let historyFolderName = ".history"
    /// The default output folder of `imrf compile`.
    public static let buildFolderName = "build"
    /// imrf's own state: the ledger and its lock.
    public static let stateFolderName = ".imrf"
    public static let ledgerFileName = "ledger.sqlite"
    public static let ledgerLockName = "ledger.lock"

    /// The largest note file imrf reads (4 MiB): a note is a few pages.
    public static let maximumNoteBytes = 4 << 20
    /// The most bytes the notes of one workspace may hold together (16 MiB):
    /// a summary's notes are a few megabytes at most (the 1,000-note
    /// benchmark workspace is under 2 MB), and parsing takes time and memory
    /// in proportion, so a workspace of many large notes is refused before
    /// they are read rather than parsed for minutes.
    public static let maximumNotesBytes = 16 << 20

    public var forumFile: String { Self.join(root, Self.forumFileName) }
    public var notesFolder: String { Self.join(root, Self.notesFolderName) }
    public var historyFolder: String { Self.join(notesFolder, Self.historyFolderName) }
    public var buildFolder: String { Self.join(root, Self.buildFolderName) }
    public var stateFolder: String { Self.join(root, Self.stateFolderName) }
    public var ledgerFile: String { Self.join(stateFolder, Self.ledgerFileName) }

    /// The workspace folder as a file URL.
    public var url: URL { URL(fileURLWithPath: root, isDirectory: true) }

    /// The path of `name` in the notes folder.
    public func note(_ name: String) -> String { Self.join(notesFolder, name) }

    /// A stored note's path as receipts and the ledger give it: `notes/<name>`.
    public static func recordedNotePath(_ name: String) -> String { notesFolderName + "/" + name }

    /// The names of the note files directly in the notes folder (`*.md`),
    /// sorted; none when the folder cannot be listed.
    public func noteFileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: notesFolder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// What in notes/ looks meant as a note but is not read as one, with
    /// what to do: a file named `.MD`, `.markdown`, `.md.txt` (Windows hides
    /// the `.txt`), `.txt` or `.docx`, and a folder holding `.md` files
    /// (notes are read from notes/ itself; `figures/` and hidden folders
    /// are not notes). Sorted by name.
    public func ignoredNoteLookalikes() -> [(name: String, hint: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: notesFolder)) ?? []).sorted()
        var found: [(name: String, hint: String)] = []
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".md") {
            let lower = name.lowercased()
            let path = Self.join(notesFolder, name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                guard name != "figures" else { continue }
                let inside = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                if inside.contains(where: { $0.lowercased().hasSuffix(".md") }) {
                    found.append((name + "/", "notes are read from \(Self.notesFolderName)/ itself: move the notes out of \(name)/"))
                }
                continue
            }
            for suffix in [".md.txt", ".markdown", ".md", ".txt", ".docx"] where lower.hasSuffix(suffix) {
                let stem = String(name.dropLast(suffix.count))
                let hint =
                    suffix == ".docx"
                    ? "a Word file is not read: save it as Markdown with front matter, as \(stem).md"
                    : "only files whose names end in .md are read: rename it \(stem).md"
                found.append((name, hint))
                break
            }
        }
        return found
    }

    /// Whether the folder holds a forum.yaml (of any kind: reading it says more).
    public var hasForumFile: Bool { FileManager.default.fileExists(atPath: forumFile) }

    /// The workspace the current folder is in: the nearest folder at or
    /// above `start` holding a forum.yaml, as git finds its repository;
    /// given relative to `start` (".", "..", "../.."), so messages name files
    /// as the user sees them from there. nil when there is none.
    public static func enclosing(_ start: URL) -> String? {
        var levels = 0
        let found = FolderFinder.nearest(from: start, levels: 64) { folder in
            defer { levels += 1 }
            return FolderFinder.exists(folder.appendingPathComponent(forumFileName))
        }
        guard found != nil else { return nil }
        let up = levels - 1
        return up == 0 ? "." : Array(repeating: "..", count: up).joined(separator: "/")
    }

    /// `name` inside `directory`, joined as text: "." adds nothing, and a
    /// trailing slash is not doubled.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
