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
        try entries(sql: "SELECT * FROM entry ORDER BY id", arguments: [])
    }

    /// The entries of one kind (`LedgerEvent.kind`), oldest first.
    public func entries(ofKind kind: String) throws -> [LedgerEntry] {
        try entries(sql: "SELECT * FROM entry WHERE kind = ? ORDER BY id", arguments: [kind])
    }

    /// The entries of any of `kinds`, oldest first.
    public func entries(ofKinds kinds: [String]) throws -> [LedgerEntry] {
        let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
        return try entries(
            sql: "SELECT * FROM entry WHERE kind IN (\(marks)) ORDER BY id", arguments: StatementArguments(kinds))
    }

    /// The tracker's facts (`LedgerFacts`), each one query over the `kind`
    /// index: only the entries that decide a state are decoded. `asOf`: only
    /// the entries recorded by then (`imrf status --today`, a what-if).
    public func facts(asOf: Date? = nil) throws -> LedgerFacts {
        var facts = LedgerFacts()
        let until = asOf?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        let sessions = try Row.fetchAll(
            db,
            sql: """
                SELECT json_extract(record, '$.session') AS session, max(at) AS at FROM entry AS submission
                WHERE kind = 'submission' AND at <= ?
                  AND NOT EXISTS (
                    SELECT 1 FROM entry AS withdrawal
                    WHERE withdrawal.kind = 'withdrawal' AND withdrawal.id > submission.id AND withdrawal.at <= ?
                      AND json_extract(withdrawal.record, '$.path') = json_extract(submission.record, '$.path'))
                GROUP BY 1
                """,
            arguments: [until, until])
        for row in sessions {
            guard let session: String = row["session"] else { continue }
            facts.latestSubmissions[session] = Date(timeIntervalSince1970: row["at"])
        }
        for entry in try latestPerDeliverable(kind: "distribution", until: until) {
            if case .distribution(let record) = entry.event, !record.isUndone { facts.latestDistributions[record.deliverable] = entry }
        }
        for entry in try latestPerDeliverable(kind: "reminder", until: until) {
            if case .reminder(let record) = entry.event { facts.latestReminders[record.deliverable] = entry }
        }
        facts.latestClosure = try entries(
            sql: "SELECT * FROM entry WHERE kind = 'closure' AND at <= ? ORDER BY id DESC LIMIT 1", arguments: [until]
        ).first
        facts.latestDeadlines = try entries(
            sql: "SELECT * FROM entry WHERE kind = 'deadlines' AND at <= ? ORDER BY id DESC LIMIT 1", arguments: [until]
        ).first
        let lastSubmission =
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM entry WHERE kind IN ('submission', 'withdrawal') AND at <= ?", arguments: [until]) ?? 0
        facts.currentCompile = try entries(
            sql: """
                SELECT * FROM entry
                WHERE kind = 'compile' AND id > ? AND json_extract(record, '$.draft') = 0 AND at <= ?
                ORDER BY id DESC LIMIT 1
                """,
            arguments: [lastSubmission, until]
        ).first
        if let compile = facts.currentCompile, case .compile(let record) = compile.event {
            let hashes = String(decoding: try Ledger.jsonEncoder().encode(record.outputs.map(\.sha256)), as: UTF8.self)
            facts.currentUpload = try entries(
                sql: """
                    SELECT * FROM entry
                    WHERE kind = 'upload' AND id > ? AND at <= ?
                      AND json_extract(record, '$.sha256') IN (SELECT value FROM json_each(?))
                    ORDER BY id LIMIT 1
                    """,
                arguments: [compile.id, until, hashes]
            ).first
        }
        return facts
    }

    /// The latest entry of `kind` recorded by `until` for each value of its record's `deliverable`.
    private func latestPerDeliverable(kind: String, until: Double) throws -> [LedgerEntry] {
        try entries(
            sql: """
                SELECT * FROM entry WHERE id IN (
                    SELECT max(id) FROM entry WHERE kind = ? AND at <= ?
                    GROUP BY json_extract(record, '$.deliverable'))
                ORDER BY id
                """,
            arguments: [kind, until])
    }

    /// When each stored note was first submitted, by its path (`notes/...`).
    public func firstSubmissions() throws -> [String: Date] {
        var result: [String: Date] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT json_extract(record, '$.path') AS path, min(at) AS at FROM entry WHERE kind = 'submission' GROUP BY 1")
        for row in rows {
            if let path: String = row["path"] { result[path] = Date(timeIntervalSince1970: row["at"]) }
        }
        return result
    }

    /// Appends one event and returns the entry as stored.
    /// - Parameters:
    ///   - at: when it took effect (default: now).
    ///   - recorded: when it is written, if not `at` (a distribution marked afterwards).
    @discardableResult
    public func append(_ event: LedgerEvent, at: Date = Date(), recorded: Date? = nil) throws -> LedgerEntry {
        // NULL where the two are the same instant, as in every entry written before schema 2.
        let written = recorded.flatMap { $0.timeIntervalSince1970 == at.timeIntervalSince1970 ? nil : $0.timeIntervalSince1970 }
        try db.execute(
            sql: "INSERT INTO entry (at, kind, record, recorded) VALUES (?, ?, ?, ?)",
            arguments: [at.timeIntervalSince1970, event.kind, try event.encodedRecord(), written]
        )
        // The moments as they read back (seconds since 1970, a Double), so an
        // entry returned here equals the same entry read later.
        return LedgerEntry(
            id: db.lastInsertedRowID, at: Date(timeIntervalSince1970: at.timeIntervalSince1970),
            recorded: written.map(Date.init(timeIntervalSince1970:)), event: event)
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
            // `recorded` is absent from a schema-1 ledger read as it is, and NULL where it is `at`.
            let recorded: Double? = row.hasColumn("recorded") ? row["recorded"] : nil
            return LedgerEntry(
                id: id, at: Date(timeIntervalSince1970: row["at"]), recorded: recorded.map(Date.init(timeIntervalSince1970:)), event: event)
        }
    }
}
