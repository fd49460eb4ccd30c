public import Foundation
public import Testing

extension IMRFProcess {
    /// Runs `imrf init ws --edition <edition>` in `folder` (with `--example`,
    /// a note for every session), expects it to succeed, and returns the
    /// workspace, `folder/ws`.
    @discardableResult
    public static func initWorkspace(
        in folder: URL, edition: String = "2026", example: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> URL {
        var arguments = ["init", "ws", "--edition", edition]
        if example { arguments.append("--example") }
        let result = try run(arguments, directory: folder)
        #expect(result.status == 0, "imrf init: \(result.stderr)", sourceLocation: sourceLocation)
        return folder.appendingPathComponent("ws")
    }
}

/// Runs `body` with a temporary folder holding a workspace `ws` made by
/// `imrf init` (2026, with a note for every session, unless `edition` and
/// `example` say otherwise), then removes the folder.
///
/// The body gets the folder, not the workspace: tests run imrf there, so
/// that it names files `ws/...` as a user sees them, and write the notes
/// they submit beside the workspace.
public func withExampleWorkspace<Value>(
    edition: String = "2026", example: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (TemporaryFolder) throws -> Value
) throws -> Value {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try IMRFProcess.initWorkspace(in: folder.url, edition: edition, example: example, sourceLocation: sourceLocation)
    return try body(folder)
}
