public import Foundation

/// What the deadline tracker needs from the ledger, without the ledger:
/// found by SQL queries over the indexed `kind` column, so `imrf status`
/// costs the same on a ledger of ten entries and of half a million.
///
/// `init(entries:)` derives the same facts from a list of entries; it is the
/// definition the queries (`Ledger.factsIfPresent`) are tested against.
public struct LedgerFacts: Sendable, Hashable {
    /// The `session` of every submission.
    public var submittedSessions: Set<String> { Set(latestSubmissions.keys) }
    /// When the latest submission for each session was recorded.
    public var latestSubmissions: [String: Date] = [:]
    /// The latest distribution of each deliverable, by deliverable id; none
    /// for a deliverable whose latest one was undone.
    public var latestDistributions: [String: LedgerEntry]
    /// The last compile that is not a draft, when no submission came after it.
    public var currentCompile: LedgerEntry?
    /// The first upload after `currentCompile` of a file with the SHA-256 of
    /// one of its outputs.
    public var currentUpload: LedgerEntry?
    /// The latest closing or reopening of the workspace.
    public var latestClosure: LedgerEntry?
    /// The latest reminder sent for each deliverable, by deliverable id.
    public var latestReminders: [String: LedgerEntry] = [:]
    /// The deadlines last recorded (`DeadlinesRecord`).
    public var latestDeadlines: LedgerEntry?

    public init(
        latestSubmissions: [String: Date] = [:], latestDistributions: [String: LedgerEntry] = [:],
        currentCompile: LedgerEntry? = nil, currentUpload: LedgerEntry? = nil
    ) {
        self.latestSubmissions = latestSubmissions
        self.latestDistributions = latestDistributions
        self.currentCompile = currentCompile
        self.currentUpload = currentUpload
    }

    /// The facts of `entries`, given oldest first (ids ascending); `asOf`:
    /// only those recorded by then.
    public init(entries all: [LedgerEntry], asOf: Date? = nil) {
        self.init()
        let entries = asOf.map { moment in all.filter { $0.at <= moment } } ?? all
        var lastSubmission: Int64 = 0
        // Each submission by path; a withdrawal of the path takes back those before it.
        var submissions: [(path: String, session: String, at: Date)] = []
        for entry in entries {
            switch entry.event {
            case .submission(let record):
                submissions.append((record.path, record.session, entry.at))
                lastSubmission = entry.id
            case .withdrawal(let record):
                submissions.removeAll { $0.path == record.path }
                lastSubmission = entry.id
            case .distribution(let record):
                latestDistributions[record.deliverable] = entry
            case .compile(let record) where !record.draft:
                currentCompile = entry
            case .reminder(let record):
                latestReminders[record.deliverable] = entry
            case .closure:
                latestClosure = entry
            case .deadlines:
                latestDeadlines = entry
            case .compile, .upload, .invitation, .revocation, .signIn:
                break
            }
        }
        for submission in submissions {
            latestSubmissions[submission.session] = max(latestSubmissions[submission.session] ?? submission.at, submission.at)
        }
        latestDistributions = latestDistributions.filter { !$0.value.undoesADistribution }
        guard let compile = currentCompile, compile.id > lastSubmission,
            case .compile(let record) = compile.event
        else {
            currentCompile = nil
            return
        }
        let hashes = Set(record.outputs.map(\.sha256))
        currentUpload = entries.first { entry in
            guard entry.id > compile.id, case .upload(let upload) = entry.event else { return false }
            return hashes.contains(upload.sha256)
        }
    }

    /// The closing in force: the latest closure entry, when it closed the workspace.
    public var closed: (entry: LedgerEntry, record: ClosureRecord)? {
        guard let entry = latestClosure, case .closure(let record) = entry.event, record.closed else { return nil }
        return (entry, record)
    }

    /// The record of `latestDeadlines`.
    public var recordedDeadlines: DeadlinesRecord? {
        guard let entry = latestDeadlines, case .deadlines(let record) = entry.event else { return nil }
        return record
    }

    /// True for a ledger with nothing the tracker reads.
    public var isEmpty: Bool {
        submittedSessions.isEmpty && latestDistributions.isEmpty && currentCompile == nil && latestClosure == nil
    }
}

extension LedgerEntry {
    /// Whether this entry undoes a distribution (`imrf mark undistributed`).
    var undoesADistribution: Bool {
        if case .distribution(let record) = event { return record.isUndone }
        return false
    }
}

extension LedgerEntry {
    /// The submissions of `entries` (oldest first) that no later withdrawal
    /// of their note took back: what lists of stored notes show.
    public static func standingSubmissions(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        var withdrawnBefore: [String: Int64] = [:]
        for entry in entries {
            if case .withdrawal(let record) = entry.event { withdrawnBefore[record.path] = entry.id }
        }
        return entries.filter { entry in
            guard case .submission(let record) = entry.event else { return false }
            return (withdrawnBefore[record.path] ?? 0) < entry.id
        }
    }
}
