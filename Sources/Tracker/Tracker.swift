public import Diagnostics
public import Forum
public import Foundation
import Storage
public import WorkingDays

/// A forum's deliverables with their due rules evaluated on the forum's
/// working-day calendar and clock: the logic behind `imrf status`, `ics`
/// and `mark`.
public struct Tracker: Sendable {
    public let forum: Forum
    public let calendar: WorkingDayCalendar
    public let clock: ForumClock
    /// `Deliverable.tracked(for: forum)`: the standard three and the office's own.
    public let deliverables: [Deliverable]
    /// Which calendar files the dates are counted in, as they are now; nil
    /// for a tracker not loaded from files. Hashed when asked, not at load:
    /// only a recorded deadline that moved, or recording them, needs it, and
    /// `status` (cron, the web's live page) loads a tracker every time.
    public var calendarFingerprint: CalendarFingerprint? {
        get { fixedFingerprint ?? calendarFiles.flatMap { CalendarFingerprint(name: $0.name, files: $0.files) } }
        set { fixedFingerprint = newValue }
    }
    private var fixedFingerprint: CalendarFingerprint?
    /// The calendar files found for forum.yaml's calendars, and their name.
    private var calendarFiles: (name: String, files: [URL])?

    public init(forum: Forum, calendar: WorkingDayCalendar, clock: ForumClock) {
        self.forum = forum
        self.calendar = calendar
        self.clock = clock
        self.deliverables = Deliverable.tracked(for: forum)
    }

    /// The tracker of the workspace at `path`: its forum.yaml, with the
    /// calendar it names found through `catalog`.
    public static func load(workspace path: String, catalog: CalendarCatalog = .standard) throws(DiagnosticFailure) -> Tracker {
        let forumPath = WorkspaceLayout(path).forumFile
        let forum = try Forum.load(contentsOf: forumPath)
        guard let clock = ForumClock(identifier: forum.timeZone) else {
            let error = TrackerError(.unknownTimeZone(forum.timeZone, forumPath: forumPath))
            throw DiagnosticFailure(error.kind, error.diagnostics)
        }
        let holidays = try catalog.load(forum.allCalendars)
        var tracker = Tracker(forum: forum, calendar: WorkingDayCalendar(holidays), clock: clock)
        let files = forum.allCalendars.compactMap { try? catalog.locate($0) }
        tracker.calendarFiles = (forum.allCalendars.joined(separator: "+"), files)
        return tracker
    }

    /// The deliverable called `id`, or an error listing the ones there are.
    public func deliverable(_ id: String) throws(TrackerError) -> Deliverable {
        guard let found = deliverables.first(where: { $0.id == id }) else {
            throw TrackerError(.unknownDeliverable(id, valid: deliverables.map(\.id)))
        }
        return found
    }

    /// Evaluates a due rule: the working-day rules count on the calendar
    /// and are due by the end of the day they land on; a session is due
    /// when it starts; a fixed moment is what it says.
    public func due(_ rule: DueRule) throws(WorkingDayError) -> DueMoment {
        switch rule {
        case .workingDays(let count, let anchor):
            let from: CivilDate =
                switch anchor {
                case .hearing: forum.hearing
                case .opening: forum.start
                case .conclusion: forum.end
                }
            let explanation = try calendar.explainAdvance(from, by: count, roll: count == 0 ? .following : nil)
            return DueMoment(
                date: explanation.deadline, time: nil,
                instant: clock.instant(explanation.deadline, nil), explanation: explanation)
        case .opening:
            return moment(forum.start, forum.opening)
        case .session(let session):
            return moment(forum.date(of: session), forum.time(of: session))
        case .fixed(let date, let hour, let minute):
            return moment(date, TimeOfDay(hour: hour, minute: minute))
        case .fixedDate(let date):
            return moment(date, nil)
        }
    }

    private func moment(_ date: CivilDate, _ time: TimeOfDay?) -> DueMoment {
        DueMoment(date: date, time: time, instant: clock.instant(date, time))
    }

    /// Every deliverable's status at `now`.
    ///
    /// Fails when the calendar does not cover today, when a due date cannot
    /// be worked out, or when a deliverable still open is not yet due and
    /// the calendar does not cover the days up to its due date (how many
    /// working days are left is then unknown).
    public func statuses(evidence: Evidence, now: Date) throws(WorkingDayError) -> [DeliverableStatus] {
        let today = clock.date(at: now)
        // Today itself must be covered, whatever is due: beyond the calendar
        // nothing said about working days can be trusted (UNKNOWN, not OK).
        _ = try calendar.isWorkingDay(today)
        var result: [DeliverableStatus] = []
        for deliverable in deliverables {
            let due = try due(deliverable.due)
            let kind = DeliverableKind(id: deliverable.id)
            let (state, detail) = Self.state(of: deliverable, kind: kind, evidence: evidence, clock: clock)
            let done = state >= kind.finalState
            let overdue = !done && now >= due.instant
            let left: Int?
            if done || overdue {
                left = try? calendar.count(from: today, to: due.date)
            } else {
                left = try calendar.count(from: today, to: due.date)
            }
            result.append(
                DeliverableStatus(
                    deliverable: deliverable, kind: kind, due: due, state: state, detail: detail,
                    workingDaysLeft: left, isOverdue: overdue, lastReminder: evidence.ledger.latestReminders[deliverable.id]))
        }
        return result
    }

    /// The state `evidence` shows for `deliverable` (see `Evidence` for the
    /// rules) and a few words on what it rests on or what is missing.
    static func state(
        of deliverable: Deliverable, kind: DeliverableKind, evidence: Evidence, clock: ForumClock
    ) -> (DeliverableState, String?) {
        if let (entry, record) = evidence.distribution(of: deliverable.id) {
            let reference = record.reference.map { ", \($0)" } ?? ""
            return (.distributed, "distributed \(clock.short(entry.at))\(reference)")
        }
        switch kind {
        case .office:
            return (.pending, nil)
        case .notes(let sessions):
            let missing = sessions.filter { !evidence.receivedSessions.contains($0) }
            if missing.isEmpty { return (.received, nil) }
            return (.pending, "no note yet for " + missing.map(\.rawValue).joined(separator: ", "))
        case .summary:
            if let (compileEntry, _) = evidence.currentCompile {
                if let (uploadEntry, upload) = evidence.currentUpload {
                    return (.uploaded, "uploaded \(clock.short(uploadEntry.at)) to \(upload.location ?? upload.endpoint)")
                }
                return (.compiled, "compiled \(clock.short(compileEntry.at))")
            }
            let missing = Session.allCases.filter { !evidence.receivedSessions.contains($0) }
            if missing.isEmpty { return (.received, "notes for every session") }
            return (.pending, "no note yet for " + missing.map(\.rawValue).joined(separator: ", "))
        }
    }
}
