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
        @Option(name: [.customShort("n"), .customLong("working-days")], parsing: .unconditional,
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
                let inputs = try readInputs()
                let single = inputs.count == 1 && dates != ["-"]
                var firstFailure: FailureKind?
                for input in inputs {
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

        private func readInputs() throws(DiagnosticFailure) -> [Input] {
            var inputs: [Input] = []
            for argument in dates {
                if argument == "-" {
                    var lineNumber = 0
                    while let line = readLine() {
                        lineNumber += 1
                        let text = line.trimmingCharacters(in: .whitespaces)
                        if text.isEmpty || text.hasPrefix("#") { continue }
                        inputs.append(Input(text: text, location: SourceLocation(path: "<stdin>", line: lineNumber, column: 1)))
                    }
                } else {
                    inputs.append(Input(text: argument, location: nil))
                }
            }
            return inputs
        }

        private func compute(_ input: Input, calendar: WorkingDayCalendar) throws(DiagnosticFailure) -> DeadlineExplanation {
            guard let date = CivilDate(iso: input.text) else {
                throw DiagnosticFailure(.badInput, .error(
                    "'\(input.text)' is not a date", at: input.location,
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
