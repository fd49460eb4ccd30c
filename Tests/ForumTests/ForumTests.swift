import Diagnostics
import Forum
import Testing
import WorkingDays

@Suite struct ObjectiveTests {
    @Test func twentyThreeObjectivesInOrder() {
        #expect(Objective.all.count == 23)
        #expect(Objective.all.map(\.number) == Array(1...23))
        #expect(Objective.numbered(20)?.shortTitle == "Remittances")
        #expect(Objective.numbered(0) == nil)
        #expect(Objective.numbered(24) == nil)
    }

    @Test func clusteringCoversEveryObjectiveExactlyOnce() {
        let all = RoundTable.indicativeClustering.values.flatMap { $0 }.sorted()
        #expect(all == Array(1...23))
    }
}

@Suite struct EditionTests {
    @Test func editionDates() {
        let first = Edition.first.forum
        #expect(first.hearing.iso == "2022-05-16")
        #expect(first.start.iso == "2022-05-17")
        #expect(first.end.iso == "2022-05-20")
        #expect(first.policyDebate.date.iso == "2022-05-18")
        #expect(first.plenary.map(\.iso) == ["2022-05-19", "2022-05-20"])
        let second = Edition.second.forum
        #expect(second.hearing.iso == "2026-05-04")
        #expect(second.end.iso == "2026-05-08")
        #expect(second.timeZone == "America/New_York")
        #expect(second.calendar == "un-new-york")
        #expect(second.distributionWorkingDays == 10)
        #expect(second.roundTable(coveringObjective: 20)?.number == 3)
    }

    @Test(arguments: Edition.allCases) func yamlRoundTrips(edition: Edition) throws {
        let forum = edition.forum
        let parsed = try Forum.parse(yaml: forum.yaml, path: "forum.yaml")
        #expect(parsed == forum)
    }
}

@Suite struct DueRuleTests {
    @Test func parsesEveryForm() {
        #expect(DueRule("10 working days after conclusion") == .workingDays(10, from: .conclusion))
        #expect(DueRule("3 working days before hearing") == .workingDays(-3, from: .hearing))
        #expect(DueRule("opening") == .opening)
        #expect(DueRule("policy-debate") == .session(.policyDebate))
        #expect(DueRule("2026-04-20T17:00") == .fixed(CivilDate(iso: "2026-04-20")!, hour: 17, minute: 0))
    }

    @Test(arguments: ["", "soon", "10 days after conclusion", "3 working days around hearing", "2026-02-30", "2026-04-20T25:00"])
    func rejectsNonsense(text: String) {
        #expect(DueRule(text) == nil)
    }

    @Test func descriptionRoundTrips() {
        for text in ["10 working days after conclusion", "3 working days before hearing", "opening", "plenary", "2026-04-20T17:00"] {
            #expect(DueRule(text)?.description == text)
        }
    }
}

@Suite struct ForumParsingTests {
    func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try Forum.parse(yaml: yaml, path: "forum.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func badDateNamesLineAndKey() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "hearing: \"2026-05-04\"", with: "hearing: \"2026-05-32\"")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'hearing'") == true)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("hearing:") }! + 1
        #expect(found.first?.location == SourceLocation(path: "forum.yaml", line: line, column: 10))
    }

    @Test("a bad end date is one error: no comparison with a placeholder date (1970-01-01) follows it")
    func badEndDateIsOneError() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "  end: \"2026-05-08\"", with: "  end: \"2026-13-08\"")
        let found = problems(yaml)
        #expect(found.map(\.message) == ["'forum.end' is not a date: '2026-13-08'"])
        #expect(!found.contains { $0.message.contains("1970") })
    }

    @Test func badTimeNamesLineAndKey() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(
            of: "    time: \"15:00\"\n    facilitator", with: "    time: \"3pm\"\n    facilitator")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message == "'sessions.policyDebate.time' is not a time: '3pm'")
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    time: \"3pm\"" }! + 1
        #expect(found.first?.location?.line == line)
    }

    /// A forum.yaml written before session times existed keeps the
    /// Headquarters hours: opening and round tables 10:00, policy debate 15:00.
    @Test func timesAreOptional() throws {
        let yaml = Edition.second.forum.yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("time: ") && !$0.contains("opening: ") }.joined(separator: "\n")
        let forum = try Forum.parse(yaml: yaml, path: "forum.yaml")
        #expect(forum.opening == .morning)
        #expect(forum.policyDebate.time == .afternoon)
        #expect(forum.roundTables.allSatisfy { $0.time == .morning })
    }

    @Test func bareDateRuleIsTheEndOfThatDay() {
        #expect(DueRule("2026-04-20") == .fixedDate(CivilDate(iso: "2026-04-20")!))
        #expect(DueRule("2026-04-20")?.description == "2026-04-20")
        #expect(DueRule("2026-04-20T00:00") == .fixed(CivilDate(iso: "2026-04-20")!, hour: 0, minute: 0))
    }

    @Test func badDueRuleIsReported() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "\"opening\"", with: "\"whenever\"")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("whenever") == true)
    }

    @Test func missingKeyAndSyntaxError() {
        let missing = problems("edition: \"2026\"\n")
        #expect(missing.count == 1)
        #expect(missing.first?.message.hasPrefix("missing key") == true)
        let syntax = problems("edition: \"2026\"\ntitle: [unclosed\n")
        #expect(syntax.first?.message.hasPrefix("YAML syntax error") == true)
        #expect((syntax.first?.location?.line ?? 0) >= 2)
    }

    @Test func typeMismatchPointsAtTheValue() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "workingDays: 10", with: "workingDays: ten")
        let found = problems(yaml)
        #expect(found.first?.message.contains("distribution.workingDays") == true)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("workingDays: ten") }! + 1
        #expect(found.first?.location?.line == line)
    }

    @Test func unknownKeysAndClusteringAreWarnings() throws {
        var yaml = Edition.second.forum.yaml.replacingOccurrences(of: "place:", with: "venue: \"x\"\nplace:")
        yaml = yaml.replacingOccurrences(of: "objectives: [2, 5, 6, 12, 18]", with: "objectives: [2, 5, 6, 12, 18, 20]\n      chair: \"x\"")
        var warnings: [Diagnostic] = []
        _ = try Forum.parse(yaml: yaml, path: "forum.yaml", warnings: &warnings)
        let messages = warnings.map(\.message)
        #expect(messages.contains("unknown key 'venue'"))
        #expect(messages.contains("unknown key 'sessions.roundTables[].chair'"))
        #expect(messages.contains("objective 20 is in round tables 1 and 3"))
        #expect(warnings.count == 3)
        var none: [Diagnostic] = []
        _ = try Forum.parse(yaml: Edition.first.forum.yaml, path: "forum.yaml", warnings: &none)
        #expect(none.isEmpty)
    }

    @Test func missingRoundTableIsAnError() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "- number: 4", with: "- number: 3")
        #expect(problems(yaml).map(\.message).contains("round table 4 missing from sessions.roundTables"))
    }
}
