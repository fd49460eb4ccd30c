public import Diagnostics
import Foundation
import Ledger
import Mustache

extension Summary {
    /// Renders every format and writes it into `directory`.
    ///
    /// Each format is rendered, written to a temporary file beside its
    /// output and hashed in a task of its own, as soon as it is ready (the
    /// Markdown is on disk while the HTML is still being rendered); once
    /// every format is, the temporary files are renamed into place, all at
    /// once. A format that fails leaves every previous output as it
    /// was and no temporary file behind, and a reader never sees half a file.
    /// - Parameter templates: a folder of templates; nil for the built-in ones.
    /// - Returns: the files written, in `Format` order.
    public func compile(formats: [Format], templates: String?, into directory: String) async throws(DiagnosticFailure) -> [WrittenOutput] {
        let wanted = Format.allCases.filter(formats.contains)
        let library = wanted.contains(where: \.isText) ? try await Self.library(templates: templates, formats: wanted) : nil
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Self.cannotWrite(error, in: directory)
        }
        let ahead = htmlNotesRenderedAhead(wanted)
        let staged = await Self.inTasks(wanted) { format throws(DiagnosticFailure) in
            try stage(format, library: library, notes: format == .html ? ahead : nil, in: directory)
        }
        let ready = staged.compactMap { try? $0.result.get() }
        for case (_, .failure(let failure)) in staged {  // the first in format order
            for file in ready { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw failure
        }
        // A folder where an output goes would stop its rename after the
        // others had replaced theirs: refused before any is.
        if let blocked = ready.first(where: { Self.isDirectory($0.output.path) }) {
            for file in ready { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw DiagnosticFailure(.cannotCreate, .error(
                "cannot write output: a folder is in the way", at: SourceLocation(path: blocked.output.path),
                hint: "move or rename that folder, then compile again"
            ))
        }
        // Renamed at once: replacing an output frees the previous one's
        // blocks, about 2 ms for a large summary, each on its own core.
        let failed = ready.concurrentMap { rename($0.temporary, $0.output.path) != 0 }
        if let index = failed.firstIndex(of: true) {
            let error = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: ready[index].output.path])
            for (file, failed) in zip(ready, failed) where failed { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw Self.cannotWrite(error, in: directory)
        }
        return ready.map(\.output)
    }

    /// A rendered format in its temporary file, not yet renamed into place.
    private struct Staged: Sendable {
        var output: WrittenOutput
        var temporary: String
    }

    private func stage(_ format: Format, library: MustacheLibrary?, notes: [RenderedNote]?, in directory: String) throws(DiagnosticFailure) -> Staged {
        let data = try renderBytes(format, library: library, notes: notes)
        let path = Workspace.join(directory, format.fileName)
        let temporary = Workspace.join(directory, ".\(format.fileName).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Self.cannotWrite(error, in: directory)
        }
        return Staged(output: WrittenOutput(format: format, path: path, sha256: SHA256.hex(of: data)), temporary: temporary)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func cannotWrite(_ error: any Error, in directory: String) -> DiagnosticFailure {
        DiagnosticFailure(.cannotCreate, .error("cannot write output: \(error.localizedDescription)", at: SourceLocation(path: directory)))
    }
}
