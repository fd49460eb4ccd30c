public import Forum
public import Ledger

/// One deliverable at one moment: when it is due, how far it has got, and
/// whether that is a problem yet.
public struct DeliverableStatus: Sendable, Hashable {
    public var deliverable: Deliverable
    public var kind: DeliverableKind
    public var due: DueMoment
    public var state: DeliverableState
    /// What is still missing or what the state rests on, for people
    /// ("notes missing for round-table-3, round-table-4").
    public var detail: String?
    /// Working days from today (counted) to the due date (not counted):
    /// 0 on the due date itself, negative once it has passed; nil when the
    /// calendar does not cover the days between and the answer does not
    /// matter (the deliverable is done or already overdue).
    public var workingDaysLeft: Int?
    /// The due moment has passed and the final state was not reached.
    public var isOverdue: Bool
    /// The latest reminder `imrf remind` sent for it, if any.
    public var lastReminder: LedgerEntry?

    public init(
        deliverable: Deliverable, kind: DeliverableKind, due: DueMoment, state: DeliverableState,
        detail: String?, workingDaysLeft: Int?, isOverdue: Bool, lastReminder: LedgerEntry? = nil
    ) {
        self.deliverable = deliverable
        self.kind = kind
        self.due = due
        self.state = state
        self.detail = detail
        self.workingDaysLeft = workingDaysLeft
        self.isOverdue = isOverdue
        self.lastReminder = lastReminder
    }

    public var id: String { deliverable.id }

    /// The work on it is over (its final state or beyond).
    public var isDone: Bool { state >= kind.finalState }
}
