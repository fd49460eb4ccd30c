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
    /// The instant the event happened (UTC; shown in the forum's time zone).
    public var at: Date
    public var event: LedgerEvent

    public init(id: Int64, at: Date, event: LedgerEvent) {
        self.id = id
        self.at = at
        self.event = event
    }
}
