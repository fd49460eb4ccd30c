public import Diagnostics
import Forum
public import Foundation
import Ledger
import Storage
import SummaryCompiler
public import WordImport

/// A note on its way into a workspace through `imrf submit`: read once,
/// checked as `imrf check` checks a note (its pictures where it will be
/// stored, in notes/), then stored and recorded.
///
/// Guarantees:
/// - The bytes stored are the bytes checked (the file is read once).
/// - A note with an error is refused and nothing is written.
/// - The stored name comes from the session and a slug of the author
///   (`StoredNoteName`), never from a path in the input; a name that holds
///   another author's note (or anything but a note of this author for this
///   session) is never replaced: the next of `StoredNoteName.candidates` is taken.
/// - The note is written to `notes/.submit-<pid>.<random>.tmp` (a name the
///   workspace scan ignores, as it only reads `*.md`), flushed to disk, then
///   renamed over `notes/<name>.md`: a process killed at any moment leaves
///   either the complete old note or the complete new one, never part of one.
///   The temporary file is removed on every failure; one left by a killed
///   process is removed by the next submission (`OpenFolder`).
/// - notes/ and notes/.history/ are real folders inside the workspace, and
///   no link in them is followed: a link at a stored note's name is refused.
/// - The rename and the ledger entry happen inside one ledger write
///   transaction, so concurrent submissions are serialised: each is recorded
///   once, "already submitted" is decided on up-to-date facts, and two people
///   replacing the same note cannot lose either version.
/// - A changed resubmission keeps the earlier version, copied to
///   `notes/.history/<name>.<sha256 prefix>.md` before the new one replaces
///   it (`imrf check` and `compile` do not look into `.history`).
/// - A Word file (a name ending in `.docx`, or bytes that are a ZIP) is made
///   a note by `WordImport`, and that note is what is checked and stored; its
///   pictures go to `notes/figures/<stored name>-1.png`... (checked before,
///   as `imrf check` will check them), and the Word file itself is kept as
///   `notes/.history/<stored name>.<sha256 prefix>.docx`.
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
    /// The note's name when the file submitted is itself a note of the
    /// workspace's notes/ (put there by hand): it is recorded where it is.
    var inPlace: String?
    /// What a Word file brings besides the note made from it.
    var word: WordSource?

    /// A submitted Word file: its bytes, kept in the history, its pictures,
    /// named after `storedName`, the name the note was checked to be stored under.
    struct WordSource: Sendable {
        var bytes: Data
        var pictures: [ImportedNote.Picture]
        var storedName: String?
    }

    /// The note's bytes as they will be stored (for a Word file, the note made from it).
    public var noteText: Data { bytes }

    /// Whether the file submitted was a Word file, made a note here.
    public var isWordFile: Bool { word != nil }

    /// The folder of notes/ that a Word file's pictures are stored in.
    public static let figuresFolderName = "figures"

    /// Whether `data` named `fileName` is a Word file rather than a note: the
    /// name ends in `.docx` (in any case) or the bytes are a ZIP's.
    public static func isWord(_ data: Data, fileName: String) -> Bool {
        fileName.lowercased().hasSuffix(".docx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Reads the note file at `notePath` (anywhere: the user names it; a
    /// regular file of at most a note's size) and checks it as
    /// `init(noteBytes:fileName:workspace:signedInAs:word:)` does.
    public init(notePath: String, workspace: String, word options: WordImportOptions = WordImportOptions()) throws(DiagnosticFailure) {
        let inPlace = Self.nameInNotes(notePath, workspace: workspace)
        switch WorkspaceFileReader(root: nil).readNote(notePath) {
        case .success(let bytes):
            try self.init(noteBytes: Data(bytes), fileName: notePath, workspace: workspace, word: options, inPlace: inPlace)
        case .failure(let failure): throw failure
        }
    }

    /// The name of `path` in the workspace's notes/ when it is one of the
    /// notes there (the same file, links resolved), else nil.
    static func nameInNotes(_ path: String, workspace: String) -> String? {
        let layout = WorkspaceLayout(workspace)
        let file = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let folder = URL(fileURLWithPath: layout.notesFolder).resolvingSymlinksInPath()
        guard file.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path,
            layout.noteFileNames().contains(file.lastPathComponent)
        else { return nil }
        return file.lastPathComponent
    }

    /// Checks a note's bytes against the workspace's forum.yaml. Throws the
    /// note's diagnostics (errors and warnings, kind `.badInput`) when it has
    /// an error.
    /// - Parameters:
    ///   - fileName: what diagnostics name the note by (the file as the
    ///     user gave it, or an uploaded file's name); never a storage path.
    ///   - signedInAs: the person a caller authenticated (the web intake's
    ///     signed-in rapporteur); the note's `author` must name them, so a
    ///     note is only ever stored and recorded under its real author.
    ///   - word: for a Word file (`isWord`), the front matter given with it
    ///     (each value overrides the document's own); its picture prefix and
    ///     folder are set here. Ignored for a note.
    public init(
        noteBytes data: Data, fileName: String, workspace: String, signedInAs person: String? = nil,
        word options: WordImportOptions = WordImportOptions()
    ) throws(DiagnosticFailure) {
        try self.init(noteBytes: data, fileName: fileName, workspace: workspace, signedInAs: person, word: options, inPlace: nil)
    }

    init(
        noteBytes submitted: Data, fileName: String, workspace: String, signedInAs person: String? = nil,
        word options: WordImportOptions = WordImportOptions(), inPlace: String?, movingFrom: String? = nil
    ) throws(DiagnosticFailure) {
        self.workspace = workspace
        self.notePath = fileName
        self.inPlace = inPlace
        if submitted.count > NoteParser.maximumBytes {
            throw DiagnosticFailure(.badInput, NoteParser.tooLarge(fileName, size: submitted.count))
        }
        let forum = try Forum.load(contentsOf: WorkspaceLayout(workspace).forumFile)
        var data = submitted
        var imported: [Diagnostic] = []
        var pending: [String: Data] = [:]
        if inPlace == nil, Self.isWord(submitted, fileName: fileName) {
            let made = try Self.noteFromWord(submitted, fileName: fileName, workspace: workspace, forum: forum, options: options)
            data = Data(made.note.markdown.utf8)
            imported = made.note.diagnostics
            word = WordSource(bytes: submitted, pictures: made.note.pictures, storedName: made.storedName)
            for picture in made.note.pictures {
                pending[WorkspaceLayout.recordedNotePath(Self.figuresFolderName + "/" + picture.name)] = Data(picture.bytes)
            }
        }
        let (note, found) = NoteParser.parse(bytes: Array(data), path: fileName, forum: forum)
        var diagnostics = imported + found.sortedByLocation()
        let named = note?.author?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note != nil, named.isEmpty {
            diagnostics.append(
                .error(
                    "a submitted note needs an 'author' in its front matter", at: SourceLocation(path: fileName, line: 1, column: 1),
                    hint: "add a line such as 'author: Jane Doe' between the '---' lines; the receipt and the ledger say who submitted it"
                ))
        } else if note != nil, let person, named != person.trimmingCharacters(in: .whitespacesAndNewlines) {
            diagnostics.append(
                .error(
                    "the note's author is '\(named)', but it is submitted by '\(person)'",
                    at: SourceLocation(path: fileName, line: 1, column: 1),
                    hint: "a note is submitted by its author: set 'author: \(person)' in the front matter"
                ))
        }
        if let note, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += CheckedNotes.pictureDiagnostics(of: note, storedIn: workspace, pending: pending)
        }
        if let note, let author = note.author, !diagnostics.contains(where: { $0.severity == .error }),
            // A note moved to another session is not a duplicate of itself.
            let first = Self.noteWithSameText(as: note, author: author, workspace: workspace, except: inPlace ?? movingFrom)
        {
            diagnostics.append(
                .error(
                    "note duplicates \(first)", at: SourceLocation(path: notePath, line: note.bodyLine, column: 1),
                    hint: "this text is already in the workspace, and the summary cannot hold two copies of it",
                    code: Self.duplicateCode
                ))
        }
        if word != nil { diagnostics = diagnostics.map { Self.forWordFile($0, fileName: fileName, bodyLine: note?.bodyLine) } }
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
    public func store(at now: Date = Date()) throws -> SubmissionReceipt {
        try store(at: now, beforeRename: nil)
    }

    /// `store(at:)` with a hook at the commit point, called with the
    /// temporary file written and the ledger locked, just before the rename;
    /// the debug-build-only `IMRF_TEST_PAUSE_BEFORE_RENAME` of `imrf submit`
    /// waits there so a test can kill the process at the worst moment.
    @_spi(Testing)
    public func store(at now: Date = Date(), beforeRename: (() -> Void)?) throws -> SubmissionReceipt {
        let layout = WorkspaceLayout(workspace)
        if let inPlace { return try register(inPlace, layout: layout, at: now) }
        let notesFolder = layout.notesFolder
        let notes: OpenFolder
        let temporary: String
        do throws(WorkspaceFile.Problem) {
            notes = try OpenFolder.open(notesFolder, inside: workspace)
            notes.removeStaleTemporaries(prefixes: [Self.temporaryPrefix])
            temporary = try notes.writeTemporary(bytes, prefix: Self.temporaryPrefix)
        } catch {
            let linked: Bool = error == .outside || error == .link
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot write the note into the workspace (\(error.description))", at: SourceLocation(path: notesFolder),
                    hint: linked
                        ? "the notes folder must be a real folder inside the workspace: remove the link, then submit again"
                        : "check that the workspace folder and its notes folder are writable by you"
                ))
        }
        defer { notes.remove(temporary) }

        let ledger = try Ledger(workspace: layout.url)
        // A refusal inside the transaction (rolled back) is the submitter's
        // to read as it is, not a failure of the ledger.
        var refusal: DiagnosticFailure?
        do {
            return try ledger.transaction { transaction in
                do {
                    return try replace(in: notes, with: temporary, transaction: transaction, at: now, beforeRename: beforeRename)
                } catch let failure as DiagnosticFailure {
                    refusal = failure
                    throw failure
                }
            }
        } catch {
            throw refusal ?? error
        }
    }

    /// Inside the ledger's write transaction: stores the note written to
    /// `temporary` under its name (keeping the version it replaces) and records it.
    private func replace(
        in notes: OpenFolder, with temporary: String, transaction: LedgerTransaction, at now: Date, beforeRename: (() -> Void)?
    ) throws -> SubmissionReceipt {
        let notesFolder = notes.path
        let (name, existing) = try storedName(in: notes)
        let relative = WorkspaceLayout.recordedNotePath(name)
        var receipt = SubmissionReceipt(outcome: .stored, session: session, author: author, path: relative, sha256: sha256)
        if let word, word.storedName != name {
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "another note was stored under the name this one was checked for while it was submitted; nothing was changed",
                    at: SourceLocation(path: notePath), hint: "submit the Word file again"))
        }

        if let existing, SHA256.hex(of: existing) == sha256 {
            if let word { try keepWord(word, in: notes, as: name, receipt: &receipt) }
            if let earlier = try alreadyRecorded(relative, in: transaction, receipt: receipt) { return earlier }
            // Stored by a process that died before recording it: record it now.
        } else if let existing {
            let previousName = String(name.dropLast(3)) + "." + SHA256.hex(of: existing).prefix(12) + ".md"
            let historyFolder = WorkspaceLayout.join(notesFolder, WorkspaceLayout.historyFolderName)
            do throws(WorkspaceFile.Problem) {
                let history = try notes.subfolder(WorkspaceLayout.historyFolderName)
                history.removeStaleTemporaries(prefixes: [Self.temporaryPrefix])
                let historyTemporary = try history.writeTemporary(existing, prefix: Self.temporaryPrefix)
                defer { history.remove(historyTemporary) }
                try history.rename(historyTemporary, to: previousName)
            } catch {
                let misplaced: Bool = if case .cannotRead = error { false } else { true }
                throw DiagnosticFailure(
                    .cannotCreate,
                    .error(
                        "cannot keep the earlier version of \(relative) (\(error.description)); nothing was changed",
                        at: SourceLocation(path: historyFolder),
                        hint: misplaced ? "notes/.history must be a real folder: remove what is there, then submit again" : nil
                    ))
            }
            receipt.outcome = .replaced
            receipt.previous = WorkspaceLayout.recordedNotePath(WorkspaceLayout.historyFolderName + "/" + previousName)
            // A new Word file's pictures are written afresh; the new text may still name an earlier one.
            let text = String(decoding: bytes, as: UTF8.self)
            let retired = try Self.retirePictures(of: name, text: Array(existing), keptAs: String(previousName.dropLast(3)), in: notes) {
                [word] picture in
                !(word?.pictures.contains { $0.name == picture } ?? false) && text.contains(Self.figuresFolderName + "/" + picture)
            }
            receipt.retiredPictures = retired.isEmpty ? nil : retired
            if let word { try keepWord(word, in: notes, as: name, receipt: &receipt) }
        } else if let word {
            try keepWord(word, in: notes, as: name, receipt: &receipt)
        }
        if existing.map({ SHA256.hex(of: $0) }) != sha256 {
            beforeRename?()
            do throws(WorkspaceFile.Problem) {
                try notes.rename(temporary, to: name)
            } catch {
                throw DiagnosticFailure(
                    .cannotCreate,
                    .error(
                        "cannot store the note as \(relative) (\(error.description))", at: SourceLocation(path: notesFolder)
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

    /// `receipt` as "already submitted" when the ledger has a submission of
    /// these bytes at `relative`, with that entry; nil when it has none.
    private func alreadyRecorded(_ relative: String, in transaction: LedgerTransaction, receipt: SubmissionReceipt) throws -> SubmissionReceipt? {
        let earlier = try transaction.entries(ofKind: "submission").last { entry in
            guard case .submission(let record) = entry.event else { return false }
            return record.path == relative && record.sha256 == sha256
        }
        guard let earlier else { return nil }
        var receipt = receipt
        receipt.outcome = .alreadySubmitted
        receipt.ledgerEntry = earlier.id
        receipt.at = earlier.at
        return receipt
    }

    /// Records the note `name` already in notes/ where it is (the office put
    /// it there by hand); the same text recorded before is "already submitted".
    private func register(_ name: String, layout: WorkspaceLayout, at now: Date) throws -> SubmissionReceipt {
        let relative = WorkspaceLayout.recordedNotePath(name)
        var receipt = SubmissionReceipt(outcome: .registered, session: session, author: author, path: relative, sha256: sha256)
        return try Ledger(workspace: layout.url).transaction { transaction in
            if let earlier = try alreadyRecorded(relative, in: transaction, receipt: receipt) { return earlier }
            let entry = try transaction.append(
                .submission(NoteSubmission(session: session, author: author, path: relative, sha256: sha256)), at: now)
            receipt.ledgerEntry = entry.id
            receipt.at = entry.at
            return receipt
        }
    }

    /// The code of the error for a note whose text another note has.
    public static let duplicateCode: Diagnostic.Code = "submission.duplicate"

    /// How imrf's temporary files in notes/ and notes/.history/ begin.
    static let temporaryPrefix = ".submit-"

    /// The name the note is stored under, and the note stored there now: the
    /// first of the author's candidate names holding this author's note for
    /// this session, else the first holding nothing. A name holding anything
    /// else (another author's note, a note that does not parse, a link, a
    /// folder) is never taken.
    func storedName(in notes: OpenFolder) throws(DiagnosticFailure) -> (name: String, existing: Data?) {
        try Self.storedName(in: notes, session: session, author: author)
    }

    static func storedName(in notes: OpenFolder, session: String, author: String) throws(DiagnosticFailure) -> (name: String, existing: Data?) {
        let candidates = StoredNoteName.candidates(session: session, author: author)
        for name in candidates {
            guard let found = notes.read(name, limit: NoteParser.maximumBytes),
                case .success(let bytes) = found,
                Self.isNote(bytes, by: author, for: session)
            else { continue }
            return (name, Data(bytes))
        }
        if let free = candidates.first(where: { !notes.contains($0) }) { return (free, nil) }
        throw DiagnosticFailure(
            .cannotCreate,
            .error(
                "cannot store the note: notes/\(candidates[0]) and the other names it could be stored under hold other files",
                at: SourceLocation(path: notes.path),
                hint: "ask the office to move those files out of the notes folder"
            ))
    }

    /// The note made from the Word file `bytes`, its pictures named after the
    /// name it will be stored under (so no two notes' pictures share a name),
    /// and that name; nil when the note made has no session or author to name
    /// it by (the check then refuses it, so its pictures are never stored).
    static func noteFromWord(
        _ bytes: Data, fileName: String, workspace: String, forum: Forum, options: WordImportOptions
    ) throws(DiagnosticFailure) -> (note: ImportedNote, storedName: String?) {
        var options = options
        options.pictureFolder = figuresFolderName
        let first = try WordImport.note(from: Array(bytes), path: fileName, options: options)
        guard let note = NoteParser.parse(bytes: Array(first.markdown.utf8), path: fileName, forum: forum).note,
            let author = note.author?.trimmingCharacters(in: .whitespacesAndNewlines), !author.isEmpty
        else { return (first, nil) }
        let session = note.session.rawValue
        let name: String
        if let notes = try? OpenFolder.open(WorkspaceLayout(workspace).notesFolder, inside: workspace, create: false) {
            name = try storedName(in: notes, session: session, author: author).name
        } else {
            name = StoredNoteName.candidates(session: session, author: author)[0]
        }
        options.picturePrefix = WordImport.safeName(String(name.dropLast(3)))
        guard !first.pictures.isEmpty else { return (first, name) }
        return (try WordImport.note(from: Array(bytes), path: fileName, options: options), name)
    }

    /// A diagnostic of the front matter made for a Word file, said of the
    /// file (its lines are the made note's, not the file's) with what to do:
    /// the values come with the file, not from a front matter the person
    /// wrote (a hint about one is replaced; a list of sessions is kept).
    static func forWordFile(_ diagnostic: Diagnostic, fileName: String, bodyLine: Int?) -> Diagnostic {
        guard diagnostic.location?.path == fileName, let line = diagnostic.location?.line, line > 0, line < bodyLine ?? Int.max else {
            return diagnostic
        }
        var said = diagnostic
        said.location = SourceLocation(path: fileName)
        guard let hint = said.hint, hint.contains("front matter") || hint.contains("'---'") else { return said }
        said.hint =
            "a Word file's session, author, title, role and language are given with it (imrf submit --session, --author ...,"
            + " or the fields of the web form); the author and title may also be set in Word (File, Info, Properties)"
        return said
    }

    /// Stores a Word file's pictures in notes/figures/ and the file itself
    /// in notes/.history/, each written whole then renamed into place, when
    /// the note is stored as `name`; fills in the receipt's `original` and `pictures`.
    private func keepWord(_ word: WordSource, in notes: OpenFolder, as name: String, receipt: inout SubmissionReceipt) throws(DiagnosticFailure) {
        let original = String(name.dropLast(3)) + "." + SHA256.hex(of: word.bytes).prefix(12) + ".docx"
        var folder = notes.path
        do throws(WorkspaceFile.Problem) {
            if !word.pictures.isEmpty {
                let figures = try notes.subfolder(Self.figuresFolderName)
                folder = figures.path
                figures.removeStaleTemporaries(prefixes: [Self.temporaryPrefix])
                for picture in word.pictures {
                    let temporary = try figures.writeTemporary(Data(picture.bytes), prefix: Self.temporaryPrefix)
                    defer { figures.remove(temporary) }
                    try figures.rename(temporary, to: picture.name)
                }
            }
            let history = try notes.subfolder(WorkspaceLayout.historyFolderName)
            folder = history.path
            if !history.contains(original) {
                history.removeStaleTemporaries(prefixes: [Self.temporaryPrefix])
                let temporary = try history.writeTemporary(word.bytes, prefix: Self.temporaryPrefix)
                defer { history.remove(temporary) }
                try history.rename(temporary, to: original)
            }
        } catch {
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot store the Word file's pictures or keep the Word file (\(error.description)); the note was not stored",
                    at: SourceLocation(path: folder),
                    hint: "notes/figures and notes/.history must be real folders, writable by you: fix them, then submit again"))
        }
        receipt.original = WorkspaceLayout.recordedNotePath(WorkspaceLayout.historyFolderName + "/" + original)
        receipt.pictures = word.pictures.map { WorkspaceLayout.recordedNotePath(Self.figuresFolderName + "/" + $0.name) }
    }

    /// When the note stored as `name` is replaced or withdrawn: the pictures
    /// imrf stored for it from a Word file (`figures/<stem>-N.png`...) and
    /// those its text `previous` names move to notes/.history/ beside the
    /// version they belong to (`<kept>-N.png`, `<kept>-<name>`), unless
    /// `stillUsed` says a current note names them. So notes/figures
    /// holds only what current notes use, and nothing a rapporteur sent is lost.
    /// - Returns: where each moved picture is now (`notes/.history/...`).
    static func retirePictures(
        of name: String, text previous: [UInt8], keptAs kept: String, in notes: OpenFolder, stillUsed: (String) -> Bool
    ) throws(DiagnosticFailure) -> [String] {
        guard notes.isFolder(Self.figuresFolderName) else { return [] }
        let stem = WordImport.safeName(String(name.dropLast(3)))
        var moved: [String] = []
        do throws(WorkspaceFile.Problem) {
            let figures = try notes.subfolder(Self.figuresFolderName)
            let history = try notes.subfolder(WorkspaceLayout.historyFolderName)
            let text = String(decoding: previous, as: UTF8.self)
            for picture in figures.names().sorted() {
                let number = Self.pictureNumber(picture, stem: stem)
                guard number != nil || text.contains(Self.figuresFolderName + "/" + picture) else { continue }
                guard figures.isRegularFile(picture), !stillUsed(picture) else { continue }
                let destination = "\(kept)-\(number ?? Substring(picture))"
                try figures.move(picture, to: history, as: destination)
                moved.append(WorkspaceLayout.recordedNotePath(WorkspaceLayout.historyFolderName + "/" + destination))
            }
        } catch {
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot keep the pictures of the earlier version in notes/.history (\(error.description)); the note was not replaced",
                    at: SourceLocation(path: WorkspaceLayout.join(notes.path, Self.figuresFolderName)),
                    hint: "notes/figures and notes/.history must be real folders, writable by you: fix them, then submit again"))
        }
        return moved
    }

    /// `N.png` for a picture imrf named `<stem>-N.png` (or .jpg, .jpeg, .gif), else nil.
    static func pictureNumber(_ file: String, stem: String) -> Substring? {
        guard file.hasPrefix(stem + "-") else { return nil }
        let rest = file.dropFirst(stem.count + 1)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let suffix = rest.dropFirst(digits.count).lowercased()
        guard !digits.isEmpty, [".png", ".jpg", ".jpeg", ".gif"].contains(suffix) else { return nil }
        return rest
    }

    /// Whether `bytes` are a note whose front matter names `author` and `session`.
    static func isNote(_ bytes: [UInt8], by author: String, for session: String) -> Bool {
        guard let note = NoteParser.parse(bytes: bytes, path: "").note else { return false }
        return note.session.rawValue == session && note.author?.trimmingCharacters(in: .whitespacesAndNewlines) == author
    }

    /// The first other note of the workspace with the same text, which
    /// `Workspace.check` would report as a duplicate; the author's own
    /// stored note for the session (which a resubmission replaces) does not count.
    static func noteWithSameText(as note: Note, author: String, workspace: String, except itself: String? = nil) -> String? {
        let layout = WorkspaceLayout(workspace)
        let session = note.session.rawValue
        let candidates = Set(StoredNoteName.candidates(session: session, author: author.trimmingCharacters(in: .whitespacesAndNewlines)))
        let key = CheckedNotes.textKey(note)
        let reader = WorkspaceFileReader(root: workspace)
        for name in layout.noteFileNames() where name != itself {
            let path = layout.note(name)
            guard case .success(let bytes) = reader.readNote(path),
                let other = NoteParser.parse(bytes: bytes, path: path).note
            else { continue }
            if candidates.contains(name), other.session.rawValue == session,
                other.author?.trimmingCharacters(in: .whitespacesAndNewlines) == author.trimmingCharacters(in: .whitespacesAndNewlines)
            {
                continue
            }
            if CheckedNotes.textKey(other) == key { return path }
        }
        return nil
    }
}
