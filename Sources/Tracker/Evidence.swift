public import Forum
public import Foundation
public import Ledger
import Storage

/// What the workspace shows has happened, from which states are read.
///
/// Which evidence moves which deliverable (README, "Deadline tracker"):
/// - **received**: the sessions of a deliverable each have a note, either a
///   file in `notes/` whose front matter names the session or a ledger
///   submission (a note copied in by hand counts as much as one sent with
///   `submit`; whether the note is otherwise correct is `imrf check`'s
///   business, so status only reads the `session:` line and stays fast);
/// - **compiled** (PGA summaries): a compile that is not a draft, recorded
///   after the last submission (a note that arrived later makes it stale);
/// - **uploaded** (PGA summaries): an upload of a file with the SHA-256 of
///   an output of that compile;
/// - **distributed** (any deliverable): `imrf mark distributed`.
public struct Evidence: Sendable {
    /// Sessions named by at least one note file in `notes/`.
    public var noteSessions: Set<Session>
    /// Each note file in `notes/` that names a session, by its path in the workspace (`notes/x.md`).
    public var noteFiles: [String: Session] = [:]
    /// What the ledger says of submissions, compiles, uploads and distributions.
    public var ledger: LedgerFacts

    public init(noteSessions: Set<Session> = [], ledger: LedgerFacts = LedgerFacts()) {
        self.noteSessions = noteSessions
        self.ledger = ledger
    }

    /// The evidence of `ledger`'s entries, given oldest first.
    public init(noteSessions: Set<Session> = [], ledger entries: [LedgerEntry]) {
        self.init(noteSessions: noteSessions, ledger: LedgerFacts(entries: entries))
    }

    /// Reads the notes and the ledger of the workspace at `path`, creating
    /// nothing (status runs from cron and must stay read-only).
    ///
    /// `asOf` (a what-if, `--today`): the ledger's entries recorded after it
    /// do not count, nor a note file first submitted after it; a file put in
    /// notes/ by hand has no recorded time and always counts.
    public static func gather(workspace path: String, asOf: Date? = nil) throws(TrackerError) -> Evidence {
        let layout = WorkspaceLayout(path)
        var sessions = Set<Session>()
        var files: [String: Session] = [:]
        // Read as compile reads notes: a regular file inside the workspace, of
        // at most a note's size (a huge or hostile file is no evidence).
        let reader = WorkspaceFileReader(root: path)
        for name in layout.noteFileNames() {
            guard case .success(let bytes) = reader.read(layout.note(name), limit: WorkspaceLayout.maximumNoteBytes),
                let session = session(inFrontMatterOf: Data(bytes))
            else { continue }
            sessions.insert(session)
            files[WorkspaceLayout.notesFolderName + "/" + name] = session
        }
        let ledger: LedgerFacts
        do {
            if let asOf {
                let (facts, firstSubmissions) = try Ledger.factsIfPresent(workspace: layout.url, asOf: asOf)
                ledger = facts
                for (file, submitted) in firstSubmissions where submitted > asOf { files[file] = nil }
                sessions = Set(files.values)
            } else {
                ledger = try Ledger.factsIfPresent(workspace: layout.url)
            }
        } catch let error as LedgerError {
            throw TrackerError(.ledger(error))
        } catch {
            throw TrackerError(.ledgerUnreadable(path: layout.stateFolder, reason: String(describing: error)))
        }
        var evidence = Evidence(noteSessions: sessions, ledger: ledger)
        evidence.noteFiles = files
        return evidence
    }

    /// The session a note's front matter names: the `session:` line between
    /// the opening `---` and the closing one (quoted or not, with an
    /// optional comment), or nil when there is none or it names no session.
    static func session(inFrontMatterOf data: Data) -> Session? {
        guard let text = String(data: data.prefix(64 * 1024), encoding: .utf8) ?? String(data: data, encoding: .utf8) else { return nil }
        // `isNewline`: a CRLF is one Character in Swift, never equal to "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        guard var first = lines.next() else { return nil }
        if first.hasPrefix("\u{FEFF}") { first = first.dropFirst() }
        guard first.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return nil }
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed == "---" || trimmed == "..." { return nil }
            guard line.hasPrefix("session:") else { continue }
            var value = line.dropFirst("session:".count)
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            let word = value.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return Session(rawValue: word)
        }
        return nil
    }

    /// Sessions with a note in the folder or submitted through the ledger.
    public var receivedSessions: Set<Session> {
        noteSessions.union(ledger.submittedSessions.compactMap(Session.init(rawValue:)))
    }

    /// The latest distribution of `id`, if any.
    public func distribution(of id: String) -> (entry: LedgerEntry, record: DistributionRecord)? {
        guard let entry = ledger.latestDistributions[id], case .distribution(let record) = entry.event else { return nil }
        return (entry, record)
    }

    /// The last compile that is not a draft and no submission came after,
    /// with its outputs.
    public var currentCompile: (entry: LedgerEntry, record: CompileRecord)? {
        guard let entry = ledger.currentCompile, case .compile(let record) = entry.event else { return nil }
        return (entry, record)
    }

    /// The first upload of an output of the current compile, if any.
    public var currentUpload: (entry: LedgerEntry, record: UploadRecord)? {
        guard let entry = ledger.currentUpload, case .upload(let record) = entry.event else { return nil }
        return (entry, record)
    }
}
