import Diagnostics

/// Writes a holiday calendar as an RFC 5545 file that calendar programs
/// import and that `ICalendarReader` reads back to the same calendar.
///
/// The output is byte-stable (the DTSTAMP given, UIDs derived from the
/// date, the holiday's name and the calendar's), so a calendar kept in
/// version control only changes where a holiday does. Each year's state
/// (published or projected) is written as an `X-IMRF-YEAR` line.
/// Each holiday is one one-day event: the reader splits spans into days, so
/// writing days is what makes `read(write(c)) == c` hold. (TEXT has no
/// escape for a carriage return: CRLF inside a name is written as a newline.)
///
/// A calendar whose file would be over `ICalendarReader.Limits` (more
/// holiday days than events a file may hold, or more than 1 MiB) is refused:
/// a rule read from a small file can expand to more days than a file of
/// single days may hold, and a file imrf writes must read back.
public enum ICalendarWriter {
    /// The fewest bytes one holiday's event can take (an empty name, the
    /// shorter of DTEND and DURATION): more holidays than fit at this size
    /// are refused before anything is written.
    static let minimumEventBytes = 164

    /// `path` names the file to be written, for the error; `stamp` is every
    /// event's DTSTAMP (UTC, `YYYYMMDDTHHMMSSZ`).
    public static func write(
        _ calendar: HolidayCalendar, path: String = "calendar.ics", stamp: String = "19700101T000000Z"
    ) throws(ICalendarError) -> String {
        guard calendar.holidays.count <= ICalendarReader.Limits.events else {
            throw ICalendarError(
                .tooLarge(
                    what: "the number of holiday days to write (one event each)",
                    limit: "\(ICalendarReader.Limits.events)"),
                at: SourceLocation(path: path))
        }
        guard calendar.holidays.count * minimumEventBytes <= ICalendarReader.Limits.fileBytes else {
            throw ICalendarError(
                .tooLarge(what: "the file to write", limit: ICalendarReader.Limits.fileBytesText), at: SourceLocation(path: path))
        }
        // Written line by line and refused as soon as it is over the limit:
        // a refused calendar costs at most a file's worth of work.
        var text = ""
        func add(_ line: String) throws(ICalendarError) {
            text += ContentLine.fold(line)
            guard text.utf8.count <= ICalendarReader.Limits.fileBytes else {
                throw ICalendarError(
                    .tooLarge(what: "the file to write", limit: ICalendarReader.Limits.fileBytesText), at: SourceLocation(path: path))
            }
        }
        try add("BEGIN:VCALENDAR")
        try add("PRODID:-//imrf//holiday calendar//EN")
        try add("VERSION:2.0")
        try add("CALSCALE:GREGORIAN")
        try add("X-WR-CALNAME:\(ContentLine.escape(calendar.name))")
        if let summary = calendar.summary { try add("X-WR-CALDESC:\(ContentLine.escape(summary))") }
        try add("X-IMRF-COVERAGE-START;VALUE=DATE:\(calendar.coverage.lowerBound.basic)")
        try add("X-IMRF-COVERAGE-END;VALUE=DATE:\(calendar.coverage.upperBound.basic)")
        for year in calendar.years {
            var line = "X-IMRF-YEAR;X-IMRF-STATE=\(year.state.rawValue.uppercased())"
            if year.state == .published, let source = year.source { line += ";X-IMRF-CIRCULAR=\(parameter(source))" }
            let digits = String(year.year)
            try add(line + ":" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
        }
        let domain = slug(calendar.name).map { "\($0).imrf" } ?? "imrf"
        var used: Set<String> = []
        for holiday in calendar.holidays {
            var uid = "\(holiday.date.basic)-\(slug(holiday.name) ?? "1")"
            var n = 1
            while !used.insert(uid).inserted {
                n += 1
                uid = "\(holiday.date.basic)-\(slug(holiday.name) ?? "1")-\(n)"
            }
            try add("BEGIN:VEVENT")
            try add("UID:\(uid)@\(domain)")
            try add("DTSTAMP:\(stamp)")
            try add("DTSTART;VALUE=DATE:\(holiday.date.basic)")
            // 9999-12-31 has no next day that YYYYMMDD can write.
            try add(
                holiday.date.year < 9999 || holiday.date.month < 12 || holiday.date.day < 31
                    ? "DTEND;VALUE=DATE:\(holiday.date.adding(days: 1).basic)" : "DURATION:P1D")
            try add("SUMMARY:\(ContentLine.escape(holiday.name))")
            try add("STATUS:\(holiday.status == .confirmed ? "CONFIRMED" : "TENTATIVE")")
            // A day off, not a meeting: calendar programs must not show the
            // person as busy.
            try add("TRANSP:TRANSPARENT")
            if let source = holiday.source { try add("X-IMRF-SOURCE:\(ContentLine.escape(source))") }
            if holiday.isClosure { try add("X-IMRF-KIND:CLOSURE") }
            try add("END:VEVENT")
        }
        try add("END:VCALENDAR")
        return text
    }

    /// Lower-case ASCII letters and digits joined by single hyphens
    /// (`Eid al-Fitr` -> `eid-al-fitr`); nil when nothing is left.
    static func slug(_ text: String) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
            if out.utf8.count >= 60 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; a double
    /// quote, which no parameter value may hold, becomes a single one.
    static func parameter(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\"", with: "'").filter { !$0.isNewline }
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }
}
