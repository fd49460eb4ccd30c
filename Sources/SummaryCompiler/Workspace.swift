public import Diagnostics
public import Forum
import Foundation

/// A workspace folder: forum.yaml and notes/*.md, loaded and checked.
public struct Workspace: Sendable {
    /// The folder as the user gave it ("." when none).
    public var path: String
    public var forum: Forum
    /// Usable notes, in file-name order.
    public var notes: [Note]
    /// Everything found wrong or suspicious, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// The pictures the notes show, by workspace-relative path (the path
    /// their `Inline.image` nodes carry once loaded).
    public var images: [String: ImageAsset] = [:]

    /// The indices in `notes` of each session's notes, in the summary's
    /// order: file-name order, except that the plenary's notes follow its
    /// segments (notes naming none first, then the opening segment, the
    /// general debate and the closing segment). Walking `notes` once per
    /// session copied every note seven times.
    var noteIndicesBySession: [Session: [Int]] {
        var result: [Session: [Int]] = [:]
        for (index, note) in notes.enumerated() { result[note.session, default: []].append(index) }
        if let plenary = result[.plenary] {
            func rank(_ index: Int) -> Int {
                notes[index].segment.map { PlenarySegment.allCases.firstIndex(of: $0)! + 1 } ?? 0
            }
            // Stable: sorted by segment, then by position in `notes`.
            result[.plenary] = plenary.sorted { (rank($0), $0) < (rank($1), $1) }
        }
        return result
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `2 errors, 1 warning`.
    public static func summaryLine(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }

    /// Loads and checks a workspace. Fails only when forum.yaml cannot be
    /// read; problems with notes are collected in `diagnostics`.
    /// - Parameter draft: a session without notes is a warning, not an error.
    public static func load(_ path: String, draft: Bool = false) throws(DiagnosticFailure) -> Workspace {
        let forumPath = join(path, "forum.yaml")
        var forumWarnings: [Diagnostic] = []
        let forum = try loadForum(forumPath, warnings: &forumWarnings)
        let notesPath = join(path, "notes")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: notesPath)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        var workspace = check(notePaths: names.map { join(notesPath, $0) }, forum: forum, path: path)
        workspace.diagnostics += forumWarnings
        let present = Set(workspace.notes.map(\.session))
        for session in Session.allCases where !present.contains(session) {
            workspace.diagnostics.append(Diagnostic(
                draft ? .warning : .error, "session '\(session.rawValue)' has no note",
                at: SourceLocation(path: notesPath),
                hint: draft ? nil : "add a note with 'session: \(session.rawValue)', or pass --draft"
            ))
        }
        let addressed = Set(workspace.notes.flatMap(\.objectives))
        let missing = Objective.numbers.filter { !addressed.contains($0) }
        if !missing.isEmpty {
            workspace.diagnostics.append(.warning(
                "no note addresses objective\(missing.count == 1 ? "" : "s") " + missing.map(String.init).joined(separator: ", "),
                at: SourceLocation(path: notesPath)
            ))
        }
        workspace.diagnostics.sort(by: order)
        return workspace
    }

    /// Reads and parses forum.yaml.
    public static func loadForum(_ forumPath: String) throws(DiagnosticFailure) -> Forum {
        var warnings: [Diagnostic] = []
        return try loadForum(forumPath, warnings: &warnings)
    }

    /// Reads and parses forum.yaml, collecting its warnings.
    public static func loadForum(_ forumPath: String, warnings: inout [Diagnostic]) throws(DiagnosticFailure) -> Forum {
        // The workspace is the folder forum.yaml is in: it may not be a link out of it.
        let folder = (forumPath as NSString).deletingLastPathComponent
        let reader = WorkspaceFileReader(root: folder.isEmpty ? "." : folder)
        let data: [UInt8]
        switch reader.read(forumPath, limit: Forum.maximumBytes) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let bytes)): throw Forum.tooLarge(bytes: bytes, path: forumPath)
        case .failure(.cannotRead):
            throw DiagnosticFailure(.badInput, .error(
                "cannot read forum file", at: SourceLocation(path: forumPath),
                hint: "run imrf in a workspace made by 'imrf init', or name the workspace folder"
            ))
        case .failure(let problem):
            throw DiagnosticFailure(.badInput, .error(
                "cannot read forum file: \(problem)", at: SourceLocation(path: forumPath),
                hint: "run imrf in a workspace made by 'imrf init', or name the workspace folder"
            ))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticFailure(.badInput, .error("forum file is not UTF-8 text", at: SourceLocation(path: forumPath)))
        }
        return try Forum.parse(yaml: text, path: forumPath, warnings: &warnings)
    }

    /// Checks individual note files against a forum. Pictures the notes show
    /// must be inside the folder `path` (the workspace). The files are read and
    /// parsed concurrently (each note is independent); the results are taken
    /// in the given order, so the output does not depend on scheduling. The
    /// notes past `maximumNoteBytes` together are neither read nor parsed.
    public static func check(notePaths: [String], forum: Forum, path: String = ".") -> Workspace {
        let reader = WorkspaceFileReader(root: path)
        let budget = NoteBudget(sizes: notePaths.concurrentMap(NoteBudget.fileSize), paths: notePaths, maximumBytes: maximumNoteBytes)
        let parsed = Array(notePaths.prefix(budget.count)).concurrentMap { notePath -> (note: Note?, diagnostics: [Diagnostic]) in
            switch reader.readNote(notePath) {
            case .success(let bytes): NoteParser.parse(bytes: bytes, path: notePath, forum: forum)
            case .failure(let failure): (nil, failure.diagnostics)
            }
        }
        return assemble(zip(notePaths, parsed + budget.refusal), forum: forum, path: path)
    }

    /// Checks notes already in memory (path and content) against a forum;
    /// nothing is read from disk, so the fuzzer compiles a workspace without files.
    public static func check(
        noteFiles: [(path: String, bytes: [UInt8])], forum: Forum, path: String = ".", maximumNoteBytes: Int = maximumNoteBytes
    ) -> Workspace {
        let budget = NoteBudget(sizes: noteFiles.map(\.bytes.count), paths: noteFiles.map(\.path), maximumBytes: maximumNoteBytes)
        let parsed = noteFiles.prefix(budget.count).map { NoteParser.parse(bytes: $0.bytes, path: $0.path, forum: forum) }
        return assemble(zip(noteFiles.map(\.path), parsed + budget.refusal), forum: forum, path: path)
    }

    /// The workspace of parsed notes, in the given order: a note whose body
    /// duplicates an earlier one is refused, diagnostics sorted by file and line.
    private static func assemble(
        _ parsed: some Sequence<(String, (note: Note?, diagnostics: [Diagnostic]))>, forum: Forum, path: String
    ) -> Workspace {
        let parsed = Array(parsed)
        // Each body's duplicate-check key, its hash and the picture check are
        // computed on every core first: hashing (with Unicode normalisation)
        // and scanning every body one after the other was a pass over the
        // whole workspace on one core. Equal bodies have equal hashes; only
        // bodies whose hashes are equal are compared.
        let facts = parsed.concurrentMap { _, result -> (key: Substring, hash: Int, mayShowPicture: Bool) in
            guard let note = result.note else { return ("", 0, false) }
            let key = Whitespace.trimming(note.body, Whitespace.isWhitespaceOrNewline)
            return (key, key.hashValue, mayShowPicture(note.body))
        }
        var notes: [Note] = []
        var diagnostics: [Diagnostic] = []
        var seen: [Int: [(body: Substring, path: String)]] = [:]  // hash of body -> bodies and their first paths
        var images: [String: ImageAsset] = [:]
        let resolver = ImageResolver(workspace: path)
        for (index, (notePath, (note, found))) in parsed.enumerated() {
            diagnostics += found
            guard let note else { continue }
            let (key, hash, mayShowPicture) = facts[index]
            if let first = seen[hash]?.first(where: { $0.body == key }) {
                diagnostics.append(.error(
                    "note duplicates \(first.path)", at: SourceLocation(path: notePath, line: note.bodyLine, column: 1),
                    hint: "remove one of the two copies"
                ))
                continue
            }
            seen[hash, default: []].append((key, notePath))
            guard mayShowPicture else {  // no picture: nothing to resolve
                notes.append(note)
                continue
            }
            let resolved = resolver.resolve(note)
            diagnostics += resolved.diagnostics
            for image in resolved.images { images[image.path] = image }
            notes.append(resolved.note)
        }
        diagnostics.sort(by: order)
        return Workspace(path: path, forum: forum, notes: notes, diagnostics: diagnostics, images: images)
    }

    /// Whether `body` holds `![`, which every Markdown picture starts with;
    /// searched in its UTF-8 bytes (Foundation's `contains` bridged each note
    /// to `NSString`, a noticeable part of compiling a large workspace).
    static func mayShowPicture(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "[") && bytes[index - 1] == UInt8(ascii: "!") {
                return true
            }
            return false
        }
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let left = a.location ?? SourceLocation(path: "")
        let right = b.location ?? SourceLocation(path: "")
        return (left.path, left.line, left.column) < (right.path, right.line, right.column)
    }
}

extension Workspace {
    /// The forum.yaml of the workspace a note is in: the nearest one in the
    /// note's folder or above it; nil when there is none.
    public static func forumPath(near notePath: String) -> String? {
        var directory = URL(fileURLWithPath: notePath).deletingLastPathComponent()
        for _ in 0..<32 {
            let candidate = directory.appendingPathComponent("forum.yaml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }
}
