public import Diagnostics
public import Foundation
public import Ledger
import Storage
public import SummaryCompiler
public import Upload

/// What imrf records in a workspace's ledger after the fact (a compile, an
/// upload), where the work is done whatever the ledger says: a ledger that
/// cannot be written gives warnings (`notRecorded`), never a failure.
public enum LedgerRecording {
    /// Records a successful compile: each written file with the SHA-256 of
    /// the bytes written, and whether it was a draft (a draft does not make
    /// the summaries "compiled"). Paths are relative to the workspace when
    /// the file is inside it (`build/summary.md`), else absolute, so the
    /// ledger stays true when the workspace folder is moved.
    /// - Parameters:
    ///   - opening: the ledger being opened by `openAhead`, if it was; else
    ///     it is opened (or created) here.
    ///   - person: who compiled, when known (the web's signed-in office).
    ///   - notes: the notes it used, as kept in the notes store (`KeptNotes`).
    @discardableResult
    public static func recordCompile(
        outputs: [WrittenOutput], workspace: String, draft: Bool, opening: Task<Ledger, any Error>? = nil, at now: Date = Date(),
        by person: String? = nil, notes: [CompiledNote]? = nil
    ) async throws -> LedgerEntry {
        let ledger = try await opening?.value ?? Ledger(workspace: WorkspaceLayout(workspace).url)
        let compiled = outputs.map { CompiledOutput(path: ledger.recordedPath($0.path), sha256: $0.sha256) }
        return try ledger.append(.compile(CompileRecord(outputs: compiled, draft: draft, by: person, notes: notes)), at: now)
    }

    /// Records an upload receipt. Endpoint and location are stored without
    /// credentials or query.
    @discardableResult
    public static func recordUpload(_ receipt: UploadReceipt, file: String, endpoint: String, workspace: String) throws -> LedgerEntry {
        let ledger = try Ledger(workspace: WorkspaceLayout(workspace).url)
        return try ledger.append(
            .upload(
                UploadRecord(
                    file: ledger.recordedPath(file),
                    endpoint: UploadRecord.withoutCredentials(endpoint),
                    location: UploadRecord.withoutCredentials(receipt.location),
                    httpStatus: receipt.status,
                    bytes: receipt.bytes,
                    sha256: receipt.sha256,
                    attempts: receipt.attempts
                )))
    }

    /// Starts opening the ledger of `workspace` on another thread while the
    /// summary is compiled, when the workspace has one: a compile that fails
    /// must not create a ledger, so a new one is only created once the
    /// summary is written, by `recordCompile`.
    public static func openAhead(workspace: String) -> Task<Ledger, any Error>? {
        let folder = WorkspaceLayout(workspace).url
        guard FileManager.default.fileExists(atPath: Ledger.file(in: folder).path) else { return nil }
        return Task.detached(priority: .utility) { try Ledger(workspace: folder) }
    }

    /// The lead of the warning when a compile was not recorded.
    public static let compileNotRecorded = "the summary was written but not recorded in the ledger"
    /// The lead of the warning when an upload was not recorded.
    public static let uploadNotRecorded = "the document was uploaded but the upload was not recorded in the ledger"

    /// The warnings saying that something was done but not recorded
    /// (`lead`), one per problem of `error`.
    public static func notRecorded(_ error: any Error, lead: String) -> [Diagnostic] {
        let problems = (error as? any DiagnosticError)?.diagnostics ?? [.error(String(describing: error))]
        return problems.map { problem in
            .warning(lead + ": " + problem.message, at: problem.location, hint: problem.hint, code: problem.code)
        }
    }
}
