public import Diagnostics
public import Forum
import Foundation
import Storage

/// Makes a new workspace folder: forum.yaml, notes/, and with `example`
/// the sample notes.
public enum WorkspaceCreator {
    /// The code of the refusal of a folder that holds anything.
    public static let notEmptyCode: Diagnostic.Code = "workspace.folderNotEmpty"

    /// The files written, relative to `directory`.
    @discardableResult
    public static func create(at directory: String, edition: Edition, example: Bool) throws(DiagnosticFailure) -> [String] {
        try create(at: directory, forum: edition.forum, example: example)
    }

    /// A workspace for `forum` (any edition; `Edition.forum(edition:hearing:days:)`).
    @discardableResult
    public static func create(at directory: String, forum: Forum, example: Bool) throws(DiagnosticFailure) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DiagnosticFailure(.cannotCreate, .error("'\(directory)' exists and is not a folder", at: nil))
            }
            let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else {
                throw DiagnosticFailure(
                    .cannotCreate,
                    .error(
                        "folder '\(directory)' is not empty; a workspace is only created in a new folder",
                        hint: "choose a new or empty folder", code: notEmptyCode
                    ))
            }
        }
        var files = [(WorkspaceLayout.forumFileName, forum.yaml)]
        if example {
            files += SampleNotes.all.map { (WorkspaceLayout.recordedNotePath($0.name), $0.content) }
        }
        // Each file written durably (`OpenFolder.write`): a workspace is never
        // left with half a forum.yaml.
        do throws(WorkspaceFile.Problem) {
            let root = try OpenFolder.open(directory, inside: nil)
            let notes = try root.subfolder(WorkspaceLayout.notesFolderName)
            try root.write(Data(forum.yaml.utf8), to: WorkspaceLayout.forumFileName)
            if example {
                for sample in SampleNotes.all { try notes.write(Data(sample.content.utf8), to: sample.name) }
            }
        } catch {
            throw DiagnosticFailure(.cannotCreate, .error("cannot create workspace '\(directory)': \(error.description)"))
        }
        return files.map(\.0)
    }
}
