import Diagnostics
public import Foundation

/// Reads holiday calendars in the iCalendar format (RFC 5545), the format
/// every calendar program exports, so the office can keep its UN
/// Headquarters holidays in a file people can also open in Outlook.
///
/// Only whole-day events are read. The reader is strict on purpose: anything
/// it does not understand and that could change which days are holidays is
/// an error naming the line, never skipped; properties that cannot change a
/// date (UID, DESCRIPTION, X-...) are ignored. The file must declare the days
/// it covers (`X-IMRF-COVERAGE-START` and `-END`), because outside them
/// nothing is known; recurring holidays are expanded within that range only.
public enum ICalendarReader {
    /// Parses a holiday calendar. `name` is used when the file has no
    /// X-WR-CALNAME; `path` is for diagnostics.
    public static func read(_ text: String, name: String, path: String) throws(ICalendarError) -> HolidayCalendar {
        guard text.utf8.count <= Limits.fileBytes else {
            throw ICalendarError(.tooLarge(what: "the file", limit: Limits.fileBytesText), at: SourceLocation(path: path))
        }
        var parser = Parser(path: path, name: name)
        return try parser.parse(text)
    }

    /// Reads the file at `url`. `name` defaults to the file name without
    /// `.ics`.
    public static func read(contentsOf url: URL, name: String? = nil) throws(ICalendarError) -> HolidayCalendar {
        let path = url.isFileURL ? url.relativePath : url.absoluteString
        // The size first: a huge file is refused without reading it, and an
        // empty one is never read (Foundation's Data(contentsOf:) leaks a
        // buffer on an empty file, found by fuzzing).
        if url.isFileURL, let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int {
            if size > Limits.fileBytes {
                throw ICalendarError(.tooLarge(what: "the file", limit: Limits.fileBytesText), at: SourceLocation(path: path))
            }
            if size == 0 { throw ICalendarError(.emptyFile, at: SourceLocation(path: path)) }
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: url.path)
                ? "the file cannot be opened" : "there is no file at \(path)"
            throw ICalendarError(.unreadableFile(reason: reason), at: SourceLocation(path: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ICalendarError(.notUTF8, at: SourceLocation(path: path))
        }
        let defaultName =
            url.pathExtension.lowercased() == "ics"
            ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
        return try read(text, name: name ?? defaultName, path: path)
    }

    /// What the reader accepts at most. A real holiday calendar is far
    /// below each (the UN's is 19 KB, 54 events, lines under 1,000
    /// characters for six years); beyond them a file is a mistake or an
    /// attack, and reading it would take minutes or gigabytes.
    public enum Limits {
        /// Size of the file, in bytes of UTF-8: 1 MiB.
        public static let fileBytes = 1 << 20
        static let fileBytesText = "1 MiB"
        /// Characters (Unicode scalars) of one logical line, after unfolding.
        public static let lineLength = 10_000
        /// `VEVENT` components in one calendar.
        public static let events = 10_000
        /// Holiday days after expanding rules, RDATEs and multi-day events.
        public static let holidayDays = 100_000
        /// Dates examined while expanding all the rules of a file, whether
        /// or not they become holidays (a year of a rule costs at least one):
        /// the work a file may ask for, about a second at most.
        public static let ruleDates = 500_000
        static let ruleDatesText = "500,000 dates examined"
    }

    /// Properties of an event that cannot change its dates.
    static let harmlessEventProperties: Set<String> = [
        "UID", "DTSTAMP", "CREATED", "LAST-MODIFIED", "DESCRIPTION", "LOCATION", "CATEGORIES",
        "CLASS", "TRANSP", "SEQUENCE", "COMMENT", "URL", "PRIORITY", "CONTACT", "ORGANIZER",
        "ATTACH", "GEO", "RESOURCES", "COLOR",
    ]

    /// Properties of the calendar itself that cannot change any date.
    static let harmlessCalendarProperties: Set<String> = [
        "PRODID", "VERSION", "METHOD", "COMMENT", "NAME", "DESCRIPTION", "COLOR", "UID",
        "URL", "LAST-MODIFIED", "REFRESH-INTERVAL", "SOURCE", "IMAGE",
    ]
}

/// One `VEVENT` as read, checked, before expansion against the coverage.
private struct EventDraft {
    var line: Int
    var start: CivilDate?
    var end: CivilDate?
    var endLine = 0
    var durationDays: Int?
    var summary: String?
    var status: Holiday.Status = .confirmed
    var cancelled = false
    var source: String?
    var isClosure = false
    var rule: RecurrenceRule?
    var exdates: Set<CivilDate> = []
    var rdates: [CivilDate] = []
    var seen: Set<String> = []
}

private struct Parser {
    let path: String
    var name: String
    var summary: String?
    var coverageStart: CivilDate?
    var coverageEnd: CivilDate?
    var coverageEndLine = 0
    var seenCalendarProperties: Set<String> = []
    var years: [(year: CalendarYear, line: Int)] = []
    var events: [(draft: EventDraft, days: Int)] = []

    init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    func fail(_ code: ICalendarError.Code, _ line: Int) -> ICalendarError {
        ICalendarError(code, at: SourceLocation(path: path, line: line))
    }

    mutating func parse(_ text: String) throws(ICalendarError) -> HolidayCalendar {
        let lines = ContentLine.unfold(text)
        guard !lines.isEmpty else { throw fail(.emptyFile, 1) }
        var stack: [String] = []
        var skipDepth: Int?
        var event: EventDraft?
        var ended = false
        for (raw, number) in lines {
            guard raw.unicodeScalars.count <= ICalendarReader.Limits.lineLength else {
                throw fail(.tooLarge(what: "this line", limit: "\(ICalendarReader.Limits.lineLength) characters"), number)
            }
            guard let line = ContentLine(raw, line: number) else { throw fail(.malformedLine, number) }
            if ended { throw fail(.contentAfterEnd, number) }
            let component = line.value.uppercased()
            if stack.isEmpty {
                if line.name == "END" { throw fail(.endWithoutBegin(component: component), number) }
                guard line.name == "BEGIN", component == "VCALENDAR" else { throw fail(.notACalendar, number) }
                stack.append(component)
                continue
            }
            switch line.name {
            case "BEGIN":
                if skipDepth == nil {
                    switch (stack.last!, component) {
                    case ("VCALENDAR", "VEVENT"):
                        guard events.count < ICalendarReader.Limits.events else {
                            throw fail(.tooLarge(what: "the number of events", limit: "\(ICalendarReader.Limits.events)"), number)
                        }
                        event = EventDraft(line: number)
                    case ("VCALENDAR", "VTIMEZONE"), ("VEVENT", "VALARM"):
                        skipDepth = stack.count
                    case (_, let other) where other.hasPrefix("X-"):
                        skipDepth = stack.count
                    case (let parent, let other):
                        throw fail(.unsupported("the component \(other) inside \(parent)"), number)
                    }
                }
                stack.append(component)
            case "END":
                guard stack.last == component else {
                    if stack.contains(component) { throw fail(.missingEnd(component: stack.last!), number) }
                    throw fail(.endWithoutBegin(component: component), number)
                }
                stack.removeLast()
                if let depth = skipDepth {
                    if stack.count == depth { skipDepth = nil }
                    continue
                }
                if component == "VEVENT", let draft = event {
                    events.append((draft, try check(draft, endLine: number)))
                    event = nil
                } else if component == "VCALENDAR" {
                    ended = true
                }
            default:
                if skipDepth != nil { continue }
                if stack.last == "VEVENT" {
                    try add(line, to: &event!)
                } else {
                    try addCalendarProperty(line)
                }
            }
        }
        if let open = stack.last { throw fail(.missingEnd(component: open), lines.last!.line) }
        guard let coverageStart, let coverageEnd else { throw fail(.missingCoverage, lines.first!.line) }
        guard coverageStart <= coverageEnd else {
            throw fail(.endNotAfterStart(property: "X-IMRF-COVERAGE-END"), coverageEndLine)
        }
        let coverage = coverageStart...coverageEnd
        let coveredYears = coverage.lowerBound.year...coverage.upperBound.year
        for (year, line) in years where !coveredYears.contains(year.year) {
            throw fail(.yearOutsideCoverage(year: year.year), line)
        }
        let projected = Set(years.filter { $0.year.state == .projected }.map(\.year.year))
        var holidays: [Holiday] = []
        var budget = ICalendarReader.Limits.ruleDates
        for (draft, days) in events where !draft.cancelled {
            let expanded = try expand(
                draft, days: days, coverage: coverage, room: ICalendarReader.Limits.holidayDays - holidays.count, budget: &budget)
            // A closure is a fact recorded, not a date derived: it may be confirmed in any year.
            if let confirmed = expanded.first(where: { $0.status == .confirmed && !$0.isClosure && projected.contains($0.date.year) }) {
                throw fail(.confirmedInProjectedYear(year: confirmed.date.year), draft.line)
            }
            holidays += expanded
        }
        return HolidayCalendar(name: name, coverage: coverage, holidays: holidays, summary: summary, years: years.map(\.year))
    }

    // MARK: Calendar

    mutating func addCalendarProperty(_ line: ContentLine) throws(ICalendarError) {
        let once: Set<String> = ["X-WR-CALNAME", "X-WR-CALDESC", "X-IMRF-COVERAGE-START", "X-IMRF-COVERAGE-END", "CALSCALE"]
        if once.contains(line.name), !seenCalendarProperties.insert(line.name).inserted {
            throw fail(.duplicateProperty(line.name), line.line)
        }
        switch line.name {
        case "X-WR-CALNAME": name = ContentLine.unescape(line.value)
        case "X-WR-CALDESC": summary = ContentLine.unescape(line.value)
        case "X-IMRF-COVERAGE-START": coverageStart = try dates(line, list: false)[0]
        case "X-IMRF-COVERAGE-END":
            coverageEnd = try dates(line, list: false)[0]
            coverageEndLine = line.line
        case "X-IMRF-YEAR":
            try addYear(line)
        case "CALSCALE":
            guard line.value.uppercased() == "GREGORIAN" else {
                throw fail(.unsupported("CALSCALE:\(line.value) (only the Gregorian calendar is read)"), line.line)
            }
        case let other where other.hasPrefix("X-") || ICalendarReader.harmlessCalendarProperties.contains(other):
            break
        default:
            throw fail(.unsupported("the calendar property \(line.name)"), line.line)
        }
    }

    /// `X-IMRF-YEAR;X-IMRF-STATE=PUBLISHED;X-IMRF-CIRCULAR=ST/IC/2023/18:2024`
    /// or `X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:2030`: an extension property
    /// (RFC 5545 3.8.8.2), which other calendar programs ignore.
    mutating func addYear(_ line: ContentLine) throws(ICalendarError) {
        guard line.value.count == 4, let number = Int(line.value), number > 0 else {
            throw fail(.invalidValue(property: "X-IMRF-YEAR", value: line.value), line.line)
        }
        let state: CalendarYear.State
        switch line.parameters["X-IMRF-STATE"]?.uppercased() {
        case "PUBLISHED": state = .published
        case "PROJECTED": state = .projected
        default:
            throw fail(.invalidValue(property: "X-IMRF-STATE", value: line.parameters["X-IMRF-STATE"] ?? ""), line.line)
        }
        guard !years.contains(where: { $0.year.year == number }) else { throw fail(.yearDeclaredTwice(year: number), line.line) }
        let circular = line.parameters["X-IMRF-CIRCULAR"].flatMap { $0.isEmpty ? nil : $0 }
        // A symbol is printable text: a control character could not be written back as it was read.
        if let circular, circular.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw fail(.invalidValue(property: "X-IMRF-CIRCULAR", value: circular), line.line)
        }
        years.append((CalendarYear(number, state, source: state == .published ? circular : nil), line.line))
    }

    // MARK: Events

    func add(_ line: ContentLine, to event: inout EventDraft) throws(ICalendarError) {
        let once: Set<String> = ["DTSTART", "DTEND", "DURATION", "SUMMARY", "STATUS", "X-IMRF-SOURCE", "X-IMRF-KIND"]
        if once.contains(line.name), !event.seen.insert(line.name).inserted {
            throw fail(.duplicateProperty(line.name), line.line)
        }
        switch line.name {
        case "DTSTART":
            event.start = try dates(line, list: false)[0]
        case "DTEND":
            if event.seen.contains("DURATION") { throw fail(.unsupported("both DTEND and DURATION in one event"), line.line) }
            event.end = try dates(line, list: false)[0]
            event.endLine = line.line
        case "DURATION":
            if event.seen.contains("DTEND") { throw fail(.unsupported("both DTEND and DURATION in one event"), line.line) }
            event.durationDays = try duration(line)
            event.endLine = line.line
        case "SUMMARY":
            event.summary = ContentLine.unescape(line.value)
        case "STATUS":
            switch line.value.uppercased() {
            case "CONFIRMED": event.status = .confirmed
            case "TENTATIVE": event.status = .tentative
            case "CANCELLED": event.cancelled = true
            default: throw fail(.invalidValue(property: "STATUS", value: line.value), line.line)
            }
        case "X-IMRF-SOURCE":
            event.source = ContentLine.unescape(line.value)
        case "X-IMRF-KIND":
            switch line.value.uppercased() {
            case "HOLIDAY": event.isClosure = false
            case "CLOSURE": event.isClosure = true
            default: throw fail(.invalidValue(property: "X-IMRF-KIND", value: line.value), line.line)
            }
        case "RRULE":
            guard event.rule == nil else { throw fail(.unsupported("more than one RRULE in one event"), line.line) }
            do {
                event.rule = try RecurrenceRule(parsing: line.value)
            } catch .unsupported(let feature) {
                throw fail(.unsupported(feature), line.line)
            } catch {
                throw fail(.invalidValue(property: "RRULE", value: line.value), line.line)
            }
        case "EXDATE":
            event.exdates.formUnion(try dates(line, list: true))
        case "RDATE":
            event.rdates += try dates(line, list: true)
        case let other where other.hasPrefix("X-") || ICalendarReader.harmlessEventProperties.contains(other):
            break
        default:
            throw fail(.unsupported("the event property \(line.name)"), line.line)
        }
    }

    /// Checks a finished event; returns its length in days.
    func check(_ event: EventDraft, endLine: Int) throws(ICalendarError) -> Int {
        guard let start = event.start else {
            throw fail(.missingProperty(component: "VEVENT", property: "DTSTART"), event.line)
        }
        guard event.summary != nil else {
            throw fail(.missingProperty(component: "VEVENT", property: "SUMMARY"), event.line)
        }
        var days = event.durationDays ?? 1
        if let end = event.end {
            guard end > start else { throw fail(.endNotAfterStart(property: "DTEND"), event.endLine) }
            days = start.days(to: end)
        }
        guard days <= 366 else { throw fail(.unsupported("an event longer than a year"), event.endLine) }
        // A date exists up to 9999-12-31 only: a day past it could be neither
        // written back nor read again.
        let last = CivilDate(year: 9999, month: 12, day: 31)!
        guard start.days(to: last) >= days - 1 else {
            throw fail(.unsupported("an event that ends after 31 December 9999"), event.endLine)
        }
        return days
    }

    /// A single event keeps its days as written; a recurring one (RRULE or
    /// RDATE) is cut to the coverage, the only range its expansion can be
    /// trusted for.
    /// Fails when the event would make more than `room` holiday days, or
    /// its rule would examine more dates than are left in `budget`.
    func expand(
        _ event: EventDraft, days: Int, coverage: ClosedRange<CivilDate>, room: Int, budget: inout Int
    ) throws(ICalendarError) -> [Holiday] {
        let start = event.start!
        let recurring = event.rule != nil || !event.rdates.isEmpty
        var starts: Set<CivilDate> = [start]
        if let rule = event.rule {
            do {
                starts = Set(
                    try rule.occurrences(
                        from: start, through: coverage.upperBound, skippingBefore: coverage.lowerBound, budget: &budget))
            } catch {
                throw fail(
                    .tooLarge(
                        what: "the work of expanding recurrence rules", limit: ICalendarReader.Limits.ruleDatesText), event.line)
            }
        }
        starts.formUnion(event.rdates)
        starts.subtract(event.exdates)
        guard starts.count * days <= room else {
            throw fail(
                .tooLarge(what: "the number of holiday days (after expanding rules)", limit: "\(ICalendarReader.Limits.holidayDays)"), event.line)
        }
        var result: [Holiday] = []
        for first in starts.sorted() {
            for offset in 0..<days {
                let date = first.adding(days: offset)
                if recurring, !coverage.contains(date) { continue }
                result.append(
                    Holiday(date: date, name: event.summary!, status: event.status, source: event.source, isClosure: event.isClosure))
            }
        }
        return result
    }

    // MARK: Values

    /// Dates of a `VALUE=DATE` property. A time, a time zone or a period
    /// would make the holiday something other than whole civil days.
    func dates(_ line: ContentLine, list: Bool) throws(ICalendarError) -> [CivilDate] {
        if line.parameters["TZID"] != nil {
            throw fail(
                .unsupported("\(line.name) with a time zone (TZID); holidays are whole days, written \(line.name);VALUE=DATE:YYYYMMDD"), line.line)
        }
        if let value = line.parameters["VALUE"], value.uppercased() != "DATE" {
            throw fail(.unsupported("\(line.name) with VALUE=\(value); holidays are whole days, written \(line.name);VALUE=DATE:YYYYMMDD"), line.line)
        }
        let items = list ? line.value.split(separator: ",", omittingEmptySubsequences: false) : [Substring(line.value)]
        var result: [CivilDate] = []
        for item in items {
            if item.contains("T") || item.contains("/") {
                throw fail(
                    .unsupported("\(line.name) with a time or period ('\(item)'); holidays are whole days, written \(line.name);VALUE=DATE:YYYYMMDD"),
                    line.line)
            }
            guard let date = CivilDate(basic: item) else {
                throw fail(.invalidDate(property: line.name, value: String(item)), line.line)
            }
            result.append(date)
        }
        return result
    }

    /// `P1D`, `P2D`, `P1W` (optionally `+`); times are refused.
    func duration(_ line: ContentLine) throws(ICalendarError) -> Int {
        var text = Substring(line.value.uppercased())
        if text.hasPrefix("+") { text = text.dropFirst() }
        let invalid = fail(.invalidValue(property: "DURATION", value: line.value), line.line)
        guard text.hasPrefix("P") else { throw invalid }
        text = text.dropFirst()
        if text.contains("T") {
            throw fail(.unsupported("DURATION with hours or minutes; holidays are whole days (P1D)"), line.line)
        }
        var days = 0
        var number = ""
        var sawUnit = false
        for c in text {
            if c.isASCII, c.isNumber {
                number.append(c)
            } else if c == "W" || c == "D", let n = Int(number), n <= 1000 {
                days += c == "W" ? n * 7 : n
                number = ""
                sawUnit = true
            } else {
                throw invalid
            }
        }
        guard sawUnit, number.isEmpty else { throw invalid }
        guard days > 0 else { throw fail(.endNotAfterStart(property: "DURATION"), line.line) }
        return days
    }
}
