import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Ledger
import Storage
import SummaryCompiler

// The JSON shapes of the office's API (README, "The office's dashboard").
// Optional fields are written as null, as in the rapporteur's API.

/// A diagnostic of the workspace with the file it is in, relative to the
/// workspace (`notes/rt2.md`, `forum.yaml`, `notes`).
struct WorkspaceDiagnosticAnswer: Encodable, Sendable {
    var file: String?
    var severity: String
    var line: Int?
    var column: Int?
    var message: String
    var hint: String?

    init(_ diagnostic: Diagnostic, workspace: String) {
        file = diagnostic.location.map { WorkspaceDiagnosticAnswer.relative($0.path, to: workspace) }
        severity = diagnostic.severity.rawValue
        // A location without a line (a folder: "notes") has none, as `imrf check` prints it.
        line = diagnostic.location?.knownLine
        column = diagnostic.location?.knownColumn
        message = diagnostic.message
        hint = diagnostic.hint
    }

    /// `path` relative to the workspace folder when inside it; else its last component
    /// (the server's own folders are not shown).
    static func relative(_ path: String, to workspace: String) -> String {
        let root = workspace.hasSuffix("/") ? workspace : workspace + "/"
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        if path == workspace { return "." }
        if workspace == ".", !path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path).lastPathComponent
    }

    enum CodingKeys: String, CodingKey { case file, severity, line, column, message, hint }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(severity, forKey: .severity)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
    }
}

/// `imrf check` of the whole workspace: the counts and every diagnostic;
/// also a refused compile's answer (422).
struct WorkspaceCheckAnswer: Encodable, Sendable {
    var errors: Int
    var warnings: Int
    var diagnostics: [WorkspaceDiagnosticAnswer]

    init(_ diagnostics: [Diagnostic], workspace: String) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.diagnostics = diagnostics.map { WorkspaceDiagnosticAnswer($0, workspace: workspace) }
    }
}

/// `GET /api/notes` for the office: each session with its notes, what is
/// missing, and `imrf check`'s diagnostics.
struct NotesOverview: Encodable, Sendable {
    struct NoteAnswer: Encodable, Sendable {
        /// The file in notes/ (`rt2-jane-doe.md`).
        var file: String
        var title: String?
        var author: String?
        var role: String?
        var language: String
        var objectives: [Int]
        /// The first submission of the file, from the ledger; nil for a
        /// note put in notes/ by hand.
        var received: Date?
        /// The versions submitted; 0 for a note put there by hand.
        var versions: Int
        /// Ledger entry of the latest version, for its page.
        var latestEntry: Int64?
        /// Errors and warnings `imrf check` finds in it.
        var errors: Int
        var warnings: Int

        enum CodingKeys: String, CodingKey {
            case file, title, author, role, language, objectives, received, versions, latestEntry, errors, warnings
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(title, forKey: .title)
            try container.encode(author, forKey: .author)
            try container.encode(role, forKey: .role)
            try container.encode(language, forKey: .language)
            try container.encode(objectives, forKey: .objectives)
            try container.encode(received, forKey: .received)
            try container.encode(versions, forKey: .versions)
            try container.encode(latestEntry, forKey: .latestEntry)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    struct SessionNotes: Encodable, Sendable {
        var session: String
        var title: String
        var notes: [NoteAnswer]
        /// No usable note for the session.
        var missing: Bool
    }

    var sessions: [SessionNotes]
    /// Note files that do not parse (their errors are in `check`).
    var unreadable: [String]
    var objectivesNotAddressed: [Int]
    var check: WorkspaceCheckAnswer

    init(_ workspace: Workspace, histories: [NoteHistory]) {
        let root = workspace.path
        var perFile: [String: (errors: Int, warnings: Int)] = [:]
        for diagnostic in workspace.diagnostics {
            guard let path = diagnostic.location?.path else { continue }
            let name = URL(fileURLWithPath: path).lastPathComponent
            var counts = perFile[name] ?? (0, 0)
            if diagnostic.severity == .error { counts.errors += 1 }
            if diagnostic.severity == .warning { counts.warnings += 1 }
            perFile[name] = counts
        }
        let read = Set(workspace.notes.map { URL(fileURLWithPath: $0.path).lastPathComponent })
        sessions = Session.allCases.map { session in
            let notes = workspace.notes.filter { $0.session == session }.map { note -> NoteAnswer in
                let file = URL(fileURLWithPath: note.path).lastPathComponent
                let history = histories.first { $0.path == WorkspaceLayout.recordedNotePath(file) }
                let counts = perFile[file] ?? (0, 0)
                return NoteAnswer(
                    file: file, title: note.title, author: note.author, role: note.role, language: note.language, objectives: note.objectives,
                    received: history?.versions.first?.at, versions: history?.versions.count ?? 0,
                    latestEntry: history?.versions.last?.ledgerEntry, errors: counts.errors, warnings: counts.warnings)
            }
            return SessionNotes(session: session.rawValue, title: session.displayName, notes: notes, missing: notes.isEmpty)
        }
        unreadable = workspace.layout.noteFileNames().filter { !read.contains($0) }
        let addressed = Set(workspace.notes.flatMap(\.objectives))
        objectivesNotAddressed = Objective.numbers.filter { !addressed.contains($0) }
        check = WorkspaceCheckAnswer(workspace.diagnostics, workspace: root)
    }
}

/// One file of a build.
struct OutputAnswer: Encodable, Sendable {
    /// The file's name, as `GET /api/summary/FILE` takes it.
    var file: String
    /// Where it is, relative to the workspace (absolute when outside it).
    var path: String
    var sha256: String

    init(_ output: CompiledOutput) {
        file = URL(fileURLWithPath: output.path).lastPathComponent
        path = output.path
        sha256 = output.sha256
    }
}

/// A compile recorded in the ledger (`GET /api/builds`).
struct BuildAnswer: Encodable, Sendable {
    var entry: Int64
    var at: Date
    var by: String?
    var draft: Bool
    var outputs: [OutputAnswer]

    enum CodingKeys: String, CodingKey { case entry, at, by, draft, outputs }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry, forKey: .entry)
        try container.encode(at, forKey: .at)
        try container.encode(by, forKey: .by)
        try container.encode(draft, forKey: .draft)
        try container.encode(outputs, forKey: .outputs)
    }
}

/// `POST /api/compile`, 200: what `imrf compile --json` prints.
struct CompileAnswer: Encodable, Sendable {
    var outputs: [OutputAnswer]
    var ledgerEntry: Int64?
    var draft: Bool
    var warnings: [WorkspaceDiagnosticAnswer]

    init(_ compilation: Compilation, draft: Bool, workspace: String) {
        let recorded = compilation.ledgerEntry.flatMap { entry -> CompileRecord? in
            if case .compile(let record) = entry.event { return record }
            return nil
        }
        outputs =
            recorded?.outputs.map(OutputAnswer.init)
            ?? compilation.outputs.map {
                OutputAnswer(CompiledOutput(path: WorkspaceDiagnosticAnswer.relative($0.path, to: workspace), sha256: $0.sha256))
            }
        ledgerEntry = compilation.ledgerEntry?.id
        self.draft = draft
        warnings = (compilation.workspace.diagnostics + compilation.recordingWarnings).map { WorkspaceDiagnosticAnswer($0, workspace: workspace) }
    }

    enum CodingKeys: String, CodingKey { case outputs, ledgerEntry, draft, warnings }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outputs, forKey: .outputs)
        try container.encode(ledgerEntry, forKey: .ledgerEntry)
        try container.encode(draft, forKey: .draft)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// `GET /api/notes` for the office: every note's versions (`notes`, as a
/// rapporteur gets their own) and the workspace's overview beside them.
struct OfficeNotesAnswer: Encodable, Sendable {
    var notes: [NoteHistory]
    var overview: NotesOverview

    enum CodingKeys: String, CodingKey { case notes, sessions, unreadable, objectivesNotAddressed, check }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notes, forKey: .notes)
        try container.encode(overview.sessions, forKey: .sessions)
        try container.encode(overview.unreadable, forKey: .unreadable)
        try container.encode(overview.objectivesNotAddressed, forKey: .objectivesNotAddressed)
        try container.encode(overview.check, forKey: .check)
    }
}
