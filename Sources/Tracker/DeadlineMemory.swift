public import Foundation
public import Ledger
import Storage
public import WorkingDays

/// The calendar files a tracker counts in, by content: a circular imported
/// or a closure recorded changes it.
public struct CalendarFingerprint: Sendable, Hashable {
    /// The calendar's name as forum.yaml gives it.
    public var name: String
    /// SHA-256 of the calendar file; with a closures file, SHA-256 of both digests.
    public var sha256: String
    /// When the newer of the two files was last changed.
    public var modified: Date?

    public init(name: String, sha256: String, modified: Date?) {
        self.name = name
        self.sha256 = sha256
        self.modified = modified
    }

    /// The fingerprint of the calendars at `files` and of their closures,
    /// if any; nil when a calendar cannot be read. One calendar without
    /// closures has its file's SHA-256 (what `sha256sum` prints).
    public init?(name: String, files: [URL]) {
        var digests: [String] = []
        var paths: [String] = []
        for file in files {
            guard let digest = SHA256.hex(ofFileAtPath: file.path) else { return nil }
            digests.append(digest)
            let closures = CalendarCatalog.closuresFile(of: file).path
            if let extra = SHA256.hex(ofFileAtPath: closures) { digests.append(extra) }
            paths += [file.path, closures]
        }
        self.name = name
        sha256 = digests.count == 1 ? digests[0] : SHA256.hex(of: Array(digests.joined(separator: " ").utf8))
        modified = paths.compactMap { FileStamp(path: $0)?.modificationTime }.max().map(Date.init(timeIntervalSince1970:))
    }
}

/// A due date that is not where the ledger last recorded it.
public struct DeadlineMove: Sendable, Hashable {
    public var deliverable: String
    public var from: CivilDate
    public var to: CivilDate
    /// Why: the calendar's files changed (`calendarChanged`), else forum.yaml did.
    public var calendarChanged: Bool
}

extension Tracker {
    /// Each deliverable's due date as the calendar gives it now, `YYYY-MM-DD`
    /// by id; one the calendar cannot give (outside its coverage) is left out.
    public func dueDates() -> [String: String] {
        var dates: [String: String] = [:]
        for deliverable in deliverables {
            if let due = try? due(deliverable.due) { dates[deliverable.id] = due.date.iso }
        }
        return dates
    }

    /// The record of the deadlines now, or nil when they and the calendar are
    /// as `previous` recorded them (nothing to record).
    public func deadlinesRecord(after previous: DeadlinesRecord?) -> DeadlinesRecord? {
        guard let fingerprint = calendarFingerprint else { return nil }
        let due = dueDates()
        if let previous, previous.due == due, previous.calendarSHA256 == fingerprint.sha256, previous.calendar == fingerprint.name {
            return nil
        }
        var moved: [String: String] = [:]
        for (id, date) in due { if let before = previous?.due[id], before != date { moved[id] = before } }
        return DeadlinesRecord(calendar: fingerprint.name, calendarSHA256: fingerprint.sha256, due: due, movedFrom: moved)
    }

    /// Records the deadlines in the ledger of the workspace at `path` when
    /// they or the calendar changed since the last record. Called after a
    /// compile and a distribution; a failure here loses a note of the
    /// deadlines, never the work, so it is for the caller to ignore.
    @discardableResult
    public func recordDeadlines(workspace path: String, at moment: Date = Date()) throws -> LedgerEntry? {
        let layout = WorkspaceLayout(path)
        let previous = try Ledger.factsIfPresent(workspace: layout.url).recordedDeadlines
        guard let record = deadlinesRecord(after: previous) else { return nil }
        return try Ledger(workspace: layout.url).append(.deadlines(record), at: moment)
    }

    /// `recordDeadlines` for the workspace at `path` as its files are now,
    /// after a compile; a workspace whose forum or calendar does not load, or
    /// a ledger that cannot be written, records nothing (the compile stands).
    public static func recordDeadlinesAfterCompile(workspace path: String, at moment: Date = Date()) {
        _ = try? Tracker.load(workspace: path).recordDeadlines(workspace: path, at: moment)
    }

    /// The due dates that differ from those last recorded in `facts`, in the
    /// order of the deliverables.
    public func moves(since facts: LedgerFacts) -> [DeadlineMove] {
        guard let recorded = facts.recordedDeadlines else { return [] }
        let now = dueDates()
        var changed: Bool?
        return deliverables.compactMap { deliverable in
            guard let before = recorded.due[deliverable.id].flatMap(CivilDate.init(iso:)),
                let after = now[deliverable.id].flatMap(CivilDate.init(iso:)), before != after
            else { return nil }
            // Hashed once, and only for a date that moved.
            if changed == nil { changed = calendarFingerprint.map { $0.sha256 != recorded.calendarSHA256 } ?? false }
            return DeadlineMove(deliverable: deliverable.id, from: before, to: after, calendarChanged: changed ?? false)
        }
    }
}
