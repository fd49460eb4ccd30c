public import Foundation
import GRDB
import Storage

/// Tells a long-running reader (the web service) whether a workspace's
/// ledger may have changed since it last asked, so that it can keep what it
/// derived from it (the invitations, the submissions) instead of reading
/// the ledger at every request.
///
/// SQLite's `PRAGMA data_version` on one held read-only connection changes
/// whenever another connection commits, in this process or another; the
/// file's device and inode catch a ledger created, removed or replaced. A
/// stamp is taken before reading, so what is read is at least as new as it.
public final class LedgerWatch: Sendable {
    /// Equal stamps: no commit in between. (The file's times are part of it:
    /// a checkpoint changes them too, which only costs one more read.)
    public struct Stamp: Sendable, Hashable {
        let file: FileStamp?
        let dataVersion: Int64?
    }

    private struct Held: @unchecked Sendable {
        // DatabaseQueue is Sendable; the wrapper only pairs it with its file.
        var queue: DatabaseQueue
        var file: FileStamp
    }

    private let file: URL
    private let held = Locked<Held?>(nil)

    public init(workspace: URL) {
        file = Ledger.file(in: workspace)
    }

    /// The ledger's stamp now; nil when it cannot be watched (a ledger being
    /// created, a read-only folder without its WAL index, a damaged file):
    /// the caller then reads the ledger every time.
    public func stamp() -> Stamp? {
        guard let current = FileStamp(path: file.path) else {
            held.withLock { $0 = nil }
            return Stamp(file: nil, dataVersion: nil)
        }
        return held.withLock { held -> Stamp? in
            if let existing = held, !existing.file.isSameFile(as: current) { held = nil }
            do {
                if held == nil {
                    var configuration = Configuration()
                    configuration.readonly = true
                    configuration.label = "imrf ledger watch"
                    configuration.busyMode = .timeout(1)
                    held = Held(queue: try DatabaseQueue(path: file.path, configuration: configuration), file: current)
                }
                let version = try held!.queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
                return Stamp(file: current, dataVersion: version)
            } catch {
                held = nil
                return nil
            }
        }
    }
}
