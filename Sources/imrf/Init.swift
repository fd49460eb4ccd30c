import ArgumentParser
import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Storage
import WorkingDays

extension IMRF {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new workspace: forum.yaml and a notes folder.",
            discussion: """
                The editions 2022 and 2026 are built in. Any other (2030, the third forum) needs its dates: \
                --hearing DATE --forum FIRST..LAST, four consecutive working days at Headquarters after the hearing, \
                inside the calendar's coverage. The sessions follow the format of the first two forums: round tables \
                1 and 2 on the first day, 3 and 4 on the morning of the second, the policy debate that afternoon, \
                the plenary on the third and fourth days; edit forum.yaml for anything else. \
                Example: imrf init imrf-2030 --edition 2030 --hearing 2030-05-06 --forum 2030-05-07..2030-05-10
                """
        )

        @Argument(help: "The folder to create; it must not exist or be empty.")
        var directory: String

        @Option(help: "The forum edition: 2022, 2026, or a later year with --hearing and --forum.")
        var edition: String

        @Option(help: "The day of the multistakeholder hearing, YYYY-MM-DD (needed for an edition not built in).")
        var hearing: String?

        @Option(help: "The forum's four days, FIRST..LAST (YYYY-MM-DD..YYYY-MM-DD).")
        var forum: String?

        @Option(help: "The holiday calendar the forum counts in.")
        var calendar: String = CalendarCatalog.defaultName

        @Flag(help: "Also write a complete set of sample notes.")
        var example = false

        @Flag(help: "Print one JSON object (the folder, the edition, the files written) instead of the line.")
        var json = false

        func run() async throws {
            let (forum, notes) = try await Reporting.run { try makeForum() }
            let files = try await Reporting.run { try WorkspaceCreator.create(at: directory, forum: forum, example: example) }
            if json {
                print(try JSONOutput.string(Created(workspace: directory, edition: forum.edition, files: files)))
                return
            }
            Reporting.printLine("created \(directory) (\(forum.title)): \(files.joined(separator: ", "))")
            for note in notes { Reporting.printLine("note: \(note)") }
        }

        /// The forum to write, and what to say about it (a projected year).
        private func makeForum() throws(DiagnosticFailure) -> (Forum, [String]) {
            if let known = Edition(rawValue: edition), hearing == nil, forum == nil { return (known.forum, []) }
            guard edition.count == 4, let year = Int(edition), year >= 2022 else {
                throw DiagnosticFailure(
                    .usage,
                    .error(
                        "unknown edition '\(edition)'",
                        hint:
                            "built in: \(Edition.allCases.map(\.rawValue).joined(separator: ", ")); for another, give its year with --hearing and --forum"
                    ))
            }
            guard let hearingText = hearing, let forumText = forum else {
                throw DiagnosticFailure(
                    .usage,
                    .error(
                        "edition \(edition) is not built in: give its dates",
                        hint:
                            "e.g. --hearing \(edition)-05-06 --forum \(edition)-05-07..\(edition)-05-10 (built in: \(Edition.allCases.map(\.rawValue).joined(separator: ", ")))"
                    ))
            }
            guard let hearingDay = CivilDate(iso: hearingText) else {
                throw DiagnosticFailure(.usage, .error("--hearing '\(hearingText)' is not a date", hint: "write YYYY-MM-DD"))
            }
            let bounds = forumText.components(separatedBy: "..")
            guard bounds.count == 2, let first = CivilDate(iso: bounds[0]), let last = CivilDate(iso: bounds[1]), first <= last else {
                throw DiagnosticFailure(
                    .usage, .error("--forum '\(forumText)' is not FIRST..LAST", hint: "e.g. --forum \(edition)-05-07..\(edition)-05-10"))
            }
            let holidays = try CalendarCatalog.standard.load(calendar)
            let working = WorkingDayCalendar(holidays)
            guard holidays.coverage.contains(first), holidays.coverage.contains(last), holidays.coverage.contains(hearingDay) else {
                throw DiagnosticFailure(
                    .configuration,
                    .error(
                        "calendar '\(holidays.name)' covers \(holidays.coverage.lowerBound.unStyle) to \(holidays.coverage.upperBound.unStyle): the forum's days are outside it",
                        hint: "extend the calendar first ('imrf calendar project \(first.year)' or 'imrf calendar import')"))
            }
            var days: [CivilDate] = []
            var day = first
            while day <= last, days.count <= 4 {
                if (try? working.isWorkingDay(day)) == true { days.append(day) }
                day = day.adding(days: 1)
            }
            guard days.count == 4, days.first == first, days.last == last else {
                throw DiagnosticFailure(
                    .usage,
                    .error(
                        "the forum meets on four consecutive working days: \(first.long) to \(last.long) \(days.count == 4 ? "does not start and end on working days" : "holds \(days.count) working day\(days.count == 1 ? "" : "s")")",
                        hint:
                            "give the first and last of four working days at Headquarters ('imrf calendar show --year \(first.year)' lists the holidays)"
                    ))
            }
            var made = Edition.forum(edition: edition, hearing: hearingDay, days: days)
            made.calendar = calendar
            let problems = ForumSchedule.problems(made, calendar: working) { _ in nil }
            guard problems.isEmpty else {
                throw DiagnosticFailure(.usage, problems.map { Diagnostic(.error, $0.message, at: nil, hint: $0.hint) })
            }
            let projected = holidays.projectedYears(from: hearingDay, to: last)
            return (
                made,
                projected.isEmpty
                    ? []
                    : [
                        CalendarYear.projectedNote(projected).replacingOccurrences(
                            of: "the deadline may move", with: "the dates and deadlines may move")
                    ]
            )
        }

        /// `imrf init --json`.
        private struct Created: Encodable {
            var workspace: String
            var edition: String
            var files: [String]
        }
    }
}
