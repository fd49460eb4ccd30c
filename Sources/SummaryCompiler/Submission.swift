public import Diagnostics
import Forum
public import Foundation
import Ledger
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A note on its way into a workspace through `imrf submit`: read once,
/// checked as `imrf check` checks a note, then stored and recorded.
///
/// Guarantees:
/// - The bytes stored are the bytes checked (the file is read once).
/// - A note with an error is refused and nothing is written.
/// - The stored name comes from the session and a slug of the author
///   (`StoredNoteName`), never from a path in the input.
/// - The note is written to `notes/.submit-<pid>-<uuid>.tmp` (a name the
///   workspace scan ignores, as it only reads `*.md`), flushed to disk, then
///   renamed over `notes/<name>.md`: a process killed at any moment leaves
///   either the complete old note or the complete new one, never part of one.
/// - The rename and the ledger entry happen inside one ledger write
///   transaction, so concurrent submissions are serialised: each is recorded
///   once, "already submitted" is decided on up-to-date facts, and two people
///   replacing the same note cannot lose either version.
/// - A changed resubmission keeps the earlier version, copied to
///   `notes/.history/<name>.<sha256 prefix>.md` before the new one replaces
///   it (`imrf check` and `compile` do not look into `.history`).
public struct Submission: Sendable {
    /// The workspace folder as the user gave it.
    public var workspace: String
    /// The note file as the user gave it.
    public var notePath: String
    public var session: String
    public var author: String
    /// Warnings about the note (unknown keys, ...): the note is accepted.
    public var warnings: [Diagnostic]
    var bytes: Data
    var sha256: String

    /// Reads and checks the note against the workspace's forum.yaml.
    /// Throws the note's diagnostics (errors and warnings, kind `.badInput`)
    /// when it has an error.
    public init(notePath: String, workspace: String) throws(DiagnosticFailure) {
        self.workspace = workspace
        self.notePath = notePath
        guard let data = FileManager.default.contents(atPath: notePath) else {
            throw DiagnosticFailure(.badInput, .error(
                "cannot read note", at: SourceLocation(path: notePath), hint: "check the file name and that the file exists"
            ))
        }
        let forum = try Workspace.loadForum(Workspace.join(workspace, "forum.yaml"))
        let (note, found) = NoteParser.parse(bytes: Array(data), path: notePath, forum: forum)
        var diagnostics = found.sorted(by: Workspace.order)
        if let note, (note.author ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(.error(
                "a submitted note needs an 'author' in its front matter", at: SourceLocation(path: notePath, line: 1, column: 1),
                hint: "add a line such as 'author: Jane Doe' between the '---' lines; the receipt and the ledger say who submitted it"
            ))
        }
        if let note, let author = note.author, !diagnostics.contains(where: { $0.severity == .error }),
           let first = Self.noteWithSameText(as: note, author: author, workspace: workspace) {
            diagnostics.append(.error(
                "note duplicates \(first)", at: SourceLocation(path: notePath, line: note.bodyLine, column: 1),
                hint: "this text is already in the workspace; 'imrf compile' would refuse two copies"
            ))
        }
        guard let note, let author = note.author, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticFailure(.badInput, diagnostics)
        }
        session = note.session.rawValue
        self.author = author.trimmingCharacters(in: .whitespacesAndNewlines)
        warnings = diagnostics
        bytes = data
        sha256 = SHA256.hex(of: data)
    }

    /// Stores the note in `notes/` and records it in the ledger.
    /// - Parameter beforeRename: called at the commit point, with the
    ///   temporary file written and the ledger locked, just before the
    ///   rename; the test-only `IMRF_TEST_PAUSE_BEFORE_RENAME` of `imrf submit`
    ///   waits there so a test can kill the process at the worst moment.
    public func store(at now: Date = Date(), beforeRename: (() -> Void)? = nil) throws -> SubmissionReceipt {
        let notesFolder = Workspace.join(workspace, "notes")
        let temporary = Workspace.join(notesFolder, ".submit-\(getpid())-\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(atPath: notesFolder, withIntermediateDirectories: true)
            try Self.writeDurably(bytes, to: temporary)
        } catch {
            throw DiagnosticFailure(.cannotCreate, .error(
                "cannot write the note into the workspace (\(Self.reason(error)))", at: SourceLocation(path: notesFolder),
                hint: "check that the workspace folder and its notes folder are writable by you"
            ))
        }
        defer { unlink(temporary) }

        let ledger = try Ledger(workspace: URL(fileURLWithPath: workspace))
        return try ledger.transaction { transaction in
            var name = StoredNoteName.fileName(session: session, author: author)
            if let other = authorOfStoredNote(name), other != author {
                name = StoredNoteName.fileName(session: session, author: author, disambiguated: true)
            }
            let relative = "notes/" + name
            let target = Workspace.join(notesFolder, name)
            var receipt = SubmissionReceipt(outcome: .stored, session: session, author: author, path: relative, sha256: sha256)

            let existing = FileManager.default.contents(atPath: target)
            if let existing, SHA256.hex(of: existing) == sha256 {
                let earlier = try transaction.entries(ofKind: "submission").last { entry in
                    guard case .submission(let record) = entry.event else { return false }
                    return record.path == relative && record.sha256 == sha256
                }
                if let earlier {
                    receipt.outcome = .alreadySubmitted
                    receipt.ledgerEntry = earlier.id
                    receipt.at = earlier.at
                    return receipt
                }
                // Stored by a process that died before recording it: record it now.
            } else if let existing {
                let previousName = String(name.dropLast(3)) + "." + SHA256.hex(of: existing).prefix(12) + ".md"
                let historyFolder = Workspace.join(notesFolder, ".history")
                do {
                    try FileManager.default.createDirectory(atPath: historyFolder, withIntermediateDirectories: true)
                    let historyTemporary = Workspace.join(historyFolder, ".submit-\(getpid())-\(UUID().uuidString).tmp")
                    defer { unlink(historyTemporary) }
                    try Self.writeDurably(existing, to: historyTemporary)
                    try Self.move(historyTemporary, to: Workspace.join(historyFolder, previousName))
                } catch {
                    throw DiagnosticFailure(.cannotCreate, .error(
                        "cannot keep the earlier version of \(relative) (\(Self.reason(error))); nothing was changed",
                        at: SourceLocation(path: historyFolder)
                    ))
                }
                receipt.outcome = .replaced
                receipt.previous = "notes/.history/" + previousName
            }
            if existing.map({ SHA256.hex(of: $0) }) != sha256 {
                beforeRename?()
                do {
                    try Self.move(temporary, to: target)
                } catch {
                    throw DiagnosticFailure(.cannotCreate, .error(
                        "cannot store the note as \(relative) (\(Self.reason(error)))", at: SourceLocation(path: notesFolder)
                    ))
                }
            }
            let entry = try transaction.append(
                .submission(NoteSubmission(session: session, author: author, path: relative, sha256: sha256)), at: now
            )
            receipt.ledgerEntry = entry.id
            receipt.at = entry.at
            return receipt
        }
    }

    /// The first other note of the workspace with the same text, which
    /// `Workspace.check` would report as a duplicate; the author's own
    /// stored note (which a resubmission replaces) does not count.
    static func noteWithSameText(as note: Note, author: String, workspace: String) -> String? {
        let notesFolder = Workspace.join(workspace, "notes")
        let session = note.session.rawValue
        let own: Set = [
            StoredNoteName.fileName(session: session, author: author),
            StoredNoteName.fileName(session: session, author: author, disambiguated: true),
        ]
        let key = note.body.trimmingCharacters(in: .whitespacesAndNewlines)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: notesFolder)) ?? [])
            .filter { $0.hasSuffix(".md") && !own.contains($0) }.sorted()
        for name in names {
            let path = Workspace.join(notesFolder, name)
            guard let data = FileManager.default.contents(atPath: path),
                  let other = NoteParser.parse(bytes: Array(data), path: path).note
            else { continue }
            if other.body.trimmingCharacters(in: .whitespacesAndNewlines) == key { return path }
        }
        return nil
    }

    /// The author written in the note already stored under `name`, if it
    /// parses; used so that two authors whose names give the same slug
    /// ("Jane Doe", "jane-doe") never replace each other's note.
    private func authorOfStoredNote(_ name: String) -> String? {
        let path = Workspace.join(Workspace.join(workspace, "notes"), name)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return NoteParser.parse(bytes: Array(data), path: path).note?.author?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Files

    struct FileFailure: Error {
        var reason: String
    }

    static func reason(_ error: any Error) -> String {
        (error as? FileFailure)?.reason ?? error.localizedDescription
    }

    /// Writes `data` to a new file at `path` and flushes it to disk, so that
    /// a later rename never exposes a file whose content is still in flight.
    static func writeDurably(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileFailure(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw FileFailure(reason: String(cString: strerror(errno))) }
    }

    /// POSIX rename: atomically replaces `destination` if it exists.
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw FileFailure(reason: String(cString: strerror(errno)))
        }
    }
}
