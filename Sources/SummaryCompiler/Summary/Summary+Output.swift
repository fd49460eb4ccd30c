public import Diagnostics
import Foundation
import Mustache
import Storage

extension Summary {
    /// Renders every format and writes it into `directory`.
    ///
    /// Each format is rendered, written to a temporary file beside its
    /// output and hashed in a task of its own, as soon as it is ready (the
    /// Markdown is on disk while the HTML is still being rendered); once
    /// every format is, the temporary files are renamed into place. A format that fails leaves every previous output as it
    /// was and no temporary file behind, and a reader never sees half a file.
    /// The temporary files have random names and are created new, never
    /// through a link (`OpenFolder`); those of killed compiles are removed.
    ///
    /// The PDF is the Word document converted by LibreOffice (`converter`)
    /// in a temporary folder inside `directory`; the Word document is
    /// written there only, unless docx is asked for too. Not byte-identical
    /// from one compile to the next: LibreOffice dates it.
    /// - Parameters:
    ///   - templates: a folder of templates; nil for the built-in ones.
    ///   - converter: the PDF's; nil for the one `PDFConverter.located()`
    ///     finds. Without one, a compile asking for pdf fails
    ///     (`unavailable`) before anything is written.
    /// - Returns: the files written, in `Format` order.
    ///   - revision: the earlier build whose changes `summary.changes.docx`
    ///     shows; without one, `changes` in `formats` is left out.
    public func compile(
        formats: [Format], templates: String?, into directory: String, converter: PDFConverter? = nil, revision: Revision? = nil
    ) async throws(DiagnosticFailure) -> [WrittenOutput] {
        let wanted = Format.allCases.filter { formats.contains($0) && ($0 != .changes || revision != nil) }
        var located = converter
        if wanted.contains(.pdf), located == nil { located = try PDFConverter.located() }
        let converter = located
        // The Word formats need a templates folder too: the letter's and the masthead's text are templates.
        let needsTemplates = wanted.contains(where: \.isText) || templates != nil
        let library = needsTemplates ? try await Self.library(templates: templates, formats: wanted) : nil
        let folder = try openOutputFolder(directory)
        folder.removeStaleTemporaries(prefixes: Format.allCases.map { ".\($0.fileName)." })
        let staged = await Self.inTasks(wanted) { format throws(DiagnosticFailure) -> Staged in
            if format == .pdf, let converter { return try stagePDF(converter, library: library, in: folder) }
            if format == .changes, let revision {
                return try stage(format, data: try renderChangesDocx(since: revision.earlier, date: revision.date, library: library), in: folder)
            }
            return try stage(format, data: try renderBytes(format, library: library), in: folder)
        }
        let ready = staged.compactMap { try? $0.result.get() }
        for case (_, .failure(let failure)) in staged {  // the first in format order
            for file in ready { folder.remove(file.temporary) }
            throw failure
        }
        // A folder where an output goes would stop its rename after the
        // others had replaced theirs: refused before any is.
        if let blocked = ready.first(where: { folder.isFolder($0.output.format.fileName) }) {
            for file in ready { folder.remove(file.temporary) }
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot write output: a folder is in the way", at: SourceLocation(path: blocked.output.path),
                    hint: "move or rename that folder, then compile again"
                ))
        }
        // A link at an output's name is replaced, not written through. The
        // first rename that fails stops the rest; their temporaries go.
        for (index, file) in ready.enumerated() {
            do throws(WorkspaceFile.Problem) {
                try folder.rename(file.temporary, to: file.output.format.fileName)
            } catch {
                for unrenamed in ready[index...] { folder.remove(unrenamed.temporary) }
                throw Self.cannotWrite(error, in: file.output.path)
            }
        }
        return ready.map(\.output)
    }

    /// The output folder, created when missing and held open. One inside
    /// the workspace (build/) must stay inside it once links are resolved;
    /// one named elsewhere is the user's choice.
    private func openOutputFolder(_ directory: String) throws(DiagnosticFailure) -> OpenFolder {
        let inWorkspace = WorkspaceFile.isInside(WorkspaceFile.absolute(directory), WorkspaceFile.absolute(checked.folder))
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), !isFolder.boolValue {
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot write output: \(directory) is a file, not a folder", at: SourceLocation(path: directory),
                    hint: "the output option names the folder the summary files are written into: name a folder, or a new name"))
        }
        do throws(WorkspaceFile.Problem) {
            return try OpenFolder.open(directory, inside: inWorkspace ? checked.folder : nil)
        } catch {
            let linked = error == .outside || error == .link
            throw DiagnosticFailure(
                .cannotCreate,
                .error(
                    "cannot write output: \(linked ? "the folder is a link to a place outside the workspace" : error.description)",
                    at: SourceLocation(path: directory),
                    hint: linked ? "remove the link (compile makes the folder), or write the outputs to a folder of your choice" : nil
                ))
        }
    }

    /// A rendered format in its temporary file, not yet renamed into place.
    private struct Staged: Sendable {
        var output: WrittenOutput
        var temporary: String
    }

    private func stage(_ format: Format, data: Data, in folder: OpenFolder) throws(DiagnosticFailure) -> Staged {
        let path = WorkspaceLayout.join(folder.path, format.fileName)
        let temporary: String
        do throws(WorkspaceFile.Problem) {
            temporary = try folder.writeTemporary(data, prefix: ".\(format.fileName).")
        } catch {
            throw Self.cannotWrite(error, in: folder.path)
        }
        return Staged(output: WrittenOutput(format: format, path: path, sha256: SHA256.hex(of: data)), temporary: temporary)
    }

    /// The PDF, converted in its temporary name in `folder` and hashed there.
    private func stagePDF(_ converter: PDFConverter, library: MustacheLibrary?, in folder: OpenFolder) throws(DiagnosticFailure) -> Staged {
        let temporary = try converter.convert(try renderDocx(library: library), in: folder)
        let path = WorkspaceLayout.join(folder.path, Format.pdf.fileName)
        guard case .success(let bytes) = folder.read(temporary, limit: 1 << 30) else {
            folder.remove(temporary)
            throw DiagnosticFailure(
                .cannotCreate, .error("cannot write output: LibreOffice's PDF cannot be read back", at: SourceLocation(path: path)))
        }
        return Staged(output: WrittenOutput(format: .pdf, path: path, sha256: SHA256.hex(of: bytes)), temporary: temporary)
    }

    private static func cannotWrite(_ error: WorkspaceFile.Problem, in directory: String) -> DiagnosticFailure {
        DiagnosticFailure(.cannotCreate, .error("cannot write output: \(error)", at: SourceLocation(path: directory)))
    }
}
