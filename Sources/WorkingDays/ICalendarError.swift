public import Diagnostics

/// Why a holiday calendar file could not be read, and where.
///
/// A calendar decides which days count towards a deadline, so every problem
/// stops the reading: nothing is guessed or skipped silently. The message is
/// written for the person who maintains the file, not for a programmer.
public struct ICalendarError: DiagnosticError, Equatable {
    public enum Code: Sendable, Equatable {
        /// The file could not be opened or read.
        case unreadableFile(reason: String)
        /// The file is not UTF-8 text.
        case notUTF8
        /// The file has no content lines.
        case emptyFile
        /// A line is not of the form `NAME[;PARAM=value]:value`.
        case malformedLine
        /// The file does not start with `BEGIN:VCALENDAR`.
        case notACalendar
        /// `END:X` with no open `BEGIN:X`.
        case endWithoutBegin(component: String)
        /// A component is still open at the end of the file, or when an
        /// enclosing one ends.
        case missingEnd(component: String)
        /// Lines after `END:VCALENDAR`.
        case contentAfterEnd
        /// A date that does not exist or is not `YYYYMMDD`.
        case invalidDate(property: String, value: String)
        /// A value that cannot be understood.
        case invalidValue(property: String, value: String)
        /// A required property is absent.
        case missingProperty(component: String, property: String)
        /// A property that may appear once appears again.
        case duplicateProperty(String)
        /// The calendar does not say which days it covers.
        case missingCoverage
        /// `DTEND` is not after `DTSTART`, or coverage ends before it starts.
        case endNotAfterStart(property: String)
        /// Over one of `ICalendarReader.Limits`: `what` is over `limit`.
        case tooLarge(what: String, limit: String)
        /// A feature that could change the set of dates and that imrf does
        /// not implement; described for people.
        case unsupported(String)
        /// A holiday marked confirmed in a year the calendar says is projected.
        case confirmedInProjectedYear(year: Int)
        /// An `X-IMRF-YEAR` line for a year already declared, or outside the coverage.
        case yearDeclaredTwice(year: Int)
        case yearOutsideCoverage(year: Int)
    }

    public var code: Code
    public var location: SourceLocation

    public init(_ code: Code, at location: SourceLocation) {
        self.code = code
        self.location = location
    }

    public var kind: FailureKind { .badInput }

    public var diagnostics: [Diagnostic] {
        [.error(message, at: location, hint: hint)]
    }

    var message: String {
        switch code {
        case .unreadableFile(let reason): "cannot read the holiday calendar: \(reason)"
        case .notUTF8: "the holiday calendar is not UTF-8 text"
        case .emptyFile: "the holiday calendar file is empty"
        case .malformedLine: "this line is not of the form NAME:value"
        case .notACalendar: "the file does not start with BEGIN:VCALENDAR, so it is not an iCalendar file"
        case .endWithoutBegin(let component): "END:\(component) has no matching BEGIN:\(component)"
        case .missingEnd(let component): "BEGIN:\(component) is never closed by END:\(component)"
        case .contentAfterEnd: "there is text after END:VCALENDAR"
        case .invalidDate(let property, let value): "\(property) has '\(value)', which is not a valid date"
        case .invalidValue(let property, let value): "\(property) has the value '\(value)', which cannot be understood"
        case .missingProperty(let component, let property): "this \(component) has no \(property)"
        case .duplicateProperty(let property): "\(property) appears more than once here"
        case .missingCoverage: "the calendar does not declare the years it covers"
        case .endNotAfterStart(let property): "\(property) is not after the start date"
        case .tooLarge(let what, let limit): "\(what) is over imrf's limit of \(limit)"
        case .unsupported(let feature): "unsupported: \(feature)"
        case .confirmedInProjectedYear(let year):
            "this holiday is marked confirmed, but \(year) is a projected year (no circular entered for it)"
        case .yearDeclaredTwice(let year): "\(year) is declared more than once (X-IMRF-YEAR)"
        case .yearOutsideCoverage(let year): "\(year) is declared (X-IMRF-YEAR) but lies outside the calendar's coverage"
        }
    }

    var hint: String {
        switch code {
        case .unreadableFile: "Check that the path is right and that the file can be read."
        case .notUTF8: "Save the file as UTF-8 (most calendar programs offer this when exporting)."
        case .emptyFile, .notACalendar:
            "Export the calendar again as an .ics file; it must begin with BEGIN:VCALENDAR."
        case .malformedLine:
            "Each line needs a name, a colon and a value; a line that continues the one above must start with a space."
        case .endWithoutBegin, .missingEnd:
            "Every BEGIN:X line needs a matching END:X line; the file may have been cut off or edited by hand."
        case .contentAfterEnd: "Put one calendar per file and remove what follows END:VCALENDAR."
        case .invalidDate: "Write dates as YYYYMMDD, e.g. 20220530, and check that the day exists."
        case .invalidValue: "Check the spelling against RFC 5545 or export the calendar again."
        case .missingProperty(_, let property) where property == "DTSTART":
            "Give each holiday its day, e.g. DTSTART;VALUE=DATE:20220530."
        case .missingProperty: "Give each holiday its name, e.g. SUMMARY:Memorial Day."
        case .duplicateProperty: "Keep one of them; if the holiday has several days, use DTEND or RDATE."
        case .missingCoverage:
            "Add X-IMRF-COVERAGE-START;VALUE=DATE:YYYYMMDD and X-IMRF-COVERAGE-END;VALUE=DATE:YYYYMMDD after BEGIN:VCALENDAR: the first and last days whose holidays the file lists."
        case .endNotAfterStart:
            "The end date is the day after the last day off (a one-day holiday on 20220530 ends 20220531)."
        case .tooLarge:
            "A holiday calendar is small (the UN's is 19 KB for six years); check that this is the right file, or split it by years."
        case .confirmedInProjectedYear(let year):
            "Only the Secretariat's circular confirms a date: mark it STATUS:TENTATIVE, or enter the circular for \(year) with 'imrf calendar import'."
        case .yearDeclaredTwice:
            "Keep one X-IMRF-YEAR line per year: published (with the circular) or projected."
        case .yearOutsideCoverage:
            "Extend X-IMRF-COVERAGE-START/END to that year, or remove its X-IMRF-YEAR line."
        case .unsupported:
            "imrf reads whole-day holidays with yearly rules only; write the dates out (one event each, or RDATE) rather than have imrf guess which days are meant."
        }
    }
}
