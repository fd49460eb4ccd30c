import ArgumentParser
import ForumWorkspace
import Foundation
import Storage

extension IMRF.Upload {
    /// The workspace the upload belongs to: `--workspace`, else
    /// `IMRF_WORKSPACE`, else the nearest folder holding a forum.yaml at or
    /// above the file; nil when the file is not in a workspace (the upload
    /// is then not recorded).
    var ledgerWorkspace: String? {
        if let workspace { return workspace }
        if let folder = ProcessInfo.processInfo.environment[WorkspaceOptions.environmentVariable], !folder.isEmpty { return folder }
        return Publication.workspace(of: file)
    }

    /// A mistyped --workspace is refused before anything is sent, rather
    /// than creating a ledger in a folder that is not a workspace.
    func validateWorkspace() throws {
        guard let workspace, !WorkspaceLayout(workspace).hasForumFile else { return }
        throw ValidationError("--workspace \(workspace) is not a workspace: it has no forum.yaml")
    }
}
