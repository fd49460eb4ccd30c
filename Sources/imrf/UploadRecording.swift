import ArgumentParser
import Diagnostics
import Foundation
import Ledger
import SummaryCompiler
import Upload

extension IMRF.Upload {
    /// The workspace the upload belongs to: `--workspace`, else the nearest
    /// folder holding a forum.yaml at or above the file; nil when the file
    /// is not in a workspace (the upload is then not recorded).
    var ledgerWorkspace: String? {
        if let workspace { return workspace }
        return Workspace.forumPath(near: file).map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
    }

    /// A mistyped --workspace is refused before anything is sent, rather
    /// than creating a ledger in a folder that is not a workspace.
    func validateWorkspace() throws {
        guard let workspace else { return }
        let forum = URL(fileURLWithPath: workspace).appending(path: "forum.yaml").path
        guard FileManager.default.fileExists(atPath: forum) else {
            throw ValidationError("--workspace \(workspace) is not a workspace: it has no forum.yaml")
        }
    }
}

/// Records upload receipts in a workspace's ledger, for `imrf upload` and
/// `imrf compile --upload`.
enum UploadRecording {
    /// The upload has happened whatever the ledger says, so a ledger that
    /// cannot be written is a warning on stderr, never a failure (as for
    /// `imrf compile`). Endpoint and location are stored without credentials
    /// or query. Nothing is recorded when `workspace` is nil.
    static func record(_ receipt: UploadReceipt, file: String, endpoint: String, workspace: String?) {
        guard let workspace else { return }
        do {
            let ledger = try Ledger(workspace: URL(fileURLWithPath: workspace))
            try ledger.append(.upload(UploadRecord(
                file: ledger.recordedPath(file),
                endpoint: UploadRecord.withoutCredentials(endpoint),
                location: UploadRecord.withoutCredentials(receipt.location),
                httpStatus: receipt.status,
                bytes: receipt.bytes,
                sha256: receipt.sha256,
                attempts: receipt.attempts
            )))
        } catch {
            let problems = (error as? any DiagnosticError)?.diagnostics ?? [.error(String(describing: error))]
            for problem in problems {
                Reporting.printToStandardError(Diagnostic.warning(
                    "the document was uploaded but the upload was not recorded in the ledger: " + problem.message,
                    at: problem.location, hint: problem.hint
                ))
            }
        }
    }
}
