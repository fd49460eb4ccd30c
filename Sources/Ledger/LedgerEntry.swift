public import Foundation

/// One event in a workspace's ledger: what happened and when.
///
/// Entries are only ever appended; `id` grows with each append, so the order
/// of the ledger is the order in which events were recorded, whichever
/// process recorded them.
///
/// Its `Codable` form is the ledger's wire format (`LedgerEntry+Codable.swift`).
public struct LedgerEntry: Sendable, Hashable {
    public var id: Int64
    /// The instant the event happened, took effect (UTC; shown in the forum's
    /// time zone): what deadlines and `status --today` count.
    public var at: Date
    /// The instant the entry was written: `at`, unless the event was
    /// recorded afterwards (`imrf mark distributed --at` a past moment).
    public var recorded: Date
    public var event: LedgerEvent

    /// - Parameter recorded: when the entry was written, if not `at`.
    public init(id: Int64, at: Date, recorded: Date? = nil, event: LedgerEvent) {
        self.id = id
        self.at = at
        self.recorded = recorded ?? at
        self.event = event
    }

    /// Whether it was written at another second than it took effect.
    public var recordedAtAnotherTime: Bool {
        recorded.timeIntervalSince1970.rounded(.down) != at.timeIntervalSince1970.rounded(.down)
    }
}
