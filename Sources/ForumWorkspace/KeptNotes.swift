public import Diagnostics
import Foundation
public import Ledger
public import Storage
public import SummaryCompiler

/// The workspace's notes store, `.imrf/notes/`: every note a compile used,
/// kept under the SHA-256 of its bytes, so that any build the ledger
/// records can be made again after its notes were replaced or withdrawn
/// (`imrf compile --changes-since`). Content-addressed: a note is written
/// once, atomically, when no file has its hash yet, and never changed.
public enum KeptNotes {
    public static let folderName = "notes"

    /// The store's folder in `workspace`.
    public static func folder(workspace: String) -> String {
        WorkspaceLayout.join(WorkspaceLayout(workspace).stateFolder, folderName)
    }

    /// Keeps the bytes of each of `notes` (`Note.source`) that the store
    /// does not have yet; returns the list a compile records, in the
    /// notes' order, with paths relative to the workspace (`notes/x.md`).
    public static func keep(_ notes: [Note], workspace: String) throws(WorkspaceFile.Problem) -> [CompiledNote] {
        let store = try OpenFolder.open(WorkspaceLayout(workspace).stateFolder, inside: workspace).subfolder(folderName)
        var kept: [CompiledNote] = []
        for note in notes {
            let sha256 = SHA256.hex(of: note.source)
            if !store.contains(sha256) { try store.write(Data(note.source), to: sha256) }
            let name = URL(fileURLWithPath: note.path).lastPathComponent
            kept.append(CompiledNote(path: WorkspaceLayout.recordedNotePath(name), sha256: sha256))
        }
        return kept
    }

    /// The notes of a build read back from the store, each checked against
    /// its hash, with its path in `workspace` (`ws/notes/x.md`).
    /// - Parameter build: the build's number, for the messages.
    public static func read(
        _ notes: [CompiledNote], build: Int64, workspace: String
    ) throws(DiagnosticFailure) -> [(
        path: String, bytes: [UInt8]
    )] {
        let storePath = folder(workspace: workspace)
        let store: OpenFolder
        do throws(WorkspaceFile.Problem) {
            store = try OpenFolder.open(storePath, inside: workspace, create: false)
        } catch {
            throw missing(build: build, at: storePath)
        }
        var files: [(path: String, bytes: [UInt8])] = []
        for note in notes {
            let name = note.sha256.lowercased()
            guard name.utf8.count == 64, name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                case .success(let bytes) = store.read(name, limit: WorkspaceLayout.maximumNoteBytes), SHA256.hex(of: bytes) == name
            else { throw missing(build: build, at: WorkspaceLayout.join(storePath, name), note: note.path) }
            files.append((WorkspaceLayout.join(workspace, note.path), bytes))
        }
        return files
    }

    private static func missing(build: Int64, at path: String, note: String? = nil) -> DiagnosticFailure {
        DiagnosticFailure(
            .badInput,
            .error(
                "build \(build) cannot be made again: " + (note.map { "the kept copy of \($0) is missing or damaged" } ?? "its notes are not kept"),
                at: SourceLocation(path: path), hint: "compare with a later build (`imrf log --kind compile` lists them)"))
    }
}
