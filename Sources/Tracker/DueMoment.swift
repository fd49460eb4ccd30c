public import Forum
public import Foundation
public import WorkingDays

/// When a deliverable is due: a civil date and local time in the forum's
/// zone, the instant that is, and how the date was worked out.
public struct DueMoment: Sendable, Hashable {
    public var date: CivilDate
    /// Nil: by the end of `date` (the working-day rules, a bare date).
    public var time: TimeOfDay?
    /// When the deadline passes; after it, a deliverable not done is overdue.
    public var instant: Date
    /// The working-day count behind `date`, for the rules that count
    /// working days; nil for a session or a fixed moment.
    public var explanation: DeadlineExplanation?

    public init(date: CivilDate, time: TimeOfDay?, instant: Date, explanation: DeadlineExplanation? = nil) {
        self.date = date
        self.time = time
        self.instant = instant
        self.explanation = explanation
    }

    /// The tentative holidays the date relies on: if one moves, so may the date.
    public var dependsOnTentative: [Holiday] { explanation?.dependsOnTentative ?? [] }
    /// The projected years the date was counted over: it may still move.
    public var projectedYears: [Int] { explanation?.projectedYears ?? [] }
    /// The closures the date was counted past (`imrf calendar close`).
    public var closures: [Holiday] { explanation?.closures ?? [] }

    /// `Fri 22 May 2026` or `Tue 5 May 2026 10:00`, for the status line.
    public var short: String { time.map { "\(date.short) \($0)" } ?? date.short }

    /// `2026-05-22` or `2026-05-05T10:00` (local time in the forum's zone).
    public var iso: String { time.map { "\(date.iso)T\($0)" } ?? date.iso }
}
