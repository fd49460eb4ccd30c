public import Diagnostics

/// Why a working-day calculation has no answer.
///
/// Errors are data: callers match on `code`; people read `diagnostics`,
/// which say what is wrong in plain language and what to do about it.
public struct WorkingDayError: DiagnosticError, Equatable {
    public enum Code: Sendable, Equatable {
        /// The calculation needs `date`, which the calendar does not speak
        /// for; imrf refuses rather than assume only weekends are closed.
        /// `date` is the first day needed outside `coverage`.
        case outsideCoverage(date: CivilDate, calendar: String, coverage: ClosedRange<CivilDate>)
        /// Advancing by 0 working days from a day that is not a working day,
        /// without a roll convention saying where to go.
        case notAWorkingDay(CivilDate)
        /// The week mask has no working day, so no date could ever be one.
        case emptyWeekMask
    }

    public var code: Code

    public init(_ code: Code) { self.code = code }

    /// A date outside coverage is a configuration problem (the calendar
    /// needs the year's holidays); the others are bad input.
    public var kind: FailureKind {
        switch code {
        case .outsideCoverage: .configuration
        case .notAWorkingDay, .emptyWeekMask: .badInput
        }
    }

    public var diagnostics: [Diagnostic] {
        switch code {
        case let .outsideCoverage(date, calendar, coverage):
            [
                .error(
                    "calendar '\(calendar)' covers \(coverage.lowerBound.unStyle) to \(coverage.upperBound.unStyle); "
                        + "computing this needs \(date.unStyle), which it does not cover",
                    hint: "enter the year's circular ('imrf calendar import'), or project the year by rule until it is out "
                        + "('imrf calendar project \(date.year)'), or use a calendar that covers it")
            ]
        case let .notAWorkingDay(date):
            [
                .error(
                    "\(date.long) is not a working day, so 0 working days from it has no answer",
                    hint: "give a roll convention (following, preceding or modified-following), or start from a working day")
            ]
        case .emptyWeekMask:
            [
                .error(
                    "the week mask has no working days, so no date is a working day",
                    hint: "give at least one working day of the week, such as Mon-Fri")
            ]
        }
    }
}
