public import Foundation
import GRDB

/// The ledger inside one write transaction (see `Ledger.transaction`):
/// reads see everything committed before it began, and appends become
/// visible to others all together when it ends.
///
/// Only valid inside the closure it is given to; it is not `Sendable`.
public struct LedgerTransaction {
    let db: Database
    let path: String

    /// Every entry, oldest first.
    public func entries() throws -> [LedgerEntry] {
        try entries(sql: "SELECT id, at, kind, record FROM entry ORDER BY id", arguments: [])
    }

    /// The entries of one kind (`LedgerEvent.kind`), oldest first.
    public func entries(ofKind kind: String) throws -> [LedgerEntry] {
        try entries(sql: "SELECT id, at, kind, record FROM entry WHERE kind = ? ORDER BY id", arguments: [kind])
    }

    /// Appends one event and returns the entry as stored.
    @discardableResult
    public func append(_ event: LedgerEvent, at: Date = Date()) throws -> LedgerEntry {
        try db.execute(
            sql: "INSERT INTO entry (at, kind, record) VALUES (?, ?, ?)",
            arguments: [at.timeIntervalSince1970, event.kind, try event.encodedRecord()]
        )
        return LedgerEntry(id: db.lastInsertedRowID, at: at, event: event)
    }

    private func entries(sql: String, arguments: StatementArguments) throws -> [LedgerEntry] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let id: Int64 = row["id"]
            let kind: String = row["kind"]
            let record: String = row["record"]
            let event: LedgerEvent?
            do {
                event = try LedgerEvent.decode(kind: kind, record: record)
            } catch {
                throw LedgerError(.unreadableEntry, path: path, detail: "entry \(id): \(kind) record does not decode: \(error)")
            }
            guard let event else {
                throw LedgerError(.unreadableEntry, path: path, detail: "entry \(id) has the unknown kind '\(kind)'")
            }
            return LedgerEntry(id: id, at: Date(timeIntervalSince1970: row["at"]), event: event)
        }
    }
}
