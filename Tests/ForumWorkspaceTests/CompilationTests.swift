import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Ledger
import Storage
import SummaryCompiler
import Testing
import Upload

@testable import ForumWorkspace

/// `Compilation.run`: what `imrf compile` and the office's dashboard call.
@Suite struct CompilationTests {
    @Test func theOutputsAreWrittenHashedAndRecorded() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let compilation = try await Compilation.run(workspace: workspace, formats: [.docx, .md], templates: nil)
        #expect(compilation.outputs.map(\.path) == [workspace + "/build/summary.md", workspace + "/build/summary.docx"])
        for output in compilation.outputs {
            #expect(output.sha256 == SHA256.hex(ofFileAtPath: output.path))
        }
        #expect(compilation.recordingWarnings.isEmpty)
        #expect(compilation.workspace.diagnostics.isEmpty)
        let entries = try await Ledger.entriesIfPresent(workspace: URL(fileURLWithPath: workspace))
        #expect(entries.map(\.id) == [try #require(compilation.ledgerEntry).id])
        guard case .compile(let record) = entries.first?.event else {
            Issue.record("not a compile: \(entries)")
            return
        }
        #expect(record.outputs.map(\.path) == ["build/summary.md", "build/summary.docx"])
        #expect(record.outputs.map(\.sha256) == compilation.outputs.map(\.sha256))
        #expect(!record.draft)
    }

    /// A workspace with an error: every diagnostic back, nothing written,
    /// and no ledger created.
    @Test func notesWithAnErrorWriteNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        try FileManager.default.removeItem(atPath: workspace + "/notes/plenary.md")
        do {
            _ = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil)
            Issue.record("compiled a workspace with an error")
        } catch {
            guard case .notesHaveErrors(let diagnostics) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(diagnostics.filter { $0.severity == .error }.map(\.message) == ["session 'plenary' has no note"])
        }
        #expect(!FileManager.default.fileExists(atPath: workspace + "/build"))
        #expect(!FileManager.default.fileExists(atPath: workspace + "/.imrf"))

        let draft = try await Compilation.run(workspace: workspace, formats: [.md], draft: true, templates: nil)
        #expect(draft.workspace.diagnostics.map(\.severity) == [.warning])
        guard case .compile(let record) = draft.ledgerEntry?.event else {
            Issue.record("not recorded")
            return
        }
        #expect(record.draft)
    }

    @Test func aMissingForumFileIsAFailureNamingIt() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url.appendingPathComponent("nowhere").path
        do {
            _ = try await Compilation.run(workspace: folder, formats: [.md], templates: nil)
            Issue.record("compiled without a forum.yaml")
        } catch {
            guard case .failed(let failure) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.diagnostics.first?.location?.path == folder + "/forum.yaml")
        }
    }

    /// Each output uploaded under its file name and each upload recorded;
    /// a refused upload stops there, with what was done before it.
    @Test func outputsAreUploadedAndRecordedAndAFailureKeepsWhatWasDone() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let server = try UploadServer()
        defer { server.stop() }
        let request = UploadRequest(file: "", endpoint: server.url("/folder/"), initialBackoff: 0.01)
        let compilation = try await Compilation.run(workspace: workspace, formats: [.md, .html], templates: nil, upload: request)
        #expect(compilation.publications.map(\.file) == compilation.outputs.map(\.path))
        #expect(compilation.publications.map(\.receipt.sha256) == compilation.outputs.map(\.sha256))
        #expect(try server.state().documents.compactMap(\.path) == ["/folder/summary.md", "/folder/summary.html"])
        let kinds = try await Ledger.entriesIfPresent(workspace: URL(fileURLWithPath: workspace)).map(\.event.kind)
        #expect(kinds == ["compile", "upload", "upload"])

        let refused = UploadRequest(file: "", endpoint: server.url("/auth401"), initialBackoff: 0.01)
        do {
            _ = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil, upload: refused)
            Issue.record("an upload refused with 401 succeeded")
        } catch {
            guard case .uploadFailed(let failure, let partial) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.kind == .permission)
            #expect(partial.outputs.count == 1)
            #expect(partial.publications.isEmpty)
            #expect(partial.ledgerEntry != nil)
        }
    }
}
