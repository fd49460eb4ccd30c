public import Forum
import Foundation
import Ledger
import SummaryCompiler
public import Tracker

/// The words of the reminders: what is missing, by when, how to send it, and
/// what to do if it was already sent. Plain text and the same in HTML (every
/// value from forum.yaml or an invitation escaped there).
public struct ReminderText: Sendable {
    public let forum: Forum
    public let settings: ReminderSettings

    public init(forum: Forum, settings: ReminderSettings) {
        self.forum = forum
        self.settings = settings
    }

    /// `New York time`: the forum's zone in words.
    var zoneWords: String {
        let city = forum.timeZone.split(separator: "/").last.map(String.init) ?? forum.timeZone
        return city.replacingOccurrences(of: "_", with: " ") + " time"
    }

    /// `is due Tue 5 May 2026 15:00, New York time: 2 working days from today`.
    func when(_ status: DeliverableStatus, plural: Bool = false) -> String {
        let due = "\(status.due.short), \(zoneWords)"
        let (be, was) = plural ? ("are", "were") : ("is", "was")
        if status.isOverdue { return "\(was) due \(due), and \(plural ? "are" : "is") now overdue" }
        switch status.workingDaysLeft {
        case 0?: return "\(be) due today, \(due)"
        case 1?: return "\(be) due \(due): 1 working day from today"
        case let days? where days > 1: return "\(be) due \(due): \(days) working days from today"
        default: return "\(be) due \(due)"
        }
    }

    func sessionList(_ sessions: [Session]) -> String {
        sessions.map(\.displayName).joined(separator: ", ")
    }

    /// The subject of a person's reminder.
    public func subject(person sessions: [Session], status: DeliverableStatus) -> String {
        let one = sessions.count == 1
        let what = one ? "your note for \(sessions[0].displayName)" : "your notes for \(sessionList(sessions))"
        let verb = status.isOverdue ? (one ? "was due" : "were due") : (one ? "is due" : "are due")
        return "\(forum.title): \(what) \(verb) \(status.due.short)"
    }

    /// The plain text of a person's reminder.
    public func text(name: String, sessions: [Session], status: DeliverableStatus) -> String {
        var lines = [
            "Dear \(name),",
            "",
            "The Office of the President of the General Assembly has not yet received your \(sessions.count == 1 ? "note" : "notes") for the \(forum.title):",
            "",
        ]
        lines += sessions.map { "  - \($0.displayName)" }
        lines += [
            "",
            "\(sessions.count == 1 ? "It" : "They") \(when(status, plural: sessions.count > 1)).",
            "",
            "How to submit: " + howToSubmit,
            "",
            "If you have already sent \(sessions.count == 1 ? "it" : "them"), thank you: please ignore this message. If you sent \(sessions.count == 1 ? "it" : "them") another way (by e-mail, on paper), reply to this message so that the office can record it.",
            "",
            "This reminder was sent automatically for the Office of the President of the General Assembly (\(status.deliverable.title)). Replies reach the office.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    var howToSubmit: String {
        if let url = settings.submitURL {
            return
                "open \(url) with the personal link from your invitation e-mail, and send your note there. If you no longer have the link, reply to this message and the office will send you a new one."
        }
        return "reply to this message with your note attached."
    }

    /// The subject of the office's digest.
    public func digestSubject(status: DeliverableStatus, missing: [Session]) -> String {
        "\(forum.title): \(missing.count) note\(missing.count == 1 ? "" : "s") missing for \(status.deliverable.title), \(status.isOverdue ? "was due" : "due") \(status.due.short)"
    }

    /// One line per missing session of the digest: who was invited, and what happened to their reminder.
    public struct DigestLine: Sendable {
        public var session: Session
        /// `Jane Doe <jane@example.org>: reminded`, ...; empty: nobody invited with an address.
        public var people: [String]
    }

    /// The plain text of the office's digest.
    public func digestText(status: DeliverableStatus, lines digest: [DigestLine], stage: Int) -> String {
        var lines = [
            "\(status.deliverable.title) \(when(status)).",
            "",
            "Notes still missing:",
            "",
        ]
        for line in digest {
            lines.append("  - \(line.session.displayName) (\(line.session.rawValue))")
            if line.people.isEmpty {
                lines.append("      nobody is invited for it with an e-mail address: no one was reminded (imrf invite)")
            } else {
                lines += line.people.map { "      \($0)" }
            }
        }
        lines += [
            "",
            "Sent by imrf remind at the stage \"\(ReminderRecord.stageWords(stage))\" (sent late when the run on its day was missed). The ledger lists every reminder sent: imrf log --kind reminder.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plain text as a small HTML document: paragraphs, and the list lines
    /// (`  - `) as a list; everything escaped.
    public static func html(_ text: String, title: String) -> String {
        var body: [String] = []
        var list: [String] = []
        func closeList() {
            if !list.isEmpty { body.append("<ul>\n" + list.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>") }
            list = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") {
                list.append(escape(String(trimmed.dropFirst(2))))
            } else if line.hasPrefix("      "), !list.isEmpty {
                list[list.count - 1] += "<br>" + escape(trimmed)
            } else {
                closeList()
                if !trimmed.isEmpty { body.append("<p>\(escape(trimmed))</p>") }
            }
        }
        closeList()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.45">
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
