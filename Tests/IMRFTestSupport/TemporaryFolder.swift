public import Foundation

/// A folder of its own for one test, under the system's temporary folder.
/// The test removes it with `remove()` in a `defer` (not in `deinit`, which
/// may run before the last use).
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("imrf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder (with permissions `mode`
    /// when given) and returns the file's URL.
    public func write(_ name: String, _ text: String, mode: Int? = nil) throws -> URL {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path) }
        return file
    }

    /// Adds `yaml` at the end of the file `name` (a workspace's forum.yaml)
    /// and returns the line its first line is on.
    @discardableResult
    public func append(_ yaml: String, to name: String) throws -> Int {
        let file = url.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + yaml).write(to: file, atomically: true, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
