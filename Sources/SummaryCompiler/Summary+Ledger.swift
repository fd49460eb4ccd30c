public import Foundation
public import Ledger

extension Summary {
    /// Records a successful compile in the workspace's ledger: each written
    /// file with the SHA-256 of the bytes written, and
    /// whether it was a draft (a draft does not make the summaries "compiled").
    ///
    /// Paths are relative to the workspace when the file is inside it
    /// (`build/summary.md`), else absolute, so the ledger stays true when the
    /// workspace folder is moved.
    /// - Parameter opening: the ledger being opened by `openLedgerAhead`,
    ///   if it was; else it is opened (or created) here.
    @discardableResult
    public static func recordCompile(
        outputs: [WrittenOutput], workspace: String, draft: Bool, opening: Task<Ledger, any Error>? = nil, at now: Date = Date()
    ) async throws -> LedgerEntry {
        let ledger = try await opening?.value ?? Ledger(workspace: URL(fileURLWithPath: workspace))
        let compiled = outputs.map { output in
            CompiledOutput(path: ledger.recordedPath(output.path), sha256: output.sha256)
        }
        return try ledger.append(.compile(CompileRecord(outputs: compiled, draft: draft)), at: now)
    }

    /// Starts opening the ledger of `workspace` on another core while the
    /// summary is compiled (SQLite's open and the schema and integrity
    /// checks take a few milliseconds), when the workspace has one: a
    /// compile that fails must not create a ledger, so a new one is only
    /// created once the summary is written, by `recordCompile`.
    public static func openLedgerAhead(workspace: String) -> Task<Ledger, any Error>? {
        let folder = URL(fileURLWithPath: workspace)
        guard FileManager.default.fileExists(atPath: Ledger.file(in: folder).path) else { return nil }
        return Task.detached(priority: .utility) { try Ledger(workspace: folder) }
    }
}
