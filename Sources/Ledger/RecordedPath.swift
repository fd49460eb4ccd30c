import Foundation

extension Ledger {
    /// `path` as the ledger stores it: relative to the workspace when the
    /// file is inside it (`build/summary.md`), else absolute, so entries stay
    /// true when the workspace folder is moved.
    public func recordedPath(_ path: String) -> String {
        let root = workspace.standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
