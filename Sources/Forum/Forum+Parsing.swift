public import Diagnostics
import Foundation
public import WorkingDays
import Yams

extension Diagnostic.Code {
    /// `Forum.tooLarge`: a forum file over `Forum.maximumBytes`.
    public static let forumTooLarge: Self = "forum.tooLarge"
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
    /// callers that check a file's size before reading it
    /// (code `forumTooLarge`).
    public static func tooLarge(bytes: Int, path: String) -> DiagnosticFailure {
        DiagnosticFailure(
            .badInput,
            .error(
                "forum file is larger than 1 MB (\(bytes) bytes)", at: SourceLocation(path: path, line: 1, column: 1),
                hint: "forum.yaml describes one forum in a few kilobytes: start again from a new one",
                code: .forumTooLarge
            ))
    }

    /// Keys forum.yaml knows, by the path of the mapping they are in
    /// (`*` stands for any list index).
    static let knownKeys: [String: Set<String>] = [
        "": [
            "edition", "title", "place", "timeZone", "calendar", "calendars", "hearing", "forum", "sessions", "distribution", "deliverables",
            "reminders", "document",
        ],
        "forum": ["start", "end", "opening"],
        "sessions": ["roundTables", "policyDebate", "plenary"],
        "sessions.roundTables.*": ["number", "date", "time", "objectives", "coChairs", "keynote"],
        "sessions.policyDebate": ["date", "time", "facilitator"],
        "distribution": ["workingDays"],
        "deliverables.*": ["id", "title", "due"],
        "reminders": ["smtp", "from", "replyTo", "office", "stages", "credentialsFile", "submitURL"],
        "document": Set(["wordLimit", "numberParagraphs", "referenceDocx"] + ForumFile.documentTextKeys),
    ]

    /// Parses forum.yaml; problems that do not stop it from being used
    /// (unknown keys, an objective in no round table or in two) are added
    /// to `warnings`.
    ///
    /// `timeZone` must be a zone Foundation knows and `calendar` one that
    /// `calendars` finds: every command reads forum.yaml through here, so
    /// none accepts a file another refuses.
    ///
    /// With `schedule`, the forum's days are also checked against its
    /// calendar (`ForumSchedule`): `imrf check` and compile ask for it,
    /// `imrf status` does not pay for it.
    public static func parse(
        yaml text: String, path: String, warnings: inout [Diagnostic], calendars: CalendarCatalog = .standard, schedule: Bool = false
    ) throws(DiagnosticFailure) -> Forum {
        guard text.utf8.count <= maximumBytes else { throw tooLarge(bytes: text.utf8.count, path: path) }
        let source = YAMLSource(text: text, path: path)
        // Every value is read as text (YAMLTree), so no implicit tags are needed.
        let root = try source.compose(resolver: .basic)
        let tree = YAMLTree(source: source)
        let file = try ForumFile(root, tree: tree)
        // Each step reports its problems in the order of the file.
        var check = ForumFileCheck(tree: tree, root: root)
        check.place(timeZone: file.timeZone, calendar: file.calendar, calendars: calendars)
        for (index, more) in (file.calendars ?? []).enumerated() {
            check.calendar(more, at: ["calendars", YAMLTree.element(index)], calendars: calendars)
        }
        let days = check.days(hearing: file.hearing, forum: file.forum)
        let roundTables = check.roundTables(file.sessions.roundTables)
        let policyDebate = check.policyDebate(file.sessions.policyDebate)
        let plenary = check.plenary(file.sessions.plenary)
        let deliverables = check.deliverables(file.deliverables ?? [])
        check.distribution(file.distribution)
        let reminders = file.reminders.map { check.reminders($0) }
        var document = check.document(wordLimit: file.wordLimit)
        document.numberParagraphs = file.numberParagraphs ?? true
        document.referenceDocx = check.referenceDocx(file.referenceDocx)
        check.documentForm(file.documentText, into: &document)
        check.everyRoundTableIsThere(roundTables)
        warnings += check.objectiveWarnings(roundTables)
        warnings += unknownKeys(in: root, source: source)
        if !check.problems.isEmpty { throw DiagnosticFailure(.badInput, check.problems) }
        var forum = Forum(
            edition: file.edition, title: file.title, place: file.place, timeZone: file.timeZone,
            calendar: file.calendar, hearing: days.hearing, start: days.start, opening: days.opening, end: days.end,
            roundTables: roundTables.sorted { $0.number < $1.number }, policyDebate: policyDebate,
            plenary: plenary, distributionWorkingDays: file.distribution.workingDays,
            deliverables: deliverables, reminders: reminders
        )
        forum.moreCalendars = file.calendars ?? []
        forum.document = document
        warnings += check.documentFormWarnings(document, forumEnd: days.end)
        // A calendar that does not load is reported by the commands that count in it.
        if schedule, let holidays = try? calendars.load(forum.allCalendars) {
            let roundTableIndex = Dictionary(
                file.sessions.roundTables.enumerated().map { ($0.element.number, $0.offset) }, uniquingKeysWith: { first, _ in first })
            warnings += ForumSchedule.problems(forum, calendar: WorkingDayCalendar(holidays)) { day in
                switch day {
                case .hearing: check.at(["hearing"])
                case .start: check.at(["forum", "start"])
                case .end: check.at(["forum", "end"])
                case .policyDebate: check.at(["sessions", "policyDebate", "date"])
                case .roundTable(let number):
                    check.at(["sessions", "roundTables", YAMLTree.element(roundTableIndex[number] ?? 0), "date"])
                case .plenary(let index): check.at(["sessions", "plenary", YAMLTree.element(index)])
                }
            }
        }
        return forum
    }

    /// A warning for each key `knownKeys` does not list, at the key.
    private static func unknownKeys(in root: Node, source: YAMLSource) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func checkKeys(_ node: Node, _ pattern: String) {
            if let mapping = node.mapping, let known = knownKeys[pattern] {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    if !known.contains(name) {
                        warnings.append(
                            .warning(
                                "unknown key '\(pattern.isEmpty ? name : pattern.replacingOccurrences(of: ".*", with: "[]") + "." + name)'",
                                at: source.location(key.mark)))
                    } else {
                        checkKeys(value, pattern.isEmpty ? name : pattern + "." + name)
                    }
                }
            } else if let sequence = node.sequence {
                for element in sequence { checkKeys(element, pattern + ".*") }
            }
        }
        checkKeys(root, "")
        return warnings
    }
}

/// The values of a `ForumFile` turned into a forum's types, with every
/// problem found on the way collected at the key it concerns: a bad value
/// stands in for a placeholder so that the rest is still checked.
private struct ForumFileCheck {
    let tree: YAMLTree
    let root: Node
    private(set) var problems: [Diagnostic] = []

    init(tree: YAMLTree, root: Node) {
        self.tree = tree
        self.root = root
    }

    /// Where the value at `path` is (the document's start if there is none).
    func at(_ path: [String]) -> SourceLocation {
        tree.source.location((tree.node(at: path, in: root) ?? root).mark)
    }

    mutating func date(_ text: String, _ path: [String]) -> CivilDate {
        if let date = CivilDate(iso: text) { return date }
        problems.append(.error("'\(YAMLTree.name(path))' is not a date: '\(text)'", at: at(path), hint: "write dates as YYYY-MM-DD"))
        return CivilDate(year: 1970, month: 1, day: 1)!
    }

    /// Times are optional: a forum.yaml written before they existed keeps
    /// the Headquarters hours.
    mutating func time(_ text: String?, _ path: [String], default fallback: TimeOfDay) -> TimeOfDay {
        guard let text else { return fallback }
        if let time = TimeOfDay(text) { return time }
        problems.append(
            .error(
                "'\(YAMLTree.name(path))' is not a time: '\(text)'", at: at(path),
                hint: "write times as HH:MM on the 24-hour clock, e.g. \"15:00\""))
        return fallback
    }

    mutating func place(timeZone: String, calendar: String, calendars: CalendarCatalog) {
        if TimeZone(identifier: timeZone) == nil {
            problems.append(
                .error(
                    "'timeZone' is not a time zone: '\(timeZone)'", at: at(["timeZone"]),
                    hint: "write an IANA time zone name, e.g. America/New_York"))
        }
        self.calendar(calendar, at: ["calendar"], calendars: calendars)
    }

    /// A calendar forum.yaml names at `path` must be one `calendars` finds.
    mutating func calendar(_ name: String, at path: [String], calendars: CalendarCatalog) {
        do {
            _ = try calendars.locate(name)
        } catch {
            problems += error.diagnostics.map { problem in
                var placed = problem
                placed.location = at(path)
                return placed
            }
        }
    }

    mutating func days(hearing: String, forum days: ForumFile.Days) -> (hearing: CivilDate, start: CivilDate, opening: TimeOfDay, end: CivilDate) {
        let hearing = date(hearing, ["hearing"])
        let start = date(days.start, ["forum", "start"])
        let opening = time(days.opening, ["forum", "opening"], default: .morning)
        let end = date(days.end, ["forum", "end"])
        // Compared only when both are dates: a placeholder stands in for a bad one.
        if CivilDate(iso: days.start) != nil, CivilDate(iso: days.end) != nil, start > end {
            problems.append(.error("the forum ends (\(end.unStyle)) before it starts (\(start.unStyle))", at: at(["forum", "end"])))
        }
        return (hearing, start, opening, end)
    }

    mutating func roundTables(_ entries: [ForumFile.RoundTableEntry]) -> [RoundTable] {
        var roundTables: [RoundTable] = []
        for (index, entry) in entries.enumerated() {
            let path = ["sessions", "roundTables", YAMLTree.element(index)]
            if !(1...4).contains(entry.number) || roundTables.contains(where: { $0.number == entry.number }) {
                problems.append(.error("round table number must be 1 to 4 and unique, found \(entry.number)", at: at(path + ["number"])))
            }
            for objective in entry.objectives where !Objective.numbers.contains(objective) {
                problems.append(.error("objective \(objective) is outside 1-23", at: at(path + ["objectives"])))
            }
            let date = date(entry.date, path + ["date"])
            let time = time(entry.time, path + ["time"], default: .morning)
            roundTables.append(
                RoundTable(
                    number: entry.number, date: date, time: time,
                    objectives: entry.objectives, coChairs: entry.coChairs ?? [], keynote: entry.keynote
                ))
        }
        return roundTables
    }

    mutating func policyDebate(_ entry: ForumFile.PolicyDebateEntry) -> Forum.PolicyDebate {
        let path = ["sessions", "policyDebate"]
        let date = date(entry.date, path + ["date"])
        let time = time(entry.time, path + ["time"], default: .afternoon)
        return Forum.PolicyDebate(date: date, time: time, facilitator: entry.facilitator)
    }

    mutating func plenary(_ days: [String]) -> [CivilDate] {
        days.enumerated().map { date($1, ["sessions", "plenary", YAMLTree.element($0)]) }
    }

    mutating func deliverables(_ entries: [ForumFile.DeliverableEntry]) -> [Deliverable] {
        var deliverables: [Deliverable] = []
        for (index, entry) in entries.enumerated() {
            guard let rule = DueRule(entry.due) else {
                problems.append(
                    .error(
                        "deliverable '\(entry.id)': cannot read due rule '\(entry.due)'",
                        at: at(["deliverables", YAMLTree.element(index), "due"]),
                        hint:
                            "write e.g. '10 working days after conclusion', '3 working days before hearing', 'opening', 'policy-debate' or '2026-04-20T17:00'"
                    ))
                continue
            }
            deliverables.append(Deliverable(id: entry.id, title: entry.title, due: rule))
        }
        return deliverables
    }

    /// `document:`, with its defaults.
    mutating func document(wordLimit: Int?) -> DocumentSettings {
        guard let wordLimit else { return DocumentSettings() }
        let location = at(["document", "wordLimit"])
        if wordLimit < 1 {
            problems.append(
                .error("document.wordLimit must be a number of words above 0, not \(wordLimit)", at: location, hint: "the UN's usual limit is 8500"))
        }
        return DocumentSettings(wordLimit: wordLimit, wordLimitLocation: location)
    }

    /// `document.referenceDocx`: a file inside the workspace, named relative to it.
    mutating func referenceDocx(_ path: String?) -> String? {
        guard let path else { return nil }
        if path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            problems.append(
                .error(
                    "document.referenceDocx must name a Word file inside the workspace, relative to it, not '\(path)'",
                    at: at(["document", "referenceDocx"]), hint: "put the office's .docx in the workspace, e.g. referenceDocx: office-styles.docx"))
        }
        return path
    }

    /// The letter's and masthead's keys of `document:`, each checked at its key.
    mutating func documentForm(_ text: [String: String], into document: inout DocumentSettings) {
        func location(_ key: String) -> SourceLocation { at(["document", key]) }
        // A key's value read by `parse`, else an error at the key saying what it must be.
        func read<Value>(_ key: String, _ parse: (String) -> Value?, mustBe: String, hint: String) -> Value? {
            guard let value = text[key] else { return nil }
            if let parsed = parse(value) { return parsed }
            problems.append(.error("document.\(key) must be \(mustBe), not '\(value)'", at: location(key), hint: hint))
            return nil
        }
        if let form = read(
            "form", DocumentSettings.Form.init(rawValue:), mustBe: "letter or official",
            hint: "letter: the President's letter with the summary as its annex; official: the UN masthead")
        {
            document.form = form
        }
        if let distribution = read(
            "distribution", { value in DocumentSettings.Distribution.allCases.first { $0.rawValue.lowercased() == value.lowercased() } },
            mustBe: "General, Limited or Restricted", hint: "most documents are General")
        {
            document.distribution = distribution
        }
        if let date = text["date"] { document.date = self.date(date, ["document", "date"]) }
        if let session = read(
            "session", { Int($0).flatMap { (1...999).contains($0) ? $0 : nil } }, mustBe: "the General Assembly's session as a number",
            hint: "e.g. session: 80 for the eightieth session (September 2025 to September 2026)")
        {
            document.session = session
        }
        for key in ["president", "symbol", "originalLanguage", "agendaItem"] {
            guard let value = text[key] else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.contains(where: \.isNewline) || trimmed.count > 200 {
                problems.append(
                    .error(
                        "document.\(key) must be one line of text (at most 200 characters)", at: location(key),
                        hint: "leave the key out if there is nothing to say"))
                continue
            }
            switch key {
            case "president": document.president = trimmed
            case "symbol": document.symbol = trimmed
            case "originalLanguage": document.originalLanguage = trimmed
            default: document.agendaItem = trimmed
            }
        }
    }

    /// What the letter or masthead lacks: a signatory, a symbol.
    func documentFormWarnings(_ document: DocumentSettings, forumEnd: CivilDate) -> [Diagnostic] {
        let location = tree.node(at: ["document"], in: root) != nil ? at(["document"]) : at([])
        switch document.form {
        case .letter where document.signatory(forumEnd: forumEnd) == nil:
            return [
                .warning(
                    "the letter has no signatory: imrf does not know the President of the \(DocumentSettings.sessionWords(document.assemblySession(forumEnd: forumEnd)).lowercased())",
                    at: location, hint: "name the President in forum.yaml: document: president: NAME")
            ]
        case .official where document.symbol == nil:
            return [
                .warning(
                    "the masthead has no document symbol", at: at(["document", "form"]),
                    hint: "add the symbol the Secretariat gave the summary to forum.yaml: document: symbol: A/80/123")
            ]
        default: return []
        }
    }

    mutating func distribution(_ distribution: ForumFile.Distribution) {
        if distribution.workingDays < 1 {
            problems.append(.error("distribution.workingDays must be at least 1", at: at(["distribution", "workingDays"])))
        }
    }

    /// Addresses, the server's URL and the stages, each checked at its key:
    /// a bad one would otherwise fail only when cron first sends.
    mutating func reminders(_ entry: ForumFile.RemindersEntry) -> ReminderSettings {
        let path = ["reminders"]
        let scheme = entry.smtp.prefix { $0 != ":" }.lowercased()
        let settings = ReminderSettings(
            smtp: entry.smtp, from: entry.from, replyTo: entry.replyTo, office: entry.office,
            stages: entry.stages ?? ReminderSettings.defaultStages, credentialsFile: entry.credentialsFile, submitURL: entry.submitURL)
        if !["smtp", "smtps"].contains(scheme) || !entry.smtp.contains("://") || settings.host == nil {
            problems.append(
                .error(
                    "'reminders.smtp' is not a mail server's address: '\(entry.smtp)'", at: at(path + ["smtp"]),
                    hint: "write smtp://HOST:587 (STARTTLS) or smtps://HOST:465 (TLS from the start)"))
        } else if entry.smtp.split(separator: "://", maxSplits: 1).last?.prefix(while: { $0 != "/" }).contains("@") == true {
            problems.append(
                .error(
                    "'reminders.smtp' must not hold a user name or password", at: at(path + ["smtp"]),
                    hint: "give them in IMRF_SMTP_USER and IMRF_SMTP_PASSWORD, or in the file named by reminders.credentialsFile"))
        }
        for (key, value) in [("from", entry.from), ("office", entry.office), ("replyTo", entry.replyTo)] {
            guard let value, !ReminderSettings.isMailAddress(value) else { continue }
            problems.append(
                .error(
                    "'reminders.\(key)' is not an e-mail address: '\(value)'", at: at(path + [key]),
                    hint: "write a plain address, e.g. pga-office@un.org"))
        }
        for (index, stage) in (entry.stages ?? []).enumerated() where !(-10...30).contains(stage) {
            problems.append(
                .error(
                    "reminder stage \(stage) is outside -10 to 30 working days", at: at(path + ["stages", YAMLTree.element(index)]),
                    hint: "a stage is how many working days before the due date a reminder goes out; -1 is the first working day after it"))
        }
        if let stages = entry.stages, stages.isEmpty {
            problems.append(
                .error(
                    "'reminders.stages' is empty: no reminder would ever be sent", at: at(path + ["stages"]),
                    hint: "leave it out for the default [5, 2, 0, -1]"))
        }
        if let url = entry.submitURL, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
            problems.append(
                .error(
                    "'reminders.submitURL' is not a web address: '\(url)'", at: at(path + ["submitURL"]),
                    hint: "write the service's address, e.g. https://imrf.example.org"))
        }
        return settings
    }

    mutating func everyRoundTableIsThere(_ roundTables: [RoundTable]) {
        let numbers = Set(roundTables.map(\.number))
        if numbers != [1, 2, 3, 4] {
            let missing = (1...4).filter { !numbers.contains($0) }.map(String.init).joined(separator: ", ")
            problems.append(
                .error(
                    "round table\(missing.count > 1 ? "s" : "") \(missing) missing from sessions.roundTables",
                    at: at(["sessions", "roundTables"])))
        }
    }

    /// An objective in no round table or in two is a warning: the forum can
    /// still be summarised.
    func objectiveWarnings(_ roundTables: [RoundTable]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for number in Objective.numbers {
            let tables = roundTables.filter { $0.objectives.contains(number) }.map { String($0.number) }
            if tables.isEmpty {
                warnings.append(.warning("objective \(number) is in no round table", at: at(["sessions", "roundTables"])))
            } else if tables.count > 1 {
                warnings.append(
                    .warning(
                        "objective \(number) is in round tables \(tables.joined(separator: " and "))", at: at(["sessions", "roundTables"])))
            }
        }
        return warnings
    }
}
