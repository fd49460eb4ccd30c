import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Ledger
import Storage
import Synchronization
import Tracker
import WorkingDays

/// What the intake keeps between requests: the invitations and the
/// submissions (read from the ledger) and the tracker's inputs (forum.yaml,
/// its calendar, the notes, the ledger's facts). Each is kept with the
/// stamps of what it was read from, taken before reading, and read again as
/// soon as one differs; a ledger that cannot be watched is read every time.
/// So a revoked link fails at the next request, and a request never sees an
/// older state than the files had when it began.
final class IntakeCache: Sendable {
    let layout: WorkspaceLayout
    let watch: LedgerWatch
    private let invitations = Locked<Kept<LedgerWatch.Stamp, InvitationBook>?>(nil)
    private let submissions = Locked<Kept<LedgerWatch.Stamp, [LedgerEntry]>?>(nil)
    private let progress = Locked<Kept<ProgressStamp, Progress>?>(nil)
    private let forum = Locked<Kept<FileStamp, Forum>?>(nil)
    private let status = Locked<Kept<StatusStamp, Status>?>(nil)
    /// How many times a file or the ledger was read rather than kept (the
    /// test that the keeping works counts them).
    let reads = Atomic<Int>(0)

    init(workspace: String) {
        layout = WorkspaceLayout(workspace)
        watch = LedgerWatch(workspace: layout.url)
    }

    struct Kept<Stamp: Sendable & Equatable, Value: Sendable>: Sendable {
        var stamp: Stamp
        var value: Value
    }

    /// What the tracker read: the forum, its working-day calendar and the
    /// evidence of what has been done.
    struct Progress: Sendable {
        var tracker: Tracker
        var evidence: Evidence
    }

    /// The status at one whole second (`imrf status --json`'s `now` has
    /// whole seconds): the report, its JSON, and the document the pages show.
    struct Status: Sendable {
        /// The forum the report was made for; nil when it did not load.
        var forum: Forum?
        var report: StatusReport?
        var document: StatusDocument
        var json: [UInt8]
    }

    struct StatusStamp: Sendable, Equatable {
        var progress: ProgressStamp
        var second: Int64
    }

    struct ProgressStamp: Sendable, Equatable {
        var ledger: LedgerWatch.Stamp
        var forum: FileStamp?
        /// Each calendar forum.yaml names and the closures kept beside it
        /// (`imrf calendar close`); nil where there is no such file.
        var calendars: [FileStamp?]
        var notes: [String: FileStamp]
    }

    /// forum.yaml as it is now (what checks and previews read).
    func currentForum() throws(DiagnosticFailure) -> Forum {
        let stamp = FileStamp(path: layout.forumFile)
        if let stamp, let kept = forum.withLock({ $0 }), kept.stamp == stamp { return kept.value }
        reads.add(1, ordering: .relaxed)
        let loaded = try Forum.load(contentsOf: layout.forumFile)
        if let stamp { forum.withLock { $0 = Kept(stamp: stamp, value: loaded) } }
        return loaded
    }

    /// The invitations as the ledger holds them now.
    func invitationBook() throws(DiagnosticFailure) -> InvitationBook {
        let stamp = watch.stamp()
        if let stamp, let kept = invitations.withLock({ $0 }), kept.stamp == stamp { return kept.value }
        reads.add(1, ordering: .relaxed)
        let book = try Invitations(workspace: layout.root).book()
        if let stamp { invitations.withLock { $0 = Kept(stamp: stamp, value: book) } }
        return book
    }

    /// The ledger's submission entries not withdrawn since, oldest first.
    func submissionEntries() throws -> [LedgerEntry] {
        let stamp = watch.stamp()
        if let stamp, let kept = submissions.withLock({ $0 }), kept.stamp == stamp { return kept.value }
        reads.add(1, ordering: .relaxed)
        // A note the office withdrew is no longer among the stored notes.
        let entries = LedgerEntry.standingSubmissions(try Ledger.entriesIfPresent(workspace: layout.url, kinds: ["submission", "withdrawal"]))
        if let stamp { submissions.withLock { $0 = Kept(stamp: stamp, value: entries) } }
        return entries
    }

    /// The status as `imrf status --json` gives it at the whole second of
    /// `now` (warning 3 working days ahead, the command's default), kept
    /// for that second while the files stay as they are: a dashboard polled
    /// by many, or a monitor, costs one report a second. UNKNOWN, with the
    /// reason, when it cannot be decided.
    func status(at now: Date) -> Status {
        let second = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let stamp = currentProgressStamp().map { StatusStamp(progress: $0, second: Int64(second.timeIntervalSince1970)) }
        if let stamp, let kept = status.withLock({ $0 }), kept.stamp == stamp { return kept.value }
        statusComputations.add(1, ordering: .relaxed)
        var report: StatusReport?
        var forum: Forum?
        var document: StatusDocument
        do {
            // What loads is kept; when it does not, load again for the reason.
            let kept = trackerProgress()
            let tracker = try kept?.tracker ?? Tracker.load(workspace: layout.root)
            forum = tracker.forum
            let evidence = try kept?.evidence ?? Evidence.gather(workspace: layout.root)
            report = try StatusReport(tracker: tracker, evidence: evidence, now: second, warnDays: 3)
            document = StatusDocument(report!)
        } catch {
            let first = (error as? any DiagnosticError)?.diagnostics.first { $0.severity == .error }
            document = StatusDocument(unknown: first?.message ?? String(describing: error))
        }
        let value = Status(forum: forum, report: report, document: document, json: Array(document.encoded().utf8))
        if let stamp { status.withLock { $0 = Kept(stamp: stamp, value: value) } }
        return value
    }

    /// How many times a status was computed rather than kept.
    let statusComputations = Atomic<Int>(0)

    private func currentProgressStamp() -> ProgressStamp? {
        // The calendar's path comes from forum.yaml: stamped before reading
        // like the rest (a forum changed in between only means one more read).
        let calendarFiles = ((try? currentForum())?.allCalendars ?? []).compactMap { try? CalendarCatalog.standard.locate($0) }
        let calendarPaths = calendarFiles.flatMap { [$0.path, CalendarCatalog.closuresFile(of: $0).path] }
        return watch.stamp().map { progressStamp(ledger: $0, calendarPaths: calendarPaths) }
    }

    /// The tracker and its evidence as the files are now; nil when the
    /// forum or its calendar does not load (the page then shows no deadline).
    func trackerProgress() -> Progress? {
        let stamp = currentProgressStamp()
        if let stamp, let kept = progress.withLock({ $0 }), kept.stamp == stamp { return kept.value }
        reads.add(1, ordering: .relaxed)
        guard let tracker = try? Tracker.load(workspace: layout.root), let evidence = try? Evidence.gather(workspace: layout.root) else {
            return nil
        }
        let value = Progress(tracker: tracker, evidence: evidence)
        if let stamp { progress.withLock { $0 = Kept(stamp: stamp, value: value) } }
        return value
    }

    private func progressStamp(ledger: LedgerWatch.Stamp, calendarPaths: [String]) -> ProgressStamp {
        var notes: [String: FileStamp] = [:]
        for name in layout.noteFileNames() {
            if let stamp = FileStamp(path: layout.note(name)) { notes[name] = stamp }
        }
        return ProgressStamp(
            ledger: ledger, forum: FileStamp(path: layout.forumFile), calendars: calendarPaths.map { FileStamp(path: $0) },
            notes: notes)
    }
}
