import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import SummaryCompiler

// The JSON shapes of the API (README, "The web service"). Optional fields
// are written as null rather than left out, so a script sees every key.

/// `GET /api/me`.
struct SessionsAnswer: Encodable, Sendable {
    var name: String
    var role: String
    var timeZone: String
    var sessions: [SessionAnswer]
}

struct SessionAnswer: Encodable, Sendable {
    var session: String
    var title: String
    /// The objectives a note for this session may name: the round table's, else all.
    var objectives: [Int]
    var deadline: DeadlineAnswer?

    init(session: Session, forum: Forum?, deadline: DeadlineAnswer?) {
        self.session = session.rawValue
        title = session.displayName
        if let number = session.roundTableNumber, let table = forum?.roundTable(number) {
            objectives = table.objectives
        } else {
            objectives = Array(Objective.numbers)
        }
        self.deadline = deadline
    }

    enum CodingKeys: String, CodingKey { case session, title, objectives, deadline }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(title, forKey: .title)
        try container.encode(objectives, forKey: .objectives)
        try container.encode(deadline, forKey: .deadline)
    }
}

struct DeadlineAnswer: Encodable, Sendable {
    var deliverable: String
    var title: String
    /// `2026-05-22` or `2026-05-05T10:00`, in the forum's zone.
    var due: String
    /// The instant it passes.
    var dueAt: Date
    /// `Fri 22 May 2026`, for the page.
    var dueText: String
    var workingDaysLeft: Int?
    var overdue: Bool
    var state: String

    enum CodingKeys: String, CodingKey { case deliverable, title, due, dueAt, workingDaysLeft, overdue, state }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deliverable, forKey: .deliverable)
        try container.encode(title, forKey: .title)
        try container.encode(due, forKey: .due)
        try container.encode(dueAt, forKey: .dueAt)
        try container.encode(workingDaysLeft, forKey: .workingDaysLeft)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(state, forKey: .state)
    }
}

/// `POST /api/check` (and a refused `POST /api/notes`).
struct CheckAnswer: Encodable, Sendable {
    var errors: Int
    var warnings: Int
    var diagnostics: [DiagnosticAnswer]

    init(_ diagnostics: [Diagnostic]) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.diagnostics = diagnostics.map(DiagnosticAnswer.init)
    }

    /// A picture the page cannot take: the web form sends text only.
    static let pictureHint =
        "this page cannot send pictures: remove the line, or send the picture to the office"
        + " and ask them to put it in the workspace's notes/figures/ folder before you submit"
}

struct DiagnosticAnswer: Encodable, Sendable {
    var severity: String
    var line: Int?
    var column: Int?
    var message: String
    var hint: String?

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        // A location without a line (the notes folder) has none: null, not 0.
        line = diagnostic.location?.knownLine
        column = diagnostic.location?.knownColumn
        message = diagnostic.message
        hint = diagnostic.code == CheckedNotes.pictureNotFoundCode ? CheckAnswer.pictureHint : diagnostic.hint
    }

    enum CodingKeys: String, CodingKey { case severity, line, column, message, hint }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
    }
}

/// `POST /api/notes`: the receipt.
struct SubmitAnswer: Encodable, Sendable {
    var receipt: SubmissionReceipt
    var version: Int
    /// The note's warnings (for a Word file, what could not be kept from it first).
    var warnings: [DiagnosticAnswer] = []

    var isNew: Bool { receipt.outcome != .alreadySubmitted }

    enum CodingKeys: String, CodingKey { case path, sha256, at, version, outcome, session, ledgerEntry, warnings }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(receipt.path, forKey: .path)
        try container.encode(receipt.sha256, forKey: .sha256)
        try container.encode(receipt.at, forKey: .at)
        try container.encode(version, forKey: .version)
        try container.encode(receipt.outcome.rawValue, forKey: .outcome)
        try container.encode(receipt.session, forKey: .session)
        try container.encode(receipt.ledgerEntry, forKey: .ledgerEntry)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// `GET /api/notes`: one stored note and its versions.
struct NoteHistory: Encodable, Sendable {
    var session: String
    var author: String
    var path: String
    var versions: [VersionAnswer]
}

struct VersionAnswer: Encodable, Sendable {
    var version: Int
    var sha256: String
    var at: Date
    var ledgerEntry: Int64
}
