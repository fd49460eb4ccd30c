public import Forum
public import Foundation
public import Ledger
import WorkingDays

/// The long output of `imrf status -v` (the lines after the first, as the
/// monitoring-plugin guidelines allow): each deliverable with its due moment
/// and state, and under it each session whose note it is made of, with who
/// sent the note and when, and whether that was after the due moment.
public enum StatusDetails {
    /// A note as the workspace knows it.
    public struct Note: Sendable, Hashable {
        public var session: Session
        /// Nil for a file put in notes/ by hand.
        public var author: String?
        /// In the workspace: `notes/round-table-2--jane-doe.md`.
        public var path: String
        /// When `imrf submit` recorded it; nil for a file put in notes/ by hand.
        public var submitted: Date?
    }

    /// The notes of the ledger's `submissions` (the latest text of each
    /// stored note) and the files of `evidence` no submission recorded.
    public static func notes(submissions: [LedgerEntry], evidence: Evidence) -> [Note] {
        var latest: [String: Note] = [:]
        for entry in submissions {
            guard case .submission(let record) = entry.event, let session = Session(rawValue: record.session) else { continue }
            latest[record.path] = Note(session: session, author: record.author, path: record.path, submitted: entry.at)
        }
        for (path, session) in evidence.noteFiles where latest[path] == nil {
            latest[path] = Note(session: session, author: nil, path: path, submitted: nil)
        }
        return latest.values.sorted { ($0.session, $0.path) < ($1.session, $1.path) }
    }

    /// The lines after the status line, one or more per deliverable.
    public static func lines(_ report: StatusReport, notes: [Note], tracker: Tracker) -> [String] {
        let owed = DeliverableKind.noteSessions(of: report.deliverables.map(\.deliverable))
        var lines: [String] = []
        for item in report.deliverables {
            var state = item.state.rawValue
            if item.isOverdue {
                state += ", overdue"
            } else if !item.isDone, let left = item.workingDaysLeft {
                state += left == 0 ? ", due today" : ", \(left) working day\(left == 1 ? "" : "s") left"
            }
            if item.state > .received, let detail = item.detail { state += " (\(detail))" }
            lines.append("\(item.id): due \(item.due.short); \(state)")
            if let moved = report.moveLine(item.id) { lines.append("  \(moved)") }
            for closure in item.due.closures {
                lines.append("  counted past a closure: \(closure.date.short), \(closure.name)")
            }
            if !item.isDone, !item.due.projectedYears.isEmpty {
                lines.append("  note: " + CalendarYear.projectedNote(item.due.projectedYears))
            }
            for session in owed[item.id] ?? [] {
                let sent = notes.filter { $0.session == session }
                if sent.isEmpty {
                    lines.append("  \(session.rawValue): no note yet")
                }
                for note in sent {
                    var text = "  \(session.rawValue): \(note.path)"
                    if let author = note.author { text += " by \(author)" }
                    if let submitted = note.submitted {
                        text += ", submitted \(tracker.clock.short(submitted))"
                        if submitted > item.due.instant { text += ", late" }
                    } else {
                        text += ", put in notes/ by hand (no time recorded)"
                    }
                    lines.append(text)
                }
            }
        }
        return lines
    }
}
