import ArgumentParser
import WorkingDays

extension IMRF {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Run imrf on its built-in example and show what it produces."
        )

        /// The two forums held so far: (edition, conclusion). A/RES/73/326: the
        /// PGA distributes the summaries within 10 working days after the conclusion.
        private static let forums = [("first", "2022-05-20"), ("second", "2026-05-08")]

        func run() async throws {
            try await Reporting.run {
                let calendar = try CalendarOptions.parse([]).workingDayCalendar()
                print("International Migration Review Forum: the PGA distributes the summaries of the plenary,")
                print("round tables and policy debate within 10 working days following the conclusion (A/RES/73/326).")
                for (edition, conclusion) in Self.forums {
                    let date = CivilDate(iso: conclusion)!
                    let explanation = try calendar.explainAdvance(date, by: 10)
                    print("")
                    print("The \(edition) forum concluded on \(date.long).")
                    print(DeadlineText.sentence(explanation, calendar: calendar, explain: true))
                }
                try await WorkspaceDemo.run()
            }
        }
    }
}
