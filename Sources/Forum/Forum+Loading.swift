public import Diagnostics
import Foundation
import Storage

extension Forum {
    /// The code of "cannot read forum file": the folder is not a workspace.
    public static let cannotReadCode: Diagnostic.Code = "forum.cannotRead"
    static let noWorkspaceHint = "a workspace is a folder holding forum.yaml: create one first, or name the workspace folder"

    /// Reads and parses the forum file at `path` (a workspace's forum.yaml).
    public static func load(contentsOf path: String) throws(DiagnosticFailure) -> Forum {
        var warnings: [Diagnostic] = []
        return try load(contentsOf: path, warnings: &warnings)
    }

    /// Reads and parses the forum file at `path`, collecting its warnings.
    /// The workspace is the folder the file is in: the file may not be a
    /// link out of it, and must be a regular file of at most `maximumBytes`.
    /// With `schedule`, the days are checked against the calendar too (see `parse`).
    public static func load(contentsOf path: String, warnings: inout [Diagnostic], schedule: Bool = false) throws(DiagnosticFailure) -> Forum {
        let folder = (path as NSString).deletingLastPathComponent
        let reader = WorkspaceFileReader(root: folder.isEmpty ? "." : folder)
        let data: [UInt8]
        switch reader.read(path, limit: maximumBytes) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let bytes)): throw tooLarge(bytes: bytes, path: path)
        case .failure(.cannotRead):
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "cannot read forum file", at: SourceLocation(path: path),
                    hint: noWorkspaceHint, code: cannotReadCode
                ))
        case .failure(let problem):
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "cannot read forum file: \(problem)", at: SourceLocation(path: path),
                    hint: noWorkspaceHint, code: cannotReadCode
                ))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticFailure(.badInput, .error("forum file is not UTF-8 text", at: SourceLocation(path: path)))
        }
        return try parse(yaml: text, path: path, warnings: &warnings, schedule: schedule)
    }
}
