public import Foundation
public import Ledger

extension Summary {
    /// Records a successful compile in the workspace's ledger: each written
    /// file with the SHA-256 of its bytes as they are on disk now, and
    /// whether it was a draft (a draft does not make the summaries "compiled").
    ///
    /// Paths are relative to the workspace when the file is inside it
    /// (`build/summary.md`), else absolute, so the ledger stays true when the
    /// workspace folder is moved.
    @discardableResult
    public static func recordCompile(outputs: [String], workspace: String, draft: Bool, at now: Date = Date()) throws -> LedgerEntry {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let compiled = outputs.map { output in
            let absolute = URL(fileURLWithPath: output).standardizedFileURL.path
            let prefix = root.hasSuffix("/") ? root : root + "/"
            let path = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
            return CompiledOutput(path: path, sha256: SHA256.hex(ofFileAtPath: output) ?? "")
        }
        let ledger = try Ledger(workspace: URL(fileURLWithPath: workspace))
        return try ledger.append(.compile(CompileRecord(outputs: compiled, draft: draft)), at: now)
    }
}
