public import Diagnostics
import Foundation
import Ledger
import Storage
public import Upload

/// A document uploaded to the office's endpoint and the upload recorded in
/// the ledger of the workspace it belongs to: `imrf upload` and each output
/// of `imrf compile --upload`.
public struct Publication: Sendable {
    public var receipt: UploadReceipt
    /// The file uploaded, as given.
    public var file: String
    /// The ledger entry's number; nil when nothing was recorded.
    public var ledgerEntry: Int64?
    /// Why the upload was not recorded, as warnings (it happened all the same).
    public var warnings: [Diagnostic]

    /// Uploads `request.file` to `request.endpoint` and records it in the
    /// ledger of `workspace` (nothing is recorded when it is nil).
    public static func upload(_ request: UploadRequest, workspace: String?) async throws(UploadError) -> Publication {
        let receipt = try await Uploader().upload(request)
        var publication = Publication(receipt: receipt, file: request.file, ledgerEntry: nil, warnings: [])
        guard let workspace else { return publication }
        do {
            publication.ledgerEntry = try LedgerRecording.recordUpload(receipt, file: request.file, endpoint: request.endpoint, workspace: workspace)
                .id
        } catch {
            publication.warnings = LedgerRecording.notRecorded(error, lead: LedgerRecording.uploadNotRecorded)
        }
        return publication
    }

    /// The workspace a file belongs to when none is named: the nearest folder
    /// holding a forum.yaml at or above it; nil outside any workspace.
    public static func workspace(of file: String) -> String? {
        Workspace.forumPath(near: file).map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
    }

    /// A file name as one URL path segment (`summary 2.md` -> `summary%202.md`).
    public static func percentEncoded(_ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    /// Where an output goes: under its file name when `endpoint` ends in `/`,
    /// else `endpoint` itself (which then takes exactly one output).
    public static func endpoint(_ endpoint: String, forFile path: String) -> String {
        endpoint.hasSuffix("/") ? endpoint + percentEncoded((path as NSString).lastPathComponent) : endpoint
    }
}
