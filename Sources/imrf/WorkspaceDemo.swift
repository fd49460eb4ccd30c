import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import SummaryCompiler
import Tracker
import WorkingDays

/// The summary half of `imrf demo`: `init --example`, `check`, `compile`
/// (Markdown, HTML and Word, recorded in the ledger) and `status` on the day
/// after the forum ends, in a temporary folder, printing what each step did.
/// The folder is removed at the end, however the demo ends, unless `keep`.
enum WorkspaceDemo {
    static func run(edition: Edition = .second, keep: Bool = false) async throws(DiagnosticFailure) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("imrf-demo-\(UUID().uuidString.prefix(8).lowercased())").path
        defer {
            if !keep {
                try? FileManager.default.removeItem(atPath: folder)
                print("The example was in \(folder), now removed; 'imrf demo --keep' keeps it, to open its summary.html and summary.docx.")
            }
        }
        let files = try WorkspaceCreator.create(at: folder, edition: edition, example: true)
        print("")
        print("imrf init \(folder) --edition \(edition.rawValue) --example: \(files.count) files")
        let workspace = try Workspace.load(folder)
        print("imrf check: \(workspace.notes.count) notes, \(Diagnostic.summaryLine(workspace.diagnostics))")
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let templates = Summary.templatesDirectory(explicit: nil, executable: executable)
        let compilation: Compilation
        do {
            compilation = try await Compilation.run(workspace: folder, formats: [.md, .html, .docx], templates: templates)
        } catch {
            switch error {
            case .notesHaveErrors(let diagnostics): throw DiagnosticFailure(.badInput, diagnostics)
            case .failed(let failure): throw failure
            case .uploadFailed: preconditionFailure("the demo uploads nothing")
            case .pdfUnavailable: preconditionFailure("the demo makes no PDF")
            }
        }
        for output in compilation.outputs { print("imrf compile: wrote \(output.path)") }
        // The office's view the morning after the conclusion: summaries compiled, not yet distributed.
        let tracker = try Tracker.load(workspace: folder)
        let dayAfter = workspace.forum.end.adding(days: 1)
        do {
            let report = try StatusReport(
                tracker: tracker, evidence: try Evidence.gather(workspace: folder),
                now: tracker.clock.instant(dayAfter, TimeOfDay(hour: 9, minute: 0)!), warnDays: 3
            )
            print("imrf status --today \(dayAfter.iso)T09:00: \(report.line)")
        } catch {
            print("imrf status: \(error)")
        }
        if keep { print("Open \(folder)/build/summary.html in a browser, or summary.docx in Word or LibreOffice.") }
    }
}
