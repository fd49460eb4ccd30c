public import Diagnostics
public import Forum
import Foundation

/// Makes a new workspace folder: forum.yaml, notes/, and with `example`
/// the sample notes.
public enum WorkspaceCreator {
    /// The files written, relative to `directory`.
    @discardableResult
    public static func create(at directory: String, edition: Edition, example: Bool) throws(DiagnosticFailure) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DiagnosticFailure(.cannotCreate, .error("'\(directory)' exists and is not a folder", at: nil))
            }
            let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else {
                throw DiagnosticFailure(.cannotCreate, .error(
                    "folder '\(directory)' is not empty; imrf init only creates new workspaces",
                    hint: "choose a new or empty folder"
                ))
            }
        }
        var files = [("forum.yaml", edition.forum.yaml)]
        if example {
            files += SampleNotes.all.map { ("notes/" + $0.name, $0.content) }
        }
        do {
            try manager.createDirectory(atPath: Workspace.join(directory, "notes"), withIntermediateDirectories: true)
            for (name, content) in files {
                try Data(content.utf8).write(to: URL(fileURLWithPath: Workspace.join(directory, name)), options: .atomic)
            }
        } catch {
            throw DiagnosticFailure(.cannotCreate, .error("cannot create workspace '\(directory)': \(error.localizedDescription)"))
        }
        return files.map(\.0)
    }
}
