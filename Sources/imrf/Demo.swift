import ArgumentParser
import Forum
import WorkingDays

extension IMRF {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Run imrf on its built-in example and show what it produces."
        )

        @Flag(help: "Keep the example's temporary workspace (its summary.html and summary.docx) instead of removing it.")
        var keep = false

        func run() async throws {
            try await Reporting.run {
                let calendar = try CalendarOptions.parse([]).workingDayCalendar()
                print("International Migration Review Forum: the PGA distributes the summaries of the plenary,")
                print("round tables and policy debate within 10 working days following the conclusion (A/RES/73/326).")
                // The forums held so far, each edition named by its case (first, second).
                for edition in Edition.allCases {
                    let date = edition.forum.end
                    let explanation = try calendar.explainAdvance(date, by: 10)
                    print("")
                    print("The \(edition) forum concluded on \(date.long).")
                    print(DeadlineText.sentence(explanation, calendar: calendar, explain: true))
                }
                try await WorkspaceDemo.run(keep: keep)
            }
        }
    }
}
