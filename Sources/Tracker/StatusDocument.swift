import Foundation
import Ledger
import Storage

/// `imrf status --json`: the object of README, "`imrf status`, for cron" (`status`, and
/// `deliverables` each with `id`, `due`, `state`, `workingDaysLeft`), with
/// what a script needs besides.
public struct StatusDocument: Sendable, Encodable {
    /// The latest reminder sent for a deliverable (`imrf remind`).
    public struct Reminder: Sendable, Encodable {
        /// When the server accepted it, UTC.
        public var at: String
        /// Working days before the due date (negative: after it).
        public var stage: Int
        public var to: String
        public var digest: Bool
        public var ledgerEntry: Int64
    }

    public struct Item: Sendable, Encodable {
        public var id: String
        public var title: String
        /// The rule as forum.yaml spells it.
        public var rule: String
        /// Local date (`2026-05-22`, by the end of that day) or local date
        /// and time (`2026-05-05T10:00`) in the forum's time zone.
        public var due: String
        /// The instant the deadline passes, UTC.
        public var dueAt: String
        public var state: String
        /// The state that ends the work on it.
        public var finalState: String
        public var done: Bool
        public var overdue: Bool
        public var workingDaysLeft: Int?
        public var detail: String?
        /// Tentative holidays the due date relies on.
        public var dependsOnTentative: [String]
        /// Projected years the due date was counted over (no circular entered).
        public var projectedYears: [Int]
        /// Closures the due date was counted past: "2027-02-01 Headquarters closed: snowstorm".
        public var closures: [String]
        /// The due date the ledger last recorded, when it differs from `due`; else null.
        public var movedFrom: String?
        /// Nil until `imrf remind` has sent one.
        public var lastReminder: Reminder?

        enum CodingKeys: String, CodingKey {
            case id, title, rule, due, dueAt, state, finalState, done, overdue, workingDaysLeft, detail, dependsOnTentative, projectedYears,
                closures, movedFrom, lastReminder
        }

        /// Writes `workingDaysLeft` and `detail` as null rather than leaving
        /// them out, so every item has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(rule, forKey: .rule)
            try container.encode(due, forKey: .due)
            try container.encode(dueAt, forKey: .dueAt)
            try container.encode(state, forKey: .state)
            try container.encode(finalState, forKey: .finalState)
            try container.encode(done, forKey: .done)
            try container.encode(overdue, forKey: .overdue)
            try container.encode(workingDaysLeft, forKey: .workingDaysLeft)
            try container.encode(detail, forKey: .detail)
            try container.encode(dependsOnTentative, forKey: .dependsOnTentative)
            try container.encode(projectedYears, forKey: .projectedYears)
            try container.encode(closures, forKey: .closures)
            try container.encode(movedFrom, forKey: .movedFrom)
            try container.encode(lastReminder, forKey: .lastReminder)
        }
    }

    public var status: String
    public var message: String
    /// The forum's date at `now`.
    public var today: String
    public var now: String
    public var timeZone: String
    public var warnDays: Int?
    public var deliverables: [Item]
    /// Nil while the workspace is open; when it was closed (UTC) and why.
    public var closed: Closed?

    public struct Closed: Sendable, Encodable {
        public var at: String
        public var reason: String?
    }

    enum CodingKeys: String, CodingKey {
        case status, message, today, now, timeZone, warnDays, deliverables, closed
    }

    /// Every key always, `closed` and `warnDays` null when they have no value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(today, forKey: .today)
        try container.encode(now, forKey: .now)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(warnDays, forKey: .warnDays)
        try container.encode(deliverables, forKey: .deliverables)
        try container.encode(closed, forKey: .closed)
    }

    public init(_ report: StatusReport) {
        status = report.status.rawValue
        message = report.message
        today = report.today.iso
        now = StatusDocument.utc(report.now)
        timeZone = report.timeZone
        warnDays = report.warnDays
        closed = report.closed.map { Closed(at: StatusDocument.utc($0.at), reason: $0.reason) }
        deliverables = report.deliverables.map { item in
            Item(
                id: item.id, title: item.deliverable.title, rule: item.deliverable.due.description,
                due: item.due.iso, dueAt: StatusDocument.utc(item.due.instant), state: item.state.rawValue,
                finalState: item.kind.finalState.rawValue, done: item.isDone, overdue: item.isOverdue,
                workingDaysLeft: item.workingDaysLeft, detail: item.detail,
                dependsOnTentative: item.due.dependsOnTentative.map { "\($0.date.iso) \($0.name)" },
                projectedYears: item.due.projectedYears,
                closures: item.due.closures.map { "\($0.date.iso) \($0.name)" },
                movedFrom: report.moves.first { $0.deliverable == item.id }?.from.iso,
                lastReminder: item.lastReminder.flatMap { entry in
                    guard case .reminder(let record) = entry.event else { return nil }
                    return Reminder(
                        at: StatusDocument.utc(entry.at), stage: record.stage, to: record.recipient, digest: record.isDigest, ledgerEntry: entry.id)
                })
        }
    }

    /// The document of a status that could not be decided.
    public init(unknown message: String) {
        status = MonitoringStatus.unknown.rawValue
        self.message = message
        today = ""
        now = StatusDocument.utc(Date())
        timeZone = ""
        warnDays = nil
        deliverables = []
        closed = nil
    }

    public func encoded() -> String {
        (try? JSONOutput.string(self)) ?? "{\"status\":\"UNKNOWN\"}"
    }

    /// `2026-05-23T04:00:00Z`.
    static func utc(_ instant: Date) -> String {
        instant.formatted(.iso8601)
    }
}
