public import Foundation
public import WorkingDays

/// What `imrf status` says: the worst condition among the deliverables, as
/// one line in the monitoring-plugin form and as JSON.
///
/// WARNING: a deliverable not done is due within `warnDays` working days
/// (counting today, not the due date). CRITICAL: one is overdue. OK:
/// neither. UNKNOWN is not decided here: it is any failure to decide.
public struct StatusReport: Sendable {
    public var now: Date
    public var today: CivilDate
    public var timeZone: String
    public var warnDays: Int
    public var deliverables: [DeliverableStatus]
    /// When the workspace was closed (`imrf mark closed`), and why, in the
    /// forum's words (`Fri 5 Jun 2026 16:00`); nil while it is open.
    public var closed: (at: Date, words: String, reason: String?)?
    /// Due dates that moved since the ledger last recorded them (a calendar
    /// changed by an import or a closure, or forum.yaml edited).
    public var moves: [DeadlineMove] = []
    /// Why and when, for each move's line: "calendar un-new-york changed on Mon 30 Nov 2026".
    public var moveReason: [String: String] = [:]

    public init(
        now: Date, today: CivilDate, timeZone: String, warnDays: Int, deliverables: [DeliverableStatus],
        closed: (at: Date, words: String, reason: String?)? = nil
    ) {
        self.now = now
        self.today = today
        self.timeZone = timeZone
        self.warnDays = warnDays
        self.deliverables = deliverables
        self.closed = closed
    }

    /// The report for `tracker` at `now`. A closed workspace is OK whatever
    /// its deliverables say, even beyond the calendar's coverage (its
    /// deliverables are then not listed): cron has nothing left to watch.
    public init(tracker: Tracker, evidence: Evidence, now: Date, warnDays: Int) throws(WorkingDayError) {
        // Closed as at `now`: a what-if before the closing sees the workspace open.
        let closure = evidence.ledger.closed.flatMap { $0.entry.at <= now ? $0 : nil }.map {
            (at: $0.entry.at, words: tracker.clock.short($0.entry.at), reason: $0.record.reason)
        }
        let deliverables: [DeliverableStatus]
        if closure != nil {
            deliverables = (try? tracker.statuses(evidence: evidence, now: now)) ?? []
        } else {
            deliverables = try tracker.statuses(evidence: evidence, now: now)
        }
        self.init(
            now: now, today: tracker.clock.date(at: now), timeZone: tracker.forum.timeZone,
            warnDays: warnDays, deliverables: deliverables, closed: closure)
        moves = tracker.moves(since: evidence.ledger)
        for move in moves {
            if move.calendarChanged, let fingerprint = tracker.calendarFingerprint {
                moveReason[move.deliverable] =
                    "calendar \(fingerprint.name) changed" + (fingerprint.modified.map { " on \(tracker.clock.date(at: $0).short)" } ?? "")
            } else {
                moveReason[move.deliverable] = "forum.yaml changed"
            }
        }
    }

    /// "moved from Fri 22 May 2026 to Tue 26 May 2026: calendar un-new-york changed on Mon 30 Nov 2026".
    public func moveLine(_ deliverable: String) -> String? {
        guard let move = moves.first(where: { $0.deliverable == deliverable }) else { return nil }
        return "moved from \(move.from.short) to \(move.to.short): \(moveReason[deliverable] ?? "the calendar changed")"
    }

    /// Overdue deliverables; none in a closed workspace, which nothing watches.
    public var overdue: [DeliverableStatus] { closed != nil ? [] : deliverables.filter(\.isOverdue) }

    /// Open, not overdue, and due within `warnDays` working days; none in a closed workspace.
    public var dueSoon: [DeliverableStatus] {
        guard closed == nil else { return [] }
        return deliverables.filter { !$0.isDone && !$0.isOverdue && ($0.workingDaysLeft ?? Int.max) <= warnDays }
    }

    public var status: MonitoringStatus {
        if closed != nil { return .ok }
        if !overdue.isEmpty { return .critical }
        if !dueSoon.isEmpty { return .warning }
        return .ok
    }

    /// `IMRF WARNING - pga-summaries due Fri 22 May 2026, 2 working days
    /// left | pending=0 ...`: the status, the deliverables that make it,
    /// then performance data after `|` (Nagios plugin guidelines: `'label'=
    /// value;warn;crit;min;max`).
    public var line: String {
        "IMRF \(status.rawValue) - \(message) | \(performanceData)"
    }

    /// The part of `line` between the status and the `|`.
    public var message: String {
        if let closed {
            let done = deliverables.filter(\.isDone).count
            let counts = deliverables.isEmpty ? "" : "; \(done) of \(deliverables.count) deliverables done"
            return "workspace closed \(closed.words)\(closed.reason.map { " (\($0))" } ?? "")\(counts)"
        }
        switch status {
        case .critical:
            var parts = overdue.map { item in
                "\(item.id) overdue since \(item.due.short)\(late(item)) (\(item.state.rawValue))"
            }
            parts += dueSoon.map(dueText)
            return parts.joined(separator: "; ")
        case .warning:
            return dueSoon.map(dueText).joined(separator: "; ")
        case .ok, .unknown:
            let open = deliverables.filter { !$0.isDone }.sorted { $0.due.instant < $1.due.instant }
            let done = deliverables.count - open.count
            guard let next = open.first else {
                return "all \(deliverables.count) deliverables done"
            }
            return "\(done) of \(deliverables.count) deliverables done; next: \(dueText(next))"
        }
    }

    private func dueText(_ item: DeliverableStatus) -> String {
        guard let left = item.workingDaysLeft else { return "\(item.id) due \(item.due.short)" }
        if left == 0 { return "\(item.id) due today, \(item.due.short)" }
        return "\(item.id) due \(item.due.short), \(left) working day\(left == 1 ? "" : "s") left"
    }

    private func late(_ item: DeliverableStatus) -> String {
        guard let left = item.workingDaysLeft, left < 0 else { return "" }
        return ", \(-left) working day\(left == -1 ? "" : "s") late"
    }

    /// Counts by state, then overdue (critical above 0) and due soon
    /// (warning above 0).
    public var performanceData: String {
        let total = deliverables.count
        var fields = DeliverableState.allCases.map { state in
            "\(state.rawValue)=\(deliverables.filter { $0.state == state }.count);;;0;\(total)"
        }
        fields.append("overdue=\(overdue.count);;0;0;\(total)")
        fields.append("due_soon=\(dueSoon.count);0;;0;\(total)")
        return fields.joined(separator: " ")
    }
}
