// Public: a retroactive conformance of a public type (RollConvention:
// ExpressibleByArgument, below) needs its protocol imported publicly.
public import ArgumentParser
import Diagnostics
import Foundation
import WorkingDays

extension IMRF {
    struct Deadline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deadline",
            abstract: "The N-th working day after a date (the PGA's distribution deadline by default).",
            discussion: """
                One date gives a sentence; several dates (or - to read them from standard input, one a line) \
                give one line each, FROM DEADLINE, for scripts. Exit 65 for a bad date, 78 when the calendar \
                does not cover the days needed.
                """
        )

        @Argument(help: "Dates as YYYY-MM-DD, or - to read dates from standard input.")
        var dates: [String]

        // Unconditional parsing so that `-n -10` reads -10 as the value.
        @Option(
            name: [.customShort("n"), .customLong("working-days")], parsing: .unconditional,
            help: "How many working days after the date (negative: before).")
        var workingDays: Int = 10

        @Option(help: "When the result must fall on the date itself (-n 0) and it is not a working day: following, preceding or modified-following.")
        var roll: RollConvention?

        @OptionGroup var calendarOptions: CalendarOptions

        @Flag(help: "List every day skipped and why.")
        var explain = false

        @Flag(help: "Print JSON (one object a line for several dates).")
        var json = false

        func run() async throws {
            try await Reporting.run {
                let calendar = try calendarOptions.workingDayCalendar()
                let single = dates.count == 1 && dates != ["-"]
                var firstFailure: FailureKind?
                // Standard input is answered a line at a time, as it is read.
                try forEachInput { (input: Input) throws(DiagnosticFailure) in
                    do throws(DiagnosticFailure) {
                        let explanation = try compute(input, calendar: calendar)
                        if json {
                            print(DeadlineText.json(explanation))
                        } else if single || explain {
                            print(DeadlineText.sentence(explanation, calendar: calendar, explain: explain))
                        } else {
                            print("\(explanation.from.iso) \(explanation.deadline.iso)")
                        }
                    } catch {
                        if single { throw error }
                        for diagnostic in error.diagnostics { Reporting.printToStandardError(diagnostic) }
                        firstFailure = firstFailure ?? error.kind
                    }
                }
                if let firstFailure { throw ExitCode(Reporting.exitCode(for: firstFailure)) }
            }
        }

        private struct Input {
            var text: String
            var location: SourceLocation?
        }

        /// Calls `body` with each date argument, and each line of standard
        /// input for `-` (blank lines and `#` comments skipped).
        private func forEachInput(_ body: (Input) throws(DiagnosticFailure) -> Void) throws(DiagnosticFailure) {
            for argument in dates {
                guard argument == "-" else {
                    try body(Input(text: argument, location: nil))
                    continue
                }
                var lines = BoundedLineReader(fileDescriptor: STDIN_FILENO, keep: Self.keptBytes)
                var lineNumber = 0
                while let line = lines.next() {
                    lineNumber += 1
                    var text = line.text.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix("#") || (text.isEmpty && !line.isCut) { continue }
                    // A cut line is no date, even when what was kept would be one.
                    if line.isCut { text += "..." }
                    try body(Input(text: text, location: SourceLocation(path: "<stdin>", line: lineNumber, column: 1)))
                }
            }
        }

        /// Characters of a bad input a message quotes; the rest is "...".
        static let quotedCharacters = 80

        /// Bytes kept of a line of standard input: a date is 10, and a
        /// message quotes at most `quotedCharacters` characters.
        private static let keptBytes = 4 * quotedCharacters + 8

        /// `text` as a message quotes it: at most `quotedCharacters` characters.
        static func quoted(_ text: String) -> String {
            text.count <= quotedCharacters ? text : text.prefix(quotedCharacters) + "..."
        }

        private func compute(_ input: Input, calendar: WorkingDayCalendar) throws(DiagnosticFailure) -> DeadlineExplanation {
            guard let date = CivilDate(iso: input.text) else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "'\(Self.quoted(input.text))' is not a date", at: input.location,
                        hint: "write dates as YYYY-MM-DD, e.g. 2026-05-08, and check that the day exists"))
            }
            do {
                return try calendar.explainAdvance(date, by: workingDays, roll: roll)
            } catch {
                var diagnostics = error.diagnostics
                if let location = input.location {
                    for i in diagnostics.indices where diagnostics[i].location == nil { diagnostics[i].location = location }
                }
                throw DiagnosticFailure(error.kind, diagnostics)
            }
        }
    }
}

extension RollConvention: ExpressibleByArgument {}
