public import Diagnostics
public import Forum
import Foundation
import Ledger
import Storage
public import SummaryCompiler

/// A build the ledger records, made again from the notes it used (kept in
/// the notes store, `KeptNotes`) with the current forum.yaml: what the
/// changes document compares the summary with. What matters is the notes'
/// text; a note that no longer checks against the forum is left out.
public enum EarlierBuild {
    /// Which build: a compile's ledger entry number, as `imrf log` shows
    /// it, or the latest final (not draft) compile.
    public enum Choice: Sendable, Equatable {
        case build(Int64)
        case previous

        /// `previous`, or a number above 0; nil for anything else.
        public init?(_ text: String) {
            if text == "previous" {
                self = .previous
            } else if let number = Int64(text), number > 0 {
                self = .build(number)
            } else {
                return nil
            }
        }
    }

    /// The summary of the build `choice` names.
    /// - Parameter current: the notes as they are now, checked against the
    ///   same forum: a kept note with the same path and bytes as one of them
    ///   is taken from them rather than parsed again (most of a build's
    ///   notes are unchanged in the next).
    public static func summary(
        _ choice: Choice, workspace: String, forum: Forum, current: CheckedNotes? = nil
    ) throws(DiagnosticFailure) -> Summary {
        let (number, record) = try compileRecord(choice, workspace: workspace)
        guard let notes = record.notes else {
            throw refused(
                "build \(number) was made before imrf kept the notes of each build; compare with a later build", workspace: workspace)
        }
        let files = try KeptNotes.read(notes, build: number, workspace: workspace)
        var unchanged: [String: Note] = [:]
        for note in current?.notes ?? [] { unchanged[note.path] = note }
        let reused = files.map { file in unchanged[file.path].flatMap { $0.source == file.bytes ? $0 : nil } }
        var checked = CheckedNotes.check(noteFiles: zip(files, reused).filter { $1 == nil }.map(\.0), forum: forum, folder: workspace)
        let broken = Set(checked.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.path })
        var parsed: [String: Note] = [:]
        for note in checked.notes where !broken.contains(note.path) { parsed[note.path] = note }
        // In the build's order; a reused note's pictures are the current ones.
        checked.notes = zip(files, reused).compactMap { file, note in note ?? parsed[file.path] }
        if let current { checked.images.merge(current.images) { kept, _ in kept } }
        checked.diagnostics = []
        return try Summary(checked)
    }

    /// The ledger's compile record `choice` names, with its number.
    static func compileRecord(_ choice: Choice, workspace: String) throws(DiagnosticFailure) -> (Int64, CompileRecord) {
        let compiles: [LedgerEntry]
        do {
            compiles = try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url, kinds: [CompileRecord.kindName])
        } catch {
            let reason = (error as? any DiagnosticError)?.diagnostics.first?.message ?? String(describing: error)
            throw refused("cannot read the ledger to find the earlier build: \(reason)", workspace: workspace)
        }
        switch choice {
        case .previous:
            for entry in compiles.reversed() {
                if case .compile(let record) = entry.event, !record.draft { return (entry.id, record) }
            }
            throw refused(
                compiles.isEmpty
                    ? "there is no earlier build to compare with: this workspace has not been compiled before"
                    : "there is no earlier final build to compare with: every build so far was a draft",
                workspace: workspace, hint: "compile once without revision marks (--changes-since); later compiles can show the changes since it")
        case .build(let number):
            guard let entry = compiles.first(where: { $0.id == number }) else {
                let other = try? Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url).first { $0.id == number }
                throw refused(
                    other.map { "ledger entry \(number) is a '\($0.event.kind)' entry, not a build" } ?? "there is no build \(number) in the ledger",
                    workspace: workspace)
            }
            guard case .compile(let record) = entry.event else { throw refused("there is no build \(number) in the ledger", workspace: workspace) }
            guard !record.draft else {
                throw refused("build \(number) was a draft; compare with a final build", workspace: workspace)
            }
            return (number, record)
        }
    }

    private static func refused(
        _ message: String, workspace: String,
        hint: String = "`imrf log --kind compile`, or the office's summary page, lists the builds with their numbers"
    ) -> DiagnosticFailure {
        DiagnosticFailure(.badInput, .error(message, at: SourceLocation(path: WorkspaceLayout(workspace).ledgerFile), hint: hint))
    }
}
