import Diagnostics
public import Foundation

/// One ledger entry as `imrf log` prints it:
/// `2026-05-12 14:03:07 -04:00  #3  submission  round-table-2 by Jane Doe: notes/... (sha256 1a2b3c4d5e6f)`.
/// The time is when the entry was recorded (so the column runs in ledger
/// order); an event that took effect at another time says so at the end
/// (`; took effect 2026-05-21 16:30:00 -04:00`).
/// The zone is shown as an offset: Linux has no reliable abbreviations
/// ("GMT-4" rather than "EDT"). The web's ledger page shows the same words.
public struct LogLine {
    public let timeZone: TimeZone
    private let formatter: DateFormatter

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
    }

    /// One line: a ledger written before values were checked, or by hand,
    /// may hold line breaks and terminal escapes, shown escaped.
    /// - Parameter replacedBy: the later submission that replaced this one, if any (`replacements`).
    public func line(_ entry: LedgerEntry, replacedBy: Int64? = nil) -> String {
        // A column of 12, and always a space after the kind (`distribution` fills it).
        let kind = entry.event.kind.padding(toLength: max(12, entry.event.kind.count + 1), withPad: " ", startingAt: 0)
        return UntrustedText.escaped(
            "\(formatter.string(from: entry.recorded))  #\(entry.id)  \(kind)\(details(entry.event, replacedBy: replacedBy))\(effect(entry))")
    }

    /// `; took effect TIME` for an entry recorded at another time than it took effect, else nothing.
    public func effect(_ entry: LedgerEntry) -> String {
        entry.recordedAtAnotherTime ? "; took effect \(formatter.string(from: entry.at))" : ""
    }

    /// For each submission a later one replaced (the same stored note,
    /// other text), the id of the first that did.
    public static func replacements(_ entries: [LedgerEntry]) -> [Int64: Int64] {
        var latest: [String: (id: Int64, sha256: String)] = [:]
        var replaced: [Int64: Int64] = [:]
        for entry in entries.sorted(by: { $0.id < $1.id }) {
            guard case .submission(let record) = entry.event else { continue }
            if let before = latest[record.path], before.sha256 != record.sha256 { replaced[before.id] = entry.id }
            if latest[record.path]?.sha256 != record.sha256 { latest[record.path] = (entry.id, record.sha256) }
        }
        return replaced
    }

    /// `2026-05-12 14:03:07 -04:00`: an entry's time as the line shows it.
    public func time(_ date: Date) -> String { formatter.string(from: date) }

    /// The first 12 hex digits: enough to tell versions apart at a glance
    /// (`imrf log --json` has the whole digest).
    private func short(_ sha256: String) -> String { String(sha256.prefix(12)) }

    /// `; by NAME` when the entry names who did it (an action on the web).
    private func by(_ name: String?) -> String {
        name.map { "; by \($0)" } ?? ""
    }

    /// What the entry records, after its time, number and kind: the line
    /// without them, not escaped (a page escapes it for HTML).
    public func details(_ event: LedgerEvent, replacedBy: Int64? = nil) -> String {
        switch event {
        case .submission(let record):
            let replaced = replacedBy.map { "; replaced by #\($0)" } ?? ""
            return "\(record.session) by \(record.author): \(record.path) (sha256 \(short(record.sha256)))\(replaced)"
        case .compile(let record):
            let files = record.outputs.map { "\($0.path) (sha256 \(short($0.sha256)))" }.joined(separator: ", ")
            return (record.draft ? "draft: " : "") + (files.isEmpty ? "no files" : files) + by(record.by)
        case .upload(let record):
            var text = "\(record.file) to \(record.endpoint)"
            if let location = record.location { text += " -> \(location)" }
            text +=
                " (HTTP \(record.httpStatus), \(record.bytes) bytes, sha256 \(short(record.sha256)), \(record.attempts) attempt\(record.attempts == 1 ? "" : "s"))"
            return text
        case .distribution(let record) where record.isUndone:
            return "\(record.deliverable) undone: not distributed" + (record.reason.map { " (\($0))" } ?? "") + by(record.by)
        case .distribution(let record):
            return record.deliverable + (record.reference.map { " (\($0))" } ?? "") + by(record.by)
        case .invitation(let record):
            // Never the token: the ledger has only its digest, and not even that is shown.
            let sessions = record.sessions.isEmpty ? "every session" : record.sessions.joined(separator: ", ")
            var text = "\(record.id): \(record.name) (\(record.role)) for \(sessions)"
            if let email = record.email { text += " <\(email)>" }
            if let expires = record.expires {
                text += ", expires " + ((try? Date(expires, strategy: .iso8601)).map(formatter.string(from:)) ?? expires)
            }
            return text + by(record.by)
        case .revocation(let record):
            return "\(record.invitation) revoked" + by(record.by)
        case .signIn(let record):
            return "\(record.name) with invitation \(record.invitation) (\(record.method))"
        case .reminder(let record):
            let to = record.name.map { "\($0) <\(record.recipient)>" } ?? "the office <\(record.recipient)> (digest)"
            let sessions = record.sessions.isEmpty ? "" : " for " + record.sessions.joined(separator: ", ")
            return "\(record.deliverable), \(ReminderRecord.stageWords(record.stage)), to \(to)\(sessions): \(record.reply)"
        case .closure(let record):
            return (record.closed ? "workspace closed" : "workspace reopened") + (record.reason.map { ": \($0)" } ?? "") + by(record.by)
        case .withdrawal(let record):
            return "\(record.session): \(record.path) withdrawn, kept as \(record.kept)" + (record.reason.map { " (\($0))" } ?? "")
                + by(record.by)
        case .deadlines(let record):
            let dates = record.due.sorted { $0.key < $1.key }.map { id, date in
                record.movedFrom[id].map { "\(id) moved from \($0) to \(date)" } ?? "\(id) \(date)"
            }
            return dates.joined(separator: ", ") + "; calendar \(record.calendar) (sha256 \(short(record.calendarSHA256)))"
        }
    }
}
