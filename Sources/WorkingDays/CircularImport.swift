public import Diagnostics
import Foundation

/// Reads the list of an information circular on official holidays at
/// Headquarters as the office copies it out of the PDF or Word circular:
///
///     Monday, 1 January 2029          New Year's Day
///     Friday, 30 March                Good Friday
///     Wednesday, 14 February          Id al-Fitr a
///
/// Lines before the first date (the circular's heading, its symbol) and after
/// the last (the footnotes) are read for the symbol and the year only. A line
/// between two dates that holds no date continues the name above it, as a
/// name wrapped by copying from a PDF does. Every line that cannot be read is
/// named with its number, and nothing is taken from a list with any.
public struct CircularImport: Sendable {
    /// One holiday of the circular, with the line it was read from.
    public struct Entry: Sendable, Hashable {
        public var date: CivilDate
        /// The calendar's spelling (`Eid al-Fitr` for the circular's `Id al-Fitr`).
        public var name: String
        public var line: Int
    }

    public var year: Int
    public var entries: [Entry]
    /// The circular's symbol (`ST/IC/2028/20`) from `--source` or the text.
    public var source: String?
    /// What was read but is worth a look (a holiday that is not one of the nine).
    public var warnings: [Diagnostic]

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Spellings of the circulars (and of people retyping them) for the
    /// nine names of the calendar, lower-cased, apostrophes and hyphens
    /// straightened.
    static let aliases: [String: String] = [
        "new year's day": "New Year's Day", "new year's": "New Year's Day", "new year": "New Year's Day",
        "good friday": "Good Friday",
        "id al-fitr": "Eid al-Fitr", "eid al-fitr": "Eid al-Fitr", "id al fitr": "Eid al-Fitr", "eid al fitr": "Eid al-Fitr",
        "eid ul-fitr": "Eid al-Fitr", "id ul-fitr": "Eid al-Fitr",
        "memorial day": "Memorial Day",
        "independence day": "Independence Day",
        "id al-adha": "Eid al-Adha", "eid al-adha": "Eid al-Adha", "id al adha": "Eid al-Adha", "eid al adha": "Eid al-Adha",
        "eid ul-adha": "Eid al-Adha", "id ul-adha": "Eid al-Adha",
        "labour day": "Labour Day", "labor day": "Labour Day",
        "thanksgiving day": "Thanksgiving Day", "thanksgiving": "Thanksgiving Day",
        "christmas day": "Christmas Day", "christmas": "Christmas Day",
    ]

    /// Reads `text` (at most 64 KiB: a circular's list is a page). `year`
    /// (from `--year`) wins over the text's; `source` over the symbol found.
    public static func read(_ text: String, path: String, year: Int? = nil, source: String? = nil) throws(DiagnosticFailure) -> CircularImport {
        guard text.utf8.count <= 64 * 1024 else {
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "the circular's text is over 64 KiB", at: SourceLocation(path: path),
                    hint: "copy only the list of holidays (a page) out of the circular"))
        }
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line) }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Dates first: which lines are the list decides what the others are.
        var parsed: [(line: Int, day: Int, month: Int, year: Int?, weekday: Weekday?, rest: String)] = []
        for (index, raw) in lines.enumerated() {
            if let date = parseDateLine(raw) { parsed.append((index + 1, date.day, date.month, date.year, date.weekday, date.rest)) }
        }
        // Each date's name: the rest of its line and the lines up to the next
        // date (a name wrapped by the PDF); after the last date come the
        // footnotes, so only a name left off its line is taken from there.
        var names: [String] = []
        for (i, item) in parsed.enumerated() {
            var name = item.rest
            let end = i + 1 < parsed.count ? parsed[i + 1].line - 1 : lines.count
            let following = lines[item.line..<end].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if i + 1 < parsed.count {
                name += " " + following.joined(separator: " ")
            } else if name.trimmingCharacters(in: .whitespaces).isEmpty, let next = following.first {
                name = next
            }
            names.append(name)
        }
        // The circular's own date in its heading ("16 October 2028", on a
        // line of its own) is no holiday: dates before the first known name
        // with nothing after them on their line are the heading's.
        if let first = names.firstIndex(where: { aliases[cleanName($0).lowercased()] != nil }) {
            let heading = (0..<first).filter { parsed[$0].rest.trimmingCharacters(in: .whitespaces).isEmpty }
            for index in heading.reversed() {
                parsed.remove(at: index)
                names.remove(at: index)
            }
        }
        guard !parsed.isEmpty else {
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "no holiday found: no line starts with a date such as 'Monday, 1 January 2029'", at: SourceLocation(path: path),
                    hint: "copy the circular's list of holidays, one holiday a line, the date first"))
        }
        let found = symbol(in: text)
        let target = year ?? parsed.compactMap(\.year).first ?? yearMentioned(in: text)
        guard let target else {
            throw DiagnosticFailure(
                .usage,
                .error(
                    "the list does not say its year", at: SourceLocation(path: path),
                    hint: "give it with --year, e.g. --year 2029"))
        }
        var entries: [Entry] = []
        // Names on lines already in error are not reported missing as well.
        var named: Set<String> = []
        for (item, name) in zip(parsed, names) {
            if let known = aliases[cleanName(name).lowercased()] { named.insert(known) }
            let itemYear = item.year ?? target
            guard let date = CivilDate(year: itemYear, month: item.month, day: item.day) else {
                problems.append(
                    .error("\(item.day) \(months[item.month - 1].capitalized) \(itemYear) is not a date", at: at(item.line)))
                continue
            }
            if let weekday = item.weekday, weekday != date.weekday {
                problems.append(
                    .error(
                        "\(date.unStyle) is a \(date.weekday.name), not a \(weekday.name)", at: at(item.line),
                        hint: "check the date against the circular"))
            }
            let cleaned = cleanName(name)
            guard !cleaned.isEmpty else {
                problems.append(.error("\(date.unStyle) has no holiday name", at: at(item.line), hint: "put the name after the date"))
                continue
            }
            let known = aliases[cleaned.lowercased()]
            if known == nil {
                warnings.append(
                    .warning(
                        "'\(cleaned)' is not one of the nine official holidays; it is entered as written", at: at(item.line),
                        hint: "if it is one of them, spell it as the circular does (e.g. Id al-Fitr, Labour Day)"))
            }
            if date.year != target, !(known == "New Year's Day" && date.month == 12 && date.day == 31 && date.year == target - 1) {
                problems.append(
                    .error(
                        "\(date.unStyle) is not in \(target), the year being entered", at: at(item.line),
                        hint: "enter one year at a time (--year), or correct the date"))
                continue
            }
            entries.append(Entry(date: date, name: known ?? cleaned, line: item.line))
        }
        for name in HeadquartersHolidays.names {
            let matches = entries.filter { $0.name == name }
            if matches.isEmpty, !named.contains(name) {
                problems.append(
                    .error(
                        "\(name) is missing from the list for \(target)", at: SourceLocation(path: path),
                        hint: "each circular lists the nine official holidays; copy the whole list"))
            } else if matches.count > 1 {
                problems.append(
                    .error(
                        "\(name) is listed \(matches.count) times (lines \(matches.map { String($0.line) }.joined(separator: ", ")))",
                        at: at(matches[1].line), hint: "keep the one the circular gives"))
            }
        }
        for entry in entries where entry.date.weekday >= .saturday {
            problems.append(
                .error(
                    "\(entry.name) on \(entry.date.long) falls on a weekend", at: at(entry.line),
                    hint: "the circular gives the day Headquarters observes it (a Friday or a Monday): copy that date"))
        }
        var byDate: [CivilDate: [Entry]] = [:]
        for entry in entries { byDate[entry.date, default: []].append(entry) }
        for (date, same) in byDate.sorted(by: { $0.key < $1.key }) where Set(same.map(\.name)).count > 1 {
            problems.append(
                .error(
                    "\(same.map(\.name).joined(separator: " and ")) are both on \(date.long)", at: at(same[1].line),
                    hint: "the circular gives each holiday its own day; check the dates"))
        }
        guard problems.isEmpty else {
            throw DiagnosticFailure(.badInput, problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
        }
        return CircularImport(
            year: target, entries: entries.sorted { $0.date < $1.date }, source: source ?? found, warnings: warnings)
    }

    /// The holidays as the calendar keeps them: confirmed, the circular as their source.
    public var holidays: [Holiday] {
        let from = source.map { "confirmed: \($0)" } ?? "confirmed: the Secretariat's information circular for \(year)"
        return entries.map { Holiday(date: $0.date, name: $0.name, status: .confirmed, source: from) }
    }

    /// What changes against the year as the calendar has it now.
    public func changes(against calendar: HolidayCalendar) -> [String] {
        let dates = Set(entries.map(\.date))
        let before = calendar.holidays.filter { $0.date.year == year || dates.contains($0.date) }
        var lines: [String] = []
        for entry in entries {
            let old = before.filter { $0.name == entry.name && abs($0.date.days(to: entry.date)) < 200 }
            if old.isEmpty {
                lines.append("added: \(entry.name), \(entry.date.long)")
            } else if !old.contains(where: { $0.date == entry.date }) {
                lines.append("moved: \(entry.name), from \(old[0].date.long) to \(entry.date.long)")
            } else if old.contains(where: { $0.date == entry.date && $0.status == .tentative }) {
                lines.append("confirmed: \(entry.name), \(entry.date.long)")
            } else {
                lines.append("unchanged: \(entry.name), \(entry.date.long)")
            }
        }
        for holiday in before where holiday.date.year == year && !entries.contains(where: { $0.name == holiday.name }) {
            lines.append("removed: \(holiday.name), \(holiday.date.long) (not in the circular)")
        }
        return lines
    }

    /// `calendar` with the year entered as published.
    public func applied(to calendar: HolidayCalendar) throws(DiagnosticFailure) -> HolidayCalendar {
        let circular = source ?? "the Secretariat's information circular for \(year)"
        var edited = try CalendarEdit.replacing(
            year: CalendarYear(year, .published, source: circular), in: calendar, with: holidays)
        // New Year's Day observed on 31 December of the year before belongs
        // to that year's days: it replaces the projection's, if any.
        for early in holidays where early.date.year != year && edited.coverage.contains(early.date) {
            let others = edited.holidays.filter { !($0.date == early.date && $0.name == early.name) }
            edited = HolidayCalendar(
                name: edited.name, coverage: edited.coverage, holidays: others + [early], summary: edited.summary, years: edited.years)
        }
        return edited
    }

    // MARK: Reading lines

    /// `Monday, 1 January 2029  New Year's Day`, `1 January  Name`,
    /// `January 1, 2029 Name`: the date's parts and the rest of the line.
    static func parseDateLine(_ raw: String) -> (day: Int, month: Int, year: Int?, weekday: Weekday?, rest: String)? {
        var words = raw.replacingOccurrences(of: "\t", with: " ").split(separator: " ").map(String.init)[...]
        guard !words.isEmpty else { return nil }
        func bare(_ word: String) -> String { word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:")).lowercased() }
        var weekday: Weekday?
        if let day = Weekday.allCases.first(where: {
            bare(words.first!) == $0.name.lowercased() || bare(words.first!) == String($0.name.prefix(3)).lowercased()
        }) {
            weekday = day
            words = words.dropFirst()
        }
        guard words.count >= 2 else { return nil }
        var day: Int?
        var month: Int?
        if let d = Int(bare(words.first!)), let m = months.firstIndex(of: bare(words[words.startIndex + 1])) {
            (day, month) = (d, m + 1)
        } else if let m = months.firstIndex(of: bare(words.first!)), let d = Int(bare(words[words.startIndex + 1])) {
            (day, month) = (d, m + 1)
        }
        guard let day, let month, (1...31).contains(day) else { return nil }
        words = words.dropFirst(2)
        var year: Int?
        if let word = words.first, let y = Int(bare(word)), (1900...2100).contains(y) {
            year = y
            words = words.dropFirst()
        }
        return (day, month, year, weekday, words.joined(separator: " "))
    }

    /// The name without footnote marks (`Id al-Fitr a`, `Id al-Adha*`,
    /// `Id al-Fitr (b)`, a superscript letter), curly apostrophes and runs of spaces.
    static func cleanName(_ raw: String) -> String {
        var name = raw.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2010}", with: "-")
            .replacingOccurrences(of: "\u{2011}", with: "-").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "- ", with: "-")
        name = name.unicodeScalars.filter { !(0x1D43...0x1D5B).contains($0.value) && !"\u{00AA}\u{00BA}*†‡".unicodeScalars.contains($0) }
            .reduce(into: "") { $0.unicodeScalars.append($1) }
        var words = name.split(separator: " ").map(String.init)
        while let last = words.last, words.count > 1,
            last.count == 1 && last.first!.isLetter && last.first!.isLowercase
                || (last.hasPrefix("(") && last.hasSuffix(")") && last.count <= 3)
        {
            words.removeLast()
        }
        // A mark stuck to the word: `Id al-Fitra` where the circular has a superscript a.
        let joined = words.joined(separator: " ")
        if aliases[joined.lowercased()] == nil, let last = words.last, last.count > 1 {
            let trimmed = (words.dropLast() + [String(last.dropLast())]).joined(separator: " ")
            if aliases[trimmed.lowercased()] != nil { return trimmed }
        }
        return words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// `ST/IC/2028/20` anywhere in the text.
    static func symbol(in text: String) -> String? {
        guard let range = text.range(of: #"ST/IC/\d{4}/\d+(/Rev\.\d+|/Corr\.\d+)?"#, options: .regularExpression) else { return nil }
        return String(text[range])
    }

    /// "during 2029", "for 2029", "in 2029" in the heading.
    static func yearMentioned(in text: String) -> Int? {
        guard let range = text.range(of: #"(during|for|in) (19|20)\d\d"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
        return Int(text[range].suffix(4))
    }
}
