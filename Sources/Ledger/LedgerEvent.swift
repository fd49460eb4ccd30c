/// What a ledger entry records.
///
/// Each case's record is stored as JSON under the case's `kind`
/// (`LedgerEvent+Coding.swift`).
public enum LedgerEvent: Sendable, Hashable {
    case submission(NoteSubmission)
    case compile(CompileRecord)
    case upload(UploadRecord)
    case distribution(DistributionRecord)
    case invitation(InvitationRecord)
    case revocation(RevocationRecord)
    case signIn(SignInRecord)
    case reminder(ReminderRecord)
    case closure(ClosureRecord)
    case deadlines(DeadlinesRecord)
    case withdrawal(WithdrawalRecord)
}

/// A stored note withdrawn by the office (`imrf mark withdrawn`, or moved to
/// another session): its file is moved to `notes/.history/`, and its
/// submissions no longer count for its session.
public struct WithdrawalRecord: Sendable, Hashable, Codable {
    /// The note as it was stored, relative to the workspace (`notes/...`).
    public var path: String
    /// The session its front matter named.
    public var session: String
    public var sha256: String
    /// Where its text is kept (`notes/.history/...`).
    public var kept: String
    public var reason: String?
    /// Who withdrew it, when known (the office's person on the web).
    public var by: String?

    public init(path: String, session: String, sha256: String, kept: String, reason: String?, by: String? = nil) {
        self.path = path
        self.session = session
        self.sha256 = sha256
        self.kept = kept
        self.reason = reason
        self.by = by
    }
}

/// The deliverables' due dates as a compile or a distribution found them,
/// with the calendar they were counted in: a later change of the calendar
/// (a circular imported, a closure) that moves one is then seen and said
/// (`imrf status -v`, `imrf log`). Recorded only when something changed.
public struct DeadlinesRecord: Sendable, Hashable, Codable {
    /// The calendar's name (`un-new-york`).
    public var calendar: String
    /// SHA-256 of the calendar's file, and of its closures file when there is one.
    public var calendarSHA256: String
    /// Each deliverable's due date, `YYYY-MM-DD`, by id.
    public var due: [String: String]
    /// The due dates that differ from the previous record's, by id: the date before.
    public var movedFrom: [String: String]

    public init(calendar: String, calendarSHA256: String, due: [String: String], movedFrom: [String: String] = [:]) {
        self.calendar = calendar
        self.calendarSHA256 = calendarSHA256
        self.due = due
        self.movedFrom = movedFrom
    }
}

/// The workspace closed once the forum's work is over, so that cron stops
/// alerting (`imrf mark closed`), or opened again (`imrf mark reopened`).
public struct ClosureRecord: Sendable, Hashable, Codable {
    /// True: closed; false: reopened.
    public var closed: Bool
    public var reason: String?
    /// Who did it, when known (the office's person on the web).
    public var by: String?

    public init(closed: Bool, reason: String?, by: String? = nil) {
        self.closed = closed
        self.reason = reason
        self.by = by
    }
}

/// A rapporteur's note accepted by `imrf submit`.
public struct NoteSubmission: Sendable, Hashable, Codable {
    /// The session the note is for (`hearing`, `round-table-1`, ...).
    public var session: String
    public var author: String
    /// The stored note, relative to the workspace (`notes/...`).
    public var path: String
    /// SHA-256 of the stored bytes, lowercase hex.
    public var sha256: String

    public init(session: String, author: String, path: String, sha256: String) {
        self.session = session
        self.author = author
        self.path = path
        self.sha256 = sha256
    }
}

/// One file written by `imrf compile`.
public struct CompiledOutput: Sendable, Hashable, Codable {
    /// Relative to the workspace when inside it, else absolute.
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// A successful `imrf compile`.
public struct CompileRecord: Sendable, Hashable, Codable {
    public var outputs: [CompiledOutput]
    /// A draft compile (`--draft`) does not make the summaries "compiled".
    public var draft: Bool
    /// Who compiled it, when known (the office's person on the web).
    public var by: String?
    /// The notes it was made of, each kept by its SHA-256 in the
    /// workspace's notes store (`.imrf/notes/`), so that the build can be
    /// made again and compared (`imrf compile --changes-since`); nil in a
    /// record written before imrf kept them.
    public var notes: [CompiledNote]?

    public init(outputs: [CompiledOutput], draft: Bool, by: String? = nil, notes: [CompiledNote]? = nil) {
        self.outputs = outputs
        self.draft = draft
        self.by = by
        self.notes = notes
    }
}

/// A note a compile used: its path (relative to the workspace) and the
/// SHA-256 of its bytes, under which the notes store keeps them.
public struct CompiledNote: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// The receipt of a successful upload.
public struct UploadRecord: Sendable, Hashable, Codable {
    public var file: String
    /// The endpoint without any credentials or query string.
    public var endpoint: String
    /// Where the document now lives (the `Location` header, or the URL).
    public var location: String?
    public var httpStatus: Int
    public var bytes: Int64
    public var sha256: String
    public var attempts: Int

    public init(
        file: String, endpoint: String, location: String?, httpStatus: Int,
        bytes: Int64, sha256: String, attempts: Int
    ) {
        self.file = file
        self.endpoint = endpoint
        self.location = location
        self.httpStatus = httpStatus
        self.bytes = bytes
        self.sha256 = sha256
        self.attempts = attempts
    }
}

/// A deliverable marked as distributed (`imrf mark distributed`).
public struct DistributionRecord: Sendable, Hashable, Codable {
    /// The deliverable's id in forum.yaml (`pga-summaries`, ...).
    public var deliverable: String
    /// The document symbol or other reference, if given.
    public var reference: String?
    /// Who marked it, when known (the office's person on the web).
    public var by: String?
    /// True for the undoing of a distribution marked by mistake (`imrf mark
    /// undistributed`): the deliverable is then not distributed. Absent otherwise.
    public var undone: Bool?
    /// Why it was undone.
    public var reason: String?

    public init(deliverable: String, reference: String?, by: String? = nil, undone: Bool? = nil, reason: String? = nil) {
        self.deliverable = deliverable
        self.reference = reference
        self.by = by
        self.undone = undone
        self.reason = reason
    }

    public var isUndone: Bool { undone == true }
}

/// A reminder e-mail the mail server accepted (`imrf remind`): written only
/// after the server's reply, so a message not recorded is sent again at the
/// next run and a recorded one never is.
public struct ReminderRecord: Sendable, Hashable, Codable {
    /// The deliverable it reminds of (`round-table-summaries`, ...).
    public var deliverable: String
    /// Working days before the due date (negative: after it).
    public var stage: Int
    /// The address it went to.
    public var recipient: String
    /// The person, or nil for the office's digest.
    public var name: String?
    /// The invitation that named the person; nil for the digest.
    public var invitation: String?
    /// The sessions whose notes it asked for.
    public var sessions: [String]
    /// `<...@domain>`, as in the message's header.
    public var messageID: String
    /// The server's reply to the message (`250 2.0.0 Ok: queued as 4F2A1`).
    public var reply: String

    public init(
        deliverable: String, stage: Int, recipient: String, name: String?, invitation: String?, sessions: [String], messageID: String,
        reply: String
    ) {
        self.deliverable = deliverable
        self.stage = stage
        self.recipient = recipient
        self.name = name
        self.invitation = invitation
        self.sessions = sessions
        self.messageID = messageID
        self.reply = reply
    }

    /// The digest to the office rather than a message to a person.
    public var isDigest: Bool { invitation == nil }
}

extension ReminderRecord {
    /// `5 working days before`, `on the due date`, `1 working day after`: a stage in words.
    public static func stageWords(_ stage: Int) -> String {
        switch stage {
        case 0: "on the due date"
        case 1: "1 working day before"
        case -1: "1 working day after"
        case let days where days > 0: "\(days) working days before"
        default: "\(-stage) working days after"
        }
    }
}
