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
    @discardableResult
    public static func recordCompile(outputs: [WrittenOutput], workspace: String, draft: Bool, at now: Date = Date()) throws -> LedgerEntry {
        let ledger = try Ledger(workspace: URL(fileURLWithPath: workspace))
        let compiled = outputs.map { output in
            CompiledOutput(path: ledger.recordedPath(output.path), sha256: output.sha256)
        }
        return try ledger.append(.compile(CompileRecord(outputs: compiled, draft: draft)), at: now)
    }
}
