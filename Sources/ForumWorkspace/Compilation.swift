public import Diagnostics
import Forum
public import Foundation
public import Ledger
import Storage
public import SummaryCompiler
public import Upload
import WordImport

/// `imrf compile` as one call: the workspace loaded and checked, the summary
/// rendered and written, the compile recorded in the ledger, and the
/// outputs uploaded and those uploads recorded when asked. Prints nothing:
/// the command line and the web service report what it returns.
public struct Compilation: Sendable {
    /// The workspace as loaded: its `diagnostics` are warnings only.
    public var workspace: Workspace
    /// The files written, in format order (md, html, docx).
    public var outputs: [WrittenOutput]
    /// The compile's ledger entry; nil when it could not be recorded.
    public var ledgerEntry: LedgerEntry?
    /// Why the compile was not recorded, as warnings (the outputs stand).
    public var recordingWarnings: [Diagnostic]
    /// The outputs uploaded so far, in format order.
    public var publications: [Publication]

    /// Why a compile stopped.
    public enum Failure: Error {
        /// The workspace has errors (all its diagnostics); nothing was written.
        case notesHaveErrors([Diagnostic])
        /// forum.yaml, the templates or the output folder; nothing was written.
        case failed(DiagnosticFailure)
        /// An output's upload failed after the compile (recorded) and the
        /// uploads before it (in `partial`).
        case uploadFailed(UploadError, partial: Compilation)
        /// The PDF could not be made: LibreOffice is not installed
        /// (`unavailable`). The other formats asked for were written,
        /// recorded and uploaded as usual (in `partial`).
        case pdfUnavailable(DiagnosticFailure, partial: Compilation)
    }

    /// Compiles the workspace at `path`.
    /// - Parameters:
    ///   - templates: a folder of templates; nil for the built-in ones.
    ///   - folder: where the outputs go; nil for the workspace's build/.
    ///   - upload: when given, each output is uploaded with this request (its
    ///     `file` is ignored): under its file name when the endpoint ends in
    ///     `/`, else to the endpoint itself.
    ///   - person: who compiles, recorded with the compile when known.
    ///   - environment: where LibreOffice is looked for, for the PDF
    ///     (`PDFConverter.located`).
    ///   - referenceDocx: a Word file whose styles and page the .docx and PDF
    ///     take (the user's own path); nil: forum.yaml's `document.referenceDocx`, if any.
    ///   - changesSince: an earlier build: `summary.changes.docx` is written
    ///     too, with the changes since it tracked (`EarlierBuild`).
    public static func run(
        workspace path: String, formats: [Summary.Format], draft: Bool = false, templates: String?, into folder: String? = nil,
        upload: UploadRequest? = nil, at now: Date = Date(), by person: String? = nil, referenceDocx: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, changesSince: EarlierBuild.Choice? = nil
    ) async throws(Failure) -> Compilation {
        // Without LibreOffice the other formats are still made: the PDF's
        // absence is known before anything is compiled, and reported last.
        var formats = formats
        var converter: PDFConverter?
        var pdfUnavailable: DiagnosticFailure?
        if formats.contains(.pdf) {
            do {
                converter = try PDFConverter.located(environment: environment)
            } catch {
                formats.removeAll { $0 == .pdf }
                guard !formats.isEmpty || changesSince != nil else { throw .failed(error) }
                pdfUnavailable = error
            }
        }
        let result = try await compile(
            workspace: path, formats: formats, converter: converter, draft: draft, templates: templates, into: folder, upload: upload,
            at: now, by: person, referenceDocx: referenceDocx, changesSince: changesSince)
        if let pdfUnavailable { throw .pdfUnavailable(pdfUnavailable, partial: result) }
        return result
    }

    /// The reference Word document: `given` (the user's path, read where
    /// it is), else forum.yaml's `document.referenceDocx` (inside the
    /// workspace, never through a link out of it); nil when neither names one.
    static func reference(_ given: String?, forum: Forum, workspace: String) throws(DiagnosticFailure) -> WordReference? {
        let path: String
        let reader: WorkspaceFileReader
        if let given {
            path = given
            reader = WorkspaceFileReader(root: nil)
        } else if let inWorkspace = forum.document.referenceDocx {
            path = WorkspaceLayout.join(workspace, inWorkspace)
            reader = WorkspaceFileReader(root: workspace)
        } else {
            return nil
        }
        switch reader.read(path, limit: WorkspaceLayout.maximumNoteBytes) {
        case .success(let bytes): return try WordImport.reference(from: bytes, path: path)
        case .failure(let problem):
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "cannot read the reference Word document: \(problem.description)", at: SourceLocation(path: path),
                    hint: given == nil ? "check document.referenceDocx in forum.yaml" : "check the path given to --reference-docx"))
        }
    }

    private static func compile(
        workspace path: String, formats: [Summary.Format], converter: PDFConverter?, draft: Bool, templates: String?, into folder: String?,
        upload: UploadRequest?, at now: Date, by person: String?, referenceDocx: String?, changesSince: EarlierBuild.Choice?
    ) async throws(Failure) -> Compilation {
        let layout = WorkspaceLayout(path)
        let ledger = LedgerRecording.openAhead(workspace: path)
        let workspace: Workspace
        let outputs: [WrittenOutput]
        do {
            // Read and parsed on every core, off the cooperative pool.
            workspace = try await withBlockingWork { try Workspace.load(path, draft: draft) }
            guard workspace.errorCount == 0 else { throw Failure.notesHaveErrors(workspace.diagnostics) }
            var summary = try Summary(workspace)
            if formats.contains(.docx) || formats.contains(.pdf) || changesSince != nil {
                summary.reference = try await withBlockingWork {
                    try Self.reference(referenceDocx, forum: workspace.checked.forum, workspace: path)
                }
            }
            var revision: Summary.Revision?
            if let changesSince {
                var earlier = try await withBlockingWork { () throws(DiagnosticFailure) in
                    try EarlierBuild.summary(changesSince, workspace: path, forum: workspace.forum, current: workspace.checked)
                }
                earlier.reference = summary.reference
                revision = Summary.Revision(earlier: earlier, date: now)
            }
            outputs = try await summary.compile(
                formats: formats + (revision == nil ? [] : [.changes]), templates: templates, into: folder ?? layout.buildFolder,
                converter: converter, revision: revision)
        } catch {
            // The ledger is not left half-opened by a process that exits.
            _ = await ledger?.result
            if let failure = error as? Failure { throw failure }
            throw .failed(error as? DiagnosticFailure ?? DiagnosticFailure(.software, .error(String(describing: error))))
        }
        var result = Compilation(workspace: workspace, outputs: outputs, ledgerEntry: nil, recordingWarnings: [], publications: [])
        // The notes are kept before the compile is recorded: a record that
        // lists notes can always be made again.
        var kept: [CompiledNote]?
        do throws(WorkspaceFile.Problem) {
            kept = try KeptNotes.keep(workspace.notes, workspace: path)
        } catch {
            result.recordingWarnings.append(
                .warning(
                    "the notes of this build could not be kept, so it cannot be compared with later: \(error)",
                    at: SourceLocation(path: KeptNotes.folder(workspace: path))))
        }
        do {
            result.ledgerEntry = try await LedgerRecording.recordCompile(
                outputs: outputs, workspace: path, draft: draft, opening: ledger, at: now, by: person, notes: kept)
        } catch {
            result.recordingWarnings = LedgerRecording.notRecorded(error, lead: LedgerRecording.compileNotRecorded)
        }
        guard let upload else { return result }
        for output in outputs {
            var request = upload
            request.file = output.path
            request.endpoint = Publication.endpoint(upload.endpoint, forFile: output.path)
            do {
                result.publications.append(try await Publication.upload(request, workspace: path))
            } catch {
                throw .uploadFailed(error, partial: result)
            }
        }
        return result
    }
}
