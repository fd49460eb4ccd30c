public import Foundation

/// The workspace's record of submissions, compiles, uploads and
/// distributions, at `.imrf/ledger.sqlite`.
///
/// PLACEHOLDER: this first version keeps JSON lines in `.imrf/ledger.jsonl`
/// so that the tracker can be built against the interface; the SQLite store
/// through GRDB replaces it behind the same API.
public struct Ledger: Sendable {
    /// The workspace folder the ledger belongs to.
    public let workspace: URL

    /// Opens (creating if needed) the ledger of `workspace`.
    public init(workspace: URL) throws {
        self.workspace = workspace
        try FileManager.default.createDirectory(
            at: workspace.appending(path: ".imrf"), withIntermediateDirectories: true)
    }

    private var file: URL { workspace.appending(path: ".imrf/ledger.jsonl") }

    /// Appends one event and returns the entry as stored.
    @discardableResult
    public func append(_ event: LedgerEvent, at: Date = Date()) throws -> LedgerEntry {
        let entry = LedgerEntry(id: Int64(try entries().count + 1), at: at, event: event)
        var line = try JSONEncoder().encode(entry)
        line.append(0x0A)
        if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            try line.write(to: file)
        }
        return entry
    }

    /// Every entry, oldest first.
    public func entries() throws -> [LedgerEntry] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return try data.split(separator: 0x0A).map { try JSONDecoder().decode(LedgerEntry.self, from: Data($0)) }
    }

    /// The entries of `workspace`'s ledger, or none when it has no ledger
    /// yet; never creates one (so `imrf status` stays read-only).
    public static func entriesIfPresent(workspace: URL) throws -> [LedgerEntry] {
        let folder = workspace.appending(path: ".imrf")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try Ledger(workspace: workspace).entries()
    }
}
