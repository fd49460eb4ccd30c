public import Diagnostics
public import Forum
import Foundation
public import Storage
public import SummaryCompiler

/// A workspace folder: forum.yaml and notes/*.md, loaded and checked; where
/// submissions are stored, outputs written and the ledger kept
/// (`WorkspaceLayout`).
public struct Workspace: Sendable {
    public var layout: WorkspaceLayout
    /// The notes checked against the forum, with every diagnostic of the
    /// workspace (forum.yaml's warnings and sessions without notes included).
    public var checked: CheckedNotes

    /// The folder as the user gave it ("." when none).
    public var path: String { layout.root }
    public var forum: Forum { checked.forum }
    /// Usable notes, in file-name order.
    public var notes: [Note] { checked.notes }
    /// Everything found wrong or suspicious, sorted by file and line.
    public var diagnostics: [Diagnostic] {
        get { checked.diagnostics }
        set { checked.diagnostics = newValue }
    }
    public var errorCount: Int { checked.errorCount }
    public var warningCount: Int { checked.warningCount }

    /// The code of the error for a session without a note (not a draft).
    public static let sessionWithoutNoteCode: Diagnostic.Code = "workspace.sessionWithoutNote"

    /// Loads and checks a workspace. Fails only when forum.yaml cannot be
    /// read; problems with notes are collected in `diagnostics`.
    /// - Parameter draft: a session without notes is a warning, not an error.
    public static func load(_ path: String, draft: Bool = false) throws(DiagnosticFailure) -> Workspace {
        let layout = WorkspaceLayout(path)
        var forumWarnings: [Diagnostic] = []
        let forum = try Forum.load(contentsOf: layout.forumFile, warnings: &forumWarnings, schedule: true)
        let notesPath = layout.notesFolder
        var checked = CheckedNotes.check(notePaths: layout.noteFileNames().map(layout.note), forum: forum, folder: path)
        let leftOut = draft ? leaveOutBrokenNotes(&checked) : []
        checked.diagnostics += forumWarnings
        if let length = checked.wordLimitWarning() { checked.diagnostics.append(length) }
        for (name, hint) in layout.ignoredNoteLookalikes() {
            let what = name.hasSuffix("/") ? "a folder of notes that are not read" : "not read as a note"
            checked.diagnostics.append(.warning(what, at: SourceLocation(path: WorkspaceLayout.join(notesPath, name)), hint: hint))
        }
        let present = Set(checked.notes.map(\.session))
        for session in Session.allCases where !present.contains(session) {
            if leftOut.contains(session) {
                checked.diagnostics.append(
                    .warning(
                        "session '\(session.rawValue)' has no note in the draft: its note has errors and is left out",
                        at: SourceLocation(path: notesPath)))
                continue
            }
            checked.diagnostics.append(
                Diagnostic(
                    draft ? .warning : .error, "session '\(session.rawValue)' has no note",
                    at: SourceLocation(path: notesPath),
                    hint: draft ? nil : "add a note with 'session: \(session.rawValue)', or compile a draft",
                    code: draft ? nil : Self.sessionWithoutNoteCode
                ))
        }
        let addressed = Set(checked.notes.flatMap(\.objectives))
        let missing = Objective.numbers.filter { !addressed.contains($0) }
        if !missing.isEmpty {
            checked.diagnostics.append(
                .warning(
                    "no note addresses objective\(missing.count == 1 ? "" : "s") " + missing.map(String.init).joined(separator: ", "),
                    at: SourceLocation(path: notesPath)
                ))
        }
        checked.diagnostics.sortByLocation()
        return Workspace(layout: layout, checked: checked)
    }

    /// A draft is made of the notes without errors: one broken or
    /// unfinished note does not hold up everyone's draft. Each note left out
    /// is said, its errors kept as warnings (the final compile refuses them).
    /// - Returns: the sessions of the notes left out.
    static func leaveOutBrokenNotes(_ checked: inout CheckedNotes) -> Set<Session> {
        checked.isDraft = true
        let broken = Set(checked.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.path })
        guard !broken.isEmpty else { return [] }
        let sessions = Set(checked.notes.filter { broken.contains($0.path) }.map(\.session))
        checked.notes.removeAll { broken.contains($0.path) }
        checked.diagnostics = checked.diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, let path = diagnostic.location?.path, broken.contains(path) else { return diagnostic }
            var kept = diagnostic
            kept.severity = .warning
            return kept
        }
        for path in broken.sorted() {
            checked.diagnostics.append(
                .warning(
                    "left out of the draft: this note has errors", at: SourceLocation(path: path),
                    hint: "correct its errors, listed here, for the final compile, which takes every note"))
        }
        return sessions
    }

    /// The forum.yaml of the workspace a note is in: the nearest one in the
    /// note's folder or above it; nil when there is none.
    public static func forumPath(near notePath: String) -> String? {
        let start = URL(fileURLWithPath: notePath).deletingLastPathComponent()
        let folder = FolderFinder.nearest(from: start, levels: 32) {
            FolderFinder.exists($0.appendingPathComponent(WorkspaceLayout.forumFileName))
        }
        return folder.map { $0.appendingPathComponent(WorkspaceLayout.forumFileName).path }
    }

    /// `imrf check`'s input: the workspace at `paths[0]` when it names a
    /// folder (`workspace`, else the current folder, when `paths` is empty),
    /// else note files checked against the forum.yaml of `workspace`, or of
    /// the workspace they are in (found by walking up), or, outside any
    /// workspace, against the round tables' published clustering, which is
    /// the same in every edition.
    /// A workspace's check also reads forum.yaml's reference Word document,
    /// which only a .docx compile needs: a missing or damaged one is an
    /// error now rather than when the summary is due.
    public static func check(paths: [String], draft: Bool, workspace: String? = nil) throws(DiagnosticFailure) -> CheckedNotes {
        if paths.isEmpty || (paths.count == 1 && !paths[0].hasSuffix(".md")) {
            let folder = paths.first ?? workspace ?? "."
            var checked = try load(folder, draft: draft).checked
            do {
                _ = try Compilation.reference(nil, forum: checked.forum, workspace: folder)
            } catch {
                checked.diagnostics += error.diagnostics
            }
            return checked
        }
        if let workspace {
            let forum = try Forum.load(contentsOf: WorkspaceLayout(workspace).forumFile)
            return CheckedNotes.check(notePaths: paths, forum: forum, folder: workspace)
        }
        guard let forumPath = forumPath(near: paths[0]) else {
            let folder = URL(fileURLWithPath: paths[0]).deletingLastPathComponent().path
            var checked = CheckedNotes.check(notePaths: paths, forum: Edition.second.forum, folder: folder)
            checked.diagnostics.append(.note("no forum.yaml found above \(paths[0]); checked against the indicative round-table clustering"))
            return checked
        }
        let forum = try Forum.load(contentsOf: forumPath)
        return CheckedNotes.check(notePaths: paths, forum: forum, folder: URL(fileURLWithPath: forumPath).deletingLastPathComponent().path)
    }
}

extension Summary {
    /// The summary of a loaded workspace; fails with its diagnostics when
    /// there is any error.
    public init(_ workspace: Workspace) throws(DiagnosticFailure) {
        try self.init(workspace.checked)
    }
}
