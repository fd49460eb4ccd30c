import Diagnostics
import Foundation
import IMRFTestSupport
import Ledger
import Storage
import SummaryCompiler
import Testing

@testable import ForumWorkspace

/// The notes store and `Compilation.run(changesSince:)`.
@Suite struct ChangesSinceTests {
    @Test func eachCompileKeepsItsNotesByHashAndListsThem() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let compilation = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil)
        guard case .compile(let record) = compilation.ledgerEntry?.event else {
            Issue.record("not recorded: \(compilation.recordingWarnings)")
            return
        }
        let notes = try #require(record.notes)
        #expect(notes.map(\.path) == compilation.workspace.notes.map { "notes/" + URL(fileURLWithPath: $0.path).lastPathComponent })
        for note in notes {
            let kept = try Data(contentsOf: URL(fileURLWithPath: KeptNotes.folder(workspace: workspace) + "/" + note.sha256))
            #expect(SHA256.hex(of: kept) == note.sha256)
            #expect(try Data(contentsOf: URL(fileURLWithPath: workspace + "/" + note.path)) == kept)
        }
    }

    /// The earlier build made again with the current notes at hand: each
    /// kept note unchanged since is taken from them, the others parsed; the
    /// summary is the one made from the kept notes alone.
    @Test func anEarlierBuildTakesItsUnchangedNotesFromTheCurrentOnes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        _ = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace + "/notes").filter { $0.hasSuffix(".md") }.sorted()
        let changed = workspace + "/notes/" + names[0]
        try (String(contentsOfFile: changed, encoding: .utf8) + "\nA sentence added since.\n").write(
            toFile: changed, atomically: true, encoding: .utf8)
        let current = try Workspace.load(workspace)
        let alone = try EarlierBuild.summary(.previous, workspace: workspace, forum: current.forum)
        let helped = try EarlierBuild.summary(.previous, workspace: workspace, forum: current.forum, current: current.checked)
        #expect(names.count > 2)
        #expect(helped.checked.notes == alone.checked.notes)
        #expect(helped.checked.notes.map(\.path) == current.notes.map(\.path))
        #expect(helped.checked.notes.filter(current.notes.contains).count == names.count - 1)
        #expect(helped.checked.images == alone.checked.images)
    }

    /// A build recorded before the notes were kept (no `notes` in its
    /// record) is refused, in words, as bad input.
    @Test func aBuildMadeBeforeNotesWereKeptIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let entry = try await LedgerRecording.recordCompile(outputs: [], workspace: workspace, draft: false)
        do {
            _ = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil, changesSince: .build(entry.id))
            Issue.record("compared with a build whose notes were not kept")
        } catch {
            guard case .failed(let failure) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.kind == .badInput)
            #expect(
                failure.diagnostics.map(\.message) == [
                    "build \(entry.id) was made before imrf kept the notes of each build; compare with a later build"
                ])
        }
        #expect(!FileManager.default.fileExists(atPath: workspace + "/build/summary.md"))
    }

    /// A note whose kept copy was lost or altered: the build cannot be made again.
    @Test func aDamagedKeptNoteIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workspace = try folder.newWorkspace(example: true)
        let first = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil)
        guard case .compile(let record) = first.ledgerEntry?.event, let note = record.notes?.first else {
            Issue.record("not recorded")
            return
        }
        try Data("altered".utf8).write(to: URL(fileURLWithPath: KeptNotes.folder(workspace: workspace) + "/" + note.sha256))
        do {
            _ = try await Compilation.run(workspace: workspace, formats: [.md], templates: nil, changesSince: .previous)
            Issue.record("compared with a damaged build")
        } catch {
            guard case .failed(let failure) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(failure.kind == .badInput)
            #expect(failure.diagnostics.first?.message.contains("the kept copy of \(note.path) is missing or damaged") == true)
        }
    }

    @Test func theChoiceIsANumberOrPrevious() {
        #expect(EarlierBuild.Choice("previous") == .previous)
        #expect(EarlierBuild.Choice("12") == .build(12))
        #expect(EarlierBuild.Choice("0") == nil)
        #expect(EarlierBuild.Choice("-3") == nil)
        #expect(EarlierBuild.Choice("last") == nil)
    }
}
