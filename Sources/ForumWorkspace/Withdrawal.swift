import Diagnostics
public import Foundation
public import Ledger
import Storage
import SummaryCompiler

/// The office takes back a stored note submitted by mistake (`imrf mark
/// withdrawn`), or moves it to the session it was meant for (`imrf mark
/// moved`). Nothing is lost: the text is kept in `notes/.history/` and the
/// ledger records who did it and why; the note's submissions then no longer
/// count for its session.
public enum Withdrawal {
    /// The stored note `note` names: a path (`notes/x.md`, `ws/notes/x.md`)
    /// or a file name in `notes/`; its folder must be the workspace's notes/.
    static func noteName(_ note: String, layout: WorkspaceLayout) throws(DiagnosticFailure) -> String {
        let name = (note as NSString).lastPathComponent
        let folder = (note as NSString).deletingLastPathComponent
        let inNotes =
            folder.isEmpty || folder == WorkspaceLayout.notesFolderName
            || WorkspaceFile.resolved(folder) == WorkspaceFile.resolved(layout.notesFolder)
        guard inNotes, name.hasSuffix(".md"), !name.hasPrefix(".") else {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "'\(note)' is not a note of the workspace", hint: "name a file in \(layout.notesFolder), e.g. notes/round-table-2--jane-doe.md"))
        }
        return name
    }

    /// Withdraws the stored note `note` of the workspace at `path`.
    /// - Returns: the ledger entry (a `withdrawal`).
    @discardableResult
    public static func withdraw(
        note: String, workspace path: String, reason: String?, by person: String? = nil, at now: Date = Date()
    ) throws -> LedgerEntry {
        let layout = WorkspaceLayout(path)
        let name = try noteName(note, layout: layout)
        let notes: OpenFolder
        let read: Result<[UInt8], WorkspaceFile.Problem>?
        do throws(WorkspaceFile.Problem) {
            notes = try OpenFolder.open(layout.notesFolder, inside: path, create: false)
            read = notes.read(name, limit: WorkspaceLayout.maximumNoteBytes)
        } catch {
            throw DiagnosticFailure(
                .badInput, .error("cannot open the notes folder: \(error.description)", at: SourceLocation(path: layout.notesFolder)))
        }
        let bytes: [UInt8]
        switch read {
        case nil:
            throw DiagnosticFailure(
                .badInput, .error("there is no note '\(name)' in \(layout.notesFolder)", hint: "imrf status -v lists the stored notes by session"))
        case .failure(let problem):
            throw DiagnosticFailure(.badInput, .error("cannot read the note: \(problem.description)", at: SourceLocation(path: layout.note(name))))
        case .success(let read):
            bytes = read
        }
        let digest = SHA256.hex(of: bytes)
        let session = NoteSession.named(inFrontMatterOf: bytes) ?? "unknown"
        let keptName = String(name.dropLast(3)) + "." + digest.prefix(12) + ".md"
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = WithdrawalRecord(
            path: WorkspaceLayout.recordedNotePath(name), session: session, sha256: digest,
            kept: WorkspaceLayout.recordedNotePath(WorkspaceLayout.historyFolderName + "/" + keptName),
            reason: text?.isEmpty == false ? text : nil, by: person)
        // The copy first: a withdrawal cut short leaves the note where it
        // was and a copy in the history, never neither.
        do throws(WorkspaceFile.Problem) {
            let history = try notes.subfolder(WorkspaceLayout.historyFolderName)
            if !history.contains(keptName) { try history.write(Data(bytes), to: keptName) }
        } catch {
            throw DiagnosticFailure(
                .cannotCreate, .error("cannot keep the note in \(layout.historyFolder): \(error.description)", hint: "nothing was withdrawn"))
        }
        let entry = try Ledger(workspace: layout.url).transaction { transaction in
            let entry = try transaction.append(.withdrawal(record), at: now)
            notes.remove(name)
            return entry
        }
        // Its pictures follow it into the history, unless a note still there
        // names them (one moved to another session does); the withdrawal
        // stands if they cannot be moved.
        let others = layout.noteFileNames().compactMap { other in
            try? notes.read(other, limit: WorkspaceLayout.maximumNoteBytes)?.get()
        }.map { String(decoding: $0, as: UTF8.self) }
        _ = try? Submission.retirePictures(of: name, text: bytes, keptAs: String(keptName.dropLast(3)), in: notes) { picture in
            others.contains { $0.contains(Submission.figuresFolderName + "/" + picture) }
        }
        return entry
    }

    /// Moves the stored note `note` to `session`: the note with its front
    /// matter's session changed is submitted (checked as any submission,
    /// stored under its new name), then the old one is withdrawn.
    /// `person` (the office person on the web) is recorded as the
    /// withdrawal's `by`; the note keeps its own author, whoever moves it.
    /// - Returns: the receipt of the new note and the withdrawal's entry.
    public static func move(
        note: String, to session: String, workspace path: String, reason: String?, by person: String? = nil, at now: Date = Date()
    ) throws -> (receipt: SubmissionReceipt, withdrawal: LedgerEntry) {
        let layout = WorkspaceLayout(path)
        let name = try noteName(note, layout: layout)
        let file = layout.note(name)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DiagnosticFailure(
                .badInput, .error("there is no note '\(name)' in \(layout.notesFolder)", hint: "imrf status -v lists the stored notes by session"))
        }
        guard let changed = NoteSession.replacing(session, inFrontMatterOf: Array(data)) else {
            throw DiagnosticFailure(
                .badInput,
                .error("the note has no 'session:' line in its front matter to change", at: SourceLocation(path: file), hint: "edit the note by hand")
            )
        }
        if NoteSession.named(inFrontMatterOf: Array(data)) == session {
            throw DiagnosticFailure(.usage, .error("the note is already for \(session)", at: SourceLocation(path: file)))
        }
        let receipt = try Submission(noteBytes: Data(changed), fileName: file, workspace: path, inPlace: nil, movingFrom: name)
            .store(at: now)
        let entry = try withdraw(
            note: name, workspace: path, reason: "moved to \(session) as \(receipt.path)" + (reason.map { ": \($0)" } ?? ""), by: person,
            at: now)
        return (receipt, entry)
    }
}

/// The `session:` line of a note's front matter, read and changed as text
/// (the rest of the note, its comments and quoting, stays as written).
enum NoteSession {
    /// The line's index among the file's lines, within the front matter.
    private static func sessionLine(_ lines: [Substring]) -> Int? {
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") == "---" else {
            return nil
        }
        for (index, line) in lines.enumerated().dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed == "---" || trimmed == "..." { return nil }
            if line.hasPrefix("session:") { return index }
        }
        return nil
    }

    static func named(inFrontMatterOf bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = sessionLine(lines) else { return nil }
        var value = lines[index].dropFirst("session:".count)
        if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
        return value.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    static func replacing(_ session: String, inFrontMatterOf bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = sessionLine(lines) else { return nil }
        let carriageReturn = lines[index].hasSuffix("\r") ? "\r" : ""
        lines[index] = Substring("session: \"\(session)\"" + carriageReturn)
        return Array(lines.joined(separator: "\n").utf8)
    }
}
