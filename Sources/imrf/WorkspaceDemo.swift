import Diagnostics
import Forum
import Foundation
import SummaryCompiler

/// The summary half of `imrf demo`: `init --example`, `check` and `compile`
/// in a temporary folder, printing what each step did.
enum WorkspaceDemo {
    static func run(edition: Edition = .second) async throws(DiagnosticFailure) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("imrf-demo-\(UUID().uuidString.prefix(8).lowercased())").path
        let files = try WorkspaceCreator.create(at: folder, edition: edition, example: true)
        print("")
        print("imrf init \(folder) --edition \(edition.rawValue) --example: \(files.count) files")
        let workspace = try Workspace.load(folder)
        print("imrf check: \(workspace.notes.count) notes, \(Workspace.summaryLine(workspace.diagnostics))")
        let summary = try Summary(workspace)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let templates = Summary.templatesDirectory(explicit: nil, executable: executable)
        let outputs = try await summary.renderFiles(formats: Summary.Format.textFormats, templates: templates)
        for path in try Summary.write(outputs, to: folder + "/build") { print("imrf compile: wrote \(path)") }
    }
}
