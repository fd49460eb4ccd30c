public import Foundation
import GRDB
import Storage

/// The reads a server makes, awaited: each runs on Dispatch's threads
/// (GRDB's own queue, or `withBlockingWork` while a ledger is opened), never
/// on a thread of Swift's cooperative pool.
extension Ledger {
    /// Every entry, oldest first.
    public func entries() async throws -> [LedgerEntry] {
        let path = self.path
        do {
            return try await queue.read { db in try LedgerTransaction(db: db, path: path).entries() }
        } catch {
            throw Self.ledgerError(error, path: path)
        }
    }

    /// `entriesIfPresent(workspace:)`, awaited.
    public static func entriesIfPresent(workspace: URL) async throws -> [LedgerEntry] {
        try await withBlockingWork { try entriesIfPresent(workspace: workspace) as [LedgerEntry] }
    }

    /// `factsIfPresent(workspace:)`, awaited.
    public static func factsIfPresent(workspace: URL) async throws -> LedgerFacts {
        try await withBlockingWork { try factsIfPresent(workspace: workspace) as LedgerFacts }
    }
}
