public import Diagnostics
import Foundation
import Yams
public import WorkingDays

/// forum.yaml as written: typed fields, dates as strings (a YAML date would
/// become midnight UTC, the day before in New York).
struct ForumFile: Codable {
    struct Days: Codable { var start: String; var end: String; var opening: String? }
    struct RoundTableEntry: Codable {
        var number: Int
        var date: String
        var time: String?
        var objectives: [Int]
        var coChairs: [String]?
        var keynote: String?
    }
    struct PolicyDebateEntry: Codable { var date: String; var time: String?; var facilitator: String }
    struct Sessions: Codable {
        var roundTables: [RoundTableEntry]
        var policyDebate: PolicyDebateEntry
        var plenary: [String]
    }
    struct Distribution: Codable { var workingDays: Int }
    struct DeliverableEntry: Codable { var id: String; var title: String; var due: String }

    var edition: String
    var title: String
    var place: String
    var timeZone: String
    var calendar: String
    var hearing: String
    var forum: Days
    var sessions: Sessions
    var distribution: Distribution
    var deliverables: [DeliverableEntry]?
}

extension ForumFile {
    /// Reads forum.yaml's tree by hand (see `YAMLTree` for why not `Codable`).
    init(_ root: Node, tree: YAMLTree) throws(DiagnosticFailure) {
        let top = try tree.mapping(root, [])
        edition = try tree.string("edition", in: top, [])
        title = try tree.string("title", in: top, [])
        place = try tree.string("place", in: top, [])
        timeZone = try tree.string("timeZone", in: top, [])
        calendar = try tree.string("calendar", in: top, [])
        hearing = try tree.string("hearing", in: top, [])
        let days = try tree.mapping("forum", in: top, [])
        forum = Days(
            start: try tree.string("start", in: days, ["forum"]),
            end: try tree.string("end", in: days, ["forum"]),
            opening: try tree.optionalString("opening", in: days, ["forum"]))
        let sessionsNode = try tree.mapping("sessions", in: top, [])
        var roundTables: [RoundTableEntry] = []
        for (node, path) in try tree.list("roundTables", in: sessionsNode, ["sessions"]) {
            let table = try tree.mapping(node, path)
            roundTables.append(RoundTableEntry(
                number: try tree.int("number", in: table, path),
                date: try tree.string("date", in: table, path),
                time: try tree.optionalString("time", in: table, path),
                objectives: try tree.list("objectives", in: table, path).map { (node, path) throws(DiagnosticFailure) in try tree.int(node, path) },
                coChairs: try tree.optionalList("coChairs", in: table, path)?.map { (node, path) throws(DiagnosticFailure) in try tree.string(node, path) },
                keynote: try tree.optionalString("keynote", in: table, path)))
        }
        let debate = try tree.mapping("policyDebate", in: sessionsNode, ["sessions"])
        let debatePath = ["sessions", "policyDebate"]
        sessions = Sessions(
            roundTables: roundTables,
            policyDebate: PolicyDebateEntry(
                date: try tree.string("date", in: debate, debatePath),
                time: try tree.optionalString("time", in: debate, debatePath),
                facilitator: try tree.string("facilitator", in: debate, debatePath)),
            plenary: try tree.list("plenary", in: sessionsNode, ["sessions"]).map { (node, path) throws(DiagnosticFailure) in try tree.string(node, path) })
        let distributionNode = try tree.mapping("distribution", in: top, [])
        distribution = Distribution(workingDays: try tree.int("workingDays", in: distributionNode, ["distribution"]))
        deliverables = try tree.optionalList("deliverables", in: top, [])?.map { (node, path) throws(DiagnosticFailure) in
            let entry = try tree.mapping(node, path)
            return DeliverableEntry(
                id: try tree.string("id", in: entry, path),
                title: try tree.string("title", in: entry, path),
                due: try tree.string("due", in: entry, path))
        }
    }
}

private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(intValue) }
}

extension Forum {
    /// Parses forum.yaml, reporting every problem it can find at once with
    /// the file, line and key. `path` is the name used in diagnostics.
    public static func parse(yaml text: String, path: String, calendars: CalendarCatalog = .standard) throws(DiagnosticFailure) -> Forum {
        var warnings: [Diagnostic] = []
        return try parse(yaml: text, path: path, warnings: &warnings, calendars: calendars)
    }

    /// The largest forum.yaml accepted, in bytes (1 MiB): the built-in one
    /// is about 2 KB; a bigger file is a mistake, and YAML is expanded in
    /// memory (aliases, long lists), so it is refused before parsing.
    public static let maximumBytes = 1 << 20

    /// The error for a forum file over `maximumBytes`, also raised by
    /// callers that check a file's size before reading it.
    public static func tooLarge(bytes: Int, path: String) -> DiagnosticFailure {
        DiagnosticFailure(.badInput, .error(
            "forum file is larger than 1 MB (\(bytes) bytes)", at: SourceLocation(path: path, line: 1, column: 1),
            hint: "forum.yaml describes one forum in a few kilobytes: start again from 'imrf init'"
        ))
    }

    /// Keys forum.yaml knows, by the path of the mapping they are in
    /// (`*` stands for any list index).
    static let knownKeys: [String: Set<String>] = [
        "": ["edition", "title", "place", "timeZone", "calendar", "hearing", "forum", "sessions", "distribution", "deliverables"],
        "forum": ["start", "end", "opening"],
        "sessions": ["roundTables", "policyDebate", "plenary"],
        "sessions.roundTables.*": ["number", "date", "time", "objectives", "coChairs", "keynote"],
        "sessions.policyDebate": ["date", "time", "facilitator"],
        "distribution": ["workingDays"],
        "deliverables.*": ["id", "title", "due"],
    ]

    /// Parses forum.yaml; problems that do not stop it from being used
    /// (unknown keys, an objective in no round table or in two) are added
    /// to `warnings`.
    ///
    /// `timeZone` must be a zone Foundation knows and `calendar` one that
    /// `calendars` finds: every command reads forum.yaml through here, so
    /// none accepts a file another refuses.
    public static func parse(
        yaml text: String, path: String, warnings: inout [Diagnostic], calendars: CalendarCatalog = .standard
    ) throws(DiagnosticFailure) -> Forum {
        guard text.utf8.count <= maximumBytes else { throw tooLarge(bytes: text.utf8.count, path: path) }
        let source = YAMLSource(text: text, path: path)
        // Every value is read as text (YAMLTree), so no implicit tags are needed.
        let root = try source.compose(resolver: .basic)
        let file = try ForumFile(root, tree: YAMLTree(source: source))
        var problems: [Diagnostic] = []

        func at(_ keys: [any CodingKey]) -> SourceLocation {
            source.location((YAMLSource.node(at: keys, in: root) ?? root).mark)
        }
        func date(_ text: String, _ keys: [any CodingKey]) -> CivilDate {
            if let date = CivilDate(iso: text) { return date }
            let name = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            problems.append(.error("'\(name)' is not a date: '\(text)'", at: at(keys), hint: "write dates as YYYY-MM-DD"))
            return CivilDate(year: 1970, month: 1, day: 1)!
        }
        // Times are optional: a forum.yaml written before they existed keeps
        // the Headquarters hours.
        func time(_ text: String?, _ keys: [any CodingKey], default fallback: TimeOfDay) -> TimeOfDay {
            guard let text else { return fallback }
            if let time = TimeOfDay(text) { return time }
            let name = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            problems.append(.error("'\(name)' is not a time: '\(text)'", at: at(keys), hint: "write times as HH:MM on the 24-hour clock, e.g. \"15:00\""))
            return fallback
        }

        if TimeZone(identifier: file.timeZone) == nil {
            problems.append(.error(
                "'timeZone' is not a time zone: '\(file.timeZone)'", at: at([Key("timeZone")]),
                hint: "write an IANA time zone name, e.g. America/New_York"))
        }
        do {
            _ = try calendars.locate(file.calendar)
        } catch {
            problems += error.diagnostics.map { Diagnostic($0.severity, $0.message, at: at([Key("calendar")]), hint: $0.hint) }
        }
        let hearing = date(file.hearing, [Key("hearing")])
        let start = date(file.forum.start, [Key("forum"), Key("start")])
        let opening = time(file.forum.opening, [Key("forum"), Key("opening")], default: .morning)
        let end = date(file.forum.end, [Key("forum"), Key("end")])
        if start > end {
            problems.append(.error("the forum ends (\(end.iso)) before it starts (\(start.iso))", at: at([Key("forum"), Key("end")])))
        }
        var roundTables: [RoundTable] = []
        for (index, entry) in file.sessions.roundTables.enumerated() {
            let keys: [any CodingKey] = [Key("sessions"), Key("roundTables"), Key(index)]
            if !(1...4).contains(entry.number) || roundTables.contains(where: { $0.number == entry.number }) {
                problems.append(.error("round table number must be 1 to 4 and unique, found \(entry.number)", at: at(keys + [Key("number")])))
            }
            for objective in entry.objectives where !Objective.numbers.contains(objective) {
                problems.append(.error("objective \(objective) is outside 1-23", at: at(keys + [Key("objectives")])))
            }
            roundTables.append(RoundTable(
                number: entry.number, date: date(entry.date, keys + [Key("date")]),
                time: time(entry.time, keys + [Key("time")], default: .morning),
                objectives: entry.objectives, coChairs: entry.coChairs ?? [], keynote: entry.keynote
            ))
        }
        let policyDebate = PolicyDebate(
            date: date(file.sessions.policyDebate.date, [Key("sessions"), Key("policyDebate"), Key("date")]),
            time: time(file.sessions.policyDebate.time, [Key("sessions"), Key("policyDebate"), Key("time")], default: .afternoon),
            facilitator: file.sessions.policyDebate.facilitator
        )
        let plenary = file.sessions.plenary.enumerated().map { date($1, [Key("sessions"), Key("plenary"), Key($0)]) }
        var deliverables: [Deliverable] = []
        for (index, entry) in (file.deliverables ?? []).enumerated() {
            guard let rule = DueRule(entry.due) else {
                problems.append(.error(
                    "deliverable '\(entry.id)': cannot read due rule '\(entry.due)'",
                    at: at([Key("deliverables"), Key(index), Key("due")]),
                    hint: "write e.g. '10 working days after conclusion', '3 working days before hearing', 'opening', 'policy-debate' or '2026-04-20T17:00'"
                ))
                continue
            }
            deliverables.append(Deliverable(id: entry.id, title: entry.title, due: rule))
        }
        if file.distribution.workingDays < 1 {
            problems.append(.error("distribution.workingDays must be at least 1", at: at([Key("distribution"), Key("workingDays")])))
        }
        let numbers = Set(roundTables.map(\.number))
        if numbers != [1, 2, 3, 4] {
            let missing = (1...4).filter { !numbers.contains($0) }.map(String.init).joined(separator: ", ")
            problems.append(.error("round table\(missing.count > 1 ? "s" : "") \(missing) missing from sessions.roundTables", at: at([Key("sessions"), Key("roundTables")])))
        }
        for number in Objective.numbers {
            let tables = roundTables.filter { $0.objectives.contains(number) }.map { String($0.number) }
            if tables.isEmpty {
                warnings.append(.warning("objective \(number) is in no round table", at: at([Key("sessions"), Key("roundTables")])))
            } else if tables.count > 1 {
                warnings.append(.warning("objective \(number) is in round tables \(tables.joined(separator: " and "))", at: at([Key("sessions"), Key("roundTables")])))
            }
        }
        func checkKeys(_ node: Node, _ pattern: String) {
            if let mapping = node.mapping, let known = knownKeys[pattern] {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    if !known.contains(name) {
                        warnings.append(.warning("unknown key '\(pattern.isEmpty ? name : pattern.replacingOccurrences(of: ".*", with: "[]") + "." + name)'", at: source.location(key.mark)))
                    } else {
                        checkKeys(value, pattern.isEmpty ? name : pattern + "." + name)
                    }
                }
            } else if let sequence = node.sequence {
                for element in sequence { checkKeys(element, pattern + ".*") }
            }
        }
        checkKeys(root, "")
        if !problems.isEmpty { throw DiagnosticFailure(.badInput, problems) }
        return Forum(
            edition: file.edition, title: file.title, place: file.place, timeZone: file.timeZone,
            calendar: file.calendar, hearing: hearing, start: start, opening: opening, end: end,
            roundTables: roundTables.sorted { $0.number < $1.number }, policyDebate: policyDebate,
            plenary: plenary, distributionWorkingDays: file.distribution.workingDays,
            deliverables: deliverables
        )
    }

    /// forum.yaml text for this forum, which `parse` reads back to an equal
    /// value when its text has no character `parse` refuses
    /// (`UntrustedText.isUnsafe`); those are written as escapes.
    public var yaml: String {
        // A YAML double-quoted string: line breaks would be folded into
        // spaces and control characters are refused, so everything but
        // printable text is written as an escape and reads back unchanged.
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "\"": result += "\\\""
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}":
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        var lines = [
            "# The International Migration Review Forum this workspace summarises.",
            "# Dates are civil dates (YYYY-MM-DD) in timeZone; keep them quoted.",
            "edition: \(quoted(edition))",
            "title: \(quoted(title))",
            "place: \(quoted(place))",
            "timeZone: \(quoted(timeZone))",
            "calendar: \(quoted(calendar))",
            "hearing: \(quoted(hearing.iso))",
            "forum:",
            "  start: \(quoted(start.iso))",
            "  # Local time the forum opens on its first day (the hearing's summary is due then).",
            "  opening: \(quoted(opening.description))",
            "  end: \(quoted(end.iso))",
            "sessions:",
            "  roundTables:",
        ]
        for table in roundTables {
            lines.append("    - number: \(table.number)")
            lines.append("      date: \(quoted(table.date.iso))")
            lines.append("      time: \(quoted(table.time.description))")
            lines.append("      objectives: [\(table.objectives.map(String.init).joined(separator: ", "))]")
            lines.append("      coChairs: [\(table.coChairs.map(quoted).joined(separator: ", "))]")
            if let keynote = table.keynote { lines.append("      keynote: \(quoted(keynote))") }
        }
        lines += [
            "  policyDebate:",
            "    date: \(quoted(policyDebate.date.iso))",
            "    time: \(quoted(policyDebate.time.description))",
            "    facilitator: \(quoted(policyDebate.facilitator))",
            "  plenary: [\(plenary.map { quoted($0.iso) }.joined(separator: ", "))]",
            "distribution:",
            "  # Summaries are distributed within this many working days after the conclusion.",
            "  workingDays: \(distributionWorkingDays)",
            "deliverables:",
        ]
        for deliverable in deliverables {
            lines.append("  - id: \(quoted(deliverable.id))")
            lines.append("    title: \(quoted(deliverable.title))")
            lines.append("    due: \(quoted(deliverable.due.description))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
