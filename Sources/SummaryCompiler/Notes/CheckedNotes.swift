public import Diagnostics
public import Forum
public import Foundation
import Storage

/// Notes read and checked against a forum: what the summary is rendered
/// from. Each note is parsed on its own; a note whose text duplicates an
/// earlier one is refused; the pictures the notes show are found.
public struct CheckedNotes: Sendable {
    /// The folder the notes' pictures must be in (the workspace), as given.
    public var folder: String
    public var forum: Forum
    /// Usable notes, in file-name order.
    public var notes: [Note]
    /// Everything found wrong or suspicious, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// The pictures the notes show, by workspace-relative path (the path
    /// their `Inline.image` nodes carry once loaded).
    public var images: [String: ImageAsset] = [:]
    /// A draft (`compile --draft`): every format says DRAFT, so that it is
    /// never taken for the final text.
    public var isDraft = false

    /// The indices in `notes` of each session's notes, in the summary's
    /// order: file-name order, except that the plenary's notes follow its
    /// segments (notes naming none first, then the opening segment, the
    /// general debate and the closing segment). One pass over the notes:
    /// the renderers index into `notes` rather than copy them.
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

    /// Checks individual note files against a forum. Pictures the notes show
    /// must be inside `folder` (the workspace). The files are read and
    /// parsed concurrently (each note is independent); the results are taken
    /// in the given order, so the output does not depend on scheduling. The
    /// notes past `maximumNoteBytes` together are neither read nor parsed.
    public static func check(notePaths: [String], forum: Forum, folder: String = ".") -> CheckedNotes {
        let reader = WorkspaceFileReader(root: folder)
        let budget = NoteBudget(sizes: notePaths.concurrentMap(NoteBudget.fileSize), paths: notePaths, maximumBytes: maximumNoteBytes)
        let parsed = Array(notePaths.prefix(budget.count)).concurrentMap { notePath -> (note: Note?, diagnostics: [Diagnostic]) in
            switch reader.readNote(notePath) {
            case .success(let bytes): NoteParser.parse(bytes: bytes, path: notePath, forum: forum)
            case .failure(let failure): (nil, failure.diagnostics)
            }
        }
        return assemble(zip(notePaths, parsed + budget.refusal), forum: forum, folder: folder)
    }

    /// `check(notePaths:forum:folder:)` for an async caller: the notes are
    /// read and parsed on Dispatch's threads (`withBlockingWork`), never on
    /// Swift's cooperative pool, so that a server's other tasks keep running
    /// meanwhile. In an async function a call without `await` is an error:
    /// the compiler chooses this overload.
    public static func check(notePaths: [String], forum: Forum, folder: String = ".") async -> CheckedNotes {
        await withBlockingWork { check(notePaths: notePaths, forum: forum, folder: folder) }
    }

    /// Checks notes already in memory (path and content) against a forum;
    /// nothing is read from disk, so the fuzzer compiles a workspace without files.
    public static func check(
        noteFiles: [(path: String, bytes: [UInt8])], forum: Forum, folder: String = ".", maximumNoteBytes: Int = maximumNoteBytes
    ) -> CheckedNotes {
        let budget = NoteBudget(sizes: noteFiles.map(\.bytes.count), paths: noteFiles.map(\.path), maximumBytes: maximumNoteBytes)
        let parsed = Array(noteFiles.prefix(budget.count)).concurrentMap { NoteParser.parse(bytes: $0.bytes, path: $0.path, forum: forum) }
        return assemble(zip(noteFiles.map(\.path), parsed + budget.refusal), forum: forum, folder: folder)
    }

    /// The workspace of parsed notes, in the given order: a note whose body
    /// duplicates an earlier one is refused, diagnostics sorted by file and line.
    private static func assemble(
        _ parsed: some Sequence<(String, (note: Note?, diagnostics: [Diagnostic]))>, forum: Forum, folder: String
    ) -> CheckedNotes {
        let parsed = Array(parsed)
        // Each body's duplicate-check key, its hash and the picture check are
        // computed on every core first: hashing (with Unicode normalisation)
        // and scanning read every body's text. Equal bodies have equal
        // hashes; only bodies whose hashes are equal are compared.
        let facts = parsed.concurrentMap { _, result -> (key: Substring, hash: Int, mayShowPicture: Bool) in
            guard let note = result.note else { return ("", 0, false) }
            let key = textKey(note)
            return (key, key.hashValue, mayShowPicture(note.body))
        }
        var notes: [Note] = []
        var diagnostics: [Diagnostic] = []
        var seen: [Int: [(body: Substring, path: String)]] = [:]  // hash of body -> bodies and their first paths
        var images: [String: ImageAsset] = [:]
        let resolver = ImageResolver(workspace: folder)
        for (index, (notePath, (note, found))) in parsed.enumerated() {
            diagnostics += found
            guard let note else { continue }
            let (key, hash, mayShowPicture) = facts[index]
            if let first = seen[hash]?.first(where: { $0.body == key }) {
                diagnostics.append(
                    .error(
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
        diagnostics.sortByLocation()
        return CheckedNotes(folder: folder, forum: forum, notes: notes, diagnostics: diagnostics, images: images)
    }

    /// The errors of the pictures `note` shows, found as they will be once
    /// it is stored in the workspace's notes folder (a submission): what
    /// `imrf check` will then say of them. They name the note by its own path.
    /// `pending`: pictures to be stored with the note, by workspace-relative
    /// path (`notes/figures/a-1.png`), checked as if they were there.
    public static func pictureDiagnostics(of note: Note, storedIn workspace: String, pending: [String: Data] = [:]) -> [Diagnostic] {
        guard mayShowPicture(note.body) else { return [] }
        var placed = note
        placed.path = WorkspaceLayout.join(WorkspaceLayout(workspace).notesFolder, "submitted.md")
        return ImageResolver(workspace: workspace, pending: pending).resolve(placed).diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location?.path = note.path
            if diagnostic.code == ImageResolver.notFoundCode {
                diagnostic.hint =
                    "a picture's path is relative to the workspace's notes folder, where the note is stored:"
                    + " put the picture there (such as notes/figures/) first"
            }
            return diagnostic
        }
    }

    /// The code of a picture the note names that is not there.
    public static let pictureNotFoundCode = ImageResolver.notFoundCode

    /// What two notes with the same text share: the body without the
    /// whitespace around it. The one duplicate rule of check, compile and submit.
    public static func textKey(_ note: Note) -> Substring {
        Whitespace.trimming(note.body, Whitespace.isWhitespaceOrNewline)
    }

    /// Whether `body` holds `![`, which every Markdown picture starts with;
    /// searched in its UTF-8 bytes (Foundation's `contains` would bridge each
    /// note to `NSString`; Benchmarks/compile.sh).
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
}
