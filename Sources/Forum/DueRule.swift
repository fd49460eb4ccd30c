import Foundation
public import WorkingDays

/// When a deliverable is due, as written in forum.yaml's `due` field.
///
/// Accepted spellings: `10 working days after conclusion`,
/// `3 working days before hearing`, `opening`, `policy-debate` (or any
/// session name), a fixed local time `2026-04-20T17:00`, or a date
/// `2026-04-20` (due by the end of that day).
public enum DueRule: Sendable, Hashable {
    public enum Anchor: String, Sendable, Hashable {
        case hearing, opening, conclusion
    }

    /// `count` working days after (positive) or before (negative) `anchor`.
    case workingDays(Int, from: Anchor)
    /// At the opening segment of the forum.
    case opening
    /// At the start of a session.
    case session(Session)
    /// A fixed local date and time in the forum's time zone.
    case fixed(CivilDate, hour: Int, minute: Int)
    /// A fixed date: due by the end of that day in the forum's time zone
    /// (kept apart from `T00:00`, which is the start of the day).
    case fixedDate(CivilDate)

    /// Parses a due rule, or returns nil when the text is none of the accepted forms.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "opening" {
            self = .opening
            return
        }
        if let session = Session(rawValue: trimmed) {
            self = .session(session)
            return
        }
        let words = trimmed.split(separator: " ").map(String.init)
        if words.count == 5, let count = Int(words[0]), count >= 0,
            words[1] == "working", words[2] == "days" || words[2] == "day",
            let anchor = Anchor(rawValue: words[4])
        {
            switch words[3] {
            case "after": self = .workingDays(count, from: anchor)
            case "before": self = .workingDays(-count, from: anchor)
            default: return nil
            }
            return
        }
        let parts = trimmed.split(separator: "t", maxSplits: 1).map(String.init)
        guard let first = parts.first, let date = CivilDate(iso: first) else { return nil }
        if parts.count == 1 {
            self = .fixedDate(date)
            return
        }
        let time = parts[1].split(separator: ":").map { Int($0) }
        guard time.count == 2, let hour = time[0], let minute = time[1],
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self = .fixed(date, hour: hour, minute: minute)
    }
}

extension DueRule: CustomStringConvertible {
    /// The canonical spelling, which `init(_:)` parses back.
    public var description: String {
        switch self {
        case .workingDays(let count, let anchor):
            let unit = abs(count) == 1 ? "working day" : "working days"
            return "\(abs(count)) \(unit) \(count < 0 ? "before" : "after") \(anchor.rawValue)"
        case .opening: return "opening"
        case .session(let session): return session.rawValue
        case .fixed(let date, let hour, let minute):
            return date.iso + String(format: "T%02d:%02d", hour, minute)
        case .fixedDate(let date):
            return date.iso
        }
    }
}
