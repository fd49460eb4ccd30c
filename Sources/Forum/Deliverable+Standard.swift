extension Deliverable {
    public static let hearingSummaryID = "hearing-summary"
    public static let roundTableSummariesID = "round-table-summaries"
    public static let pgaSummariesID = "pga-summaries"

    /// What every forum owes under General Assembly resolution A/RES/73/326
    /// (README, "Deadline tracker"): the hearing's summary, presented at the
    /// opening; the round tables' technical summaries, presented at the start
    /// of the policy debate; the PGA summaries, distributed within
    /// `distributionWorkingDays` (10) working days after the conclusion.
    public static func standard(distributionWorkingDays: Int) -> [Deliverable] {
        [
            Deliverable(id: hearingSummaryID, title: "Summary of the multistakeholder hearing", due: .opening),
            Deliverable(id: roundTableSummariesID, title: "Technical summaries of the round tables", due: .session(.policyDebate)),
            Deliverable(
                id: pgaSummariesID, title: "PGA summaries of the plenary, round tables and policy debate",
                due: .workingDays(distributionWorkingDays, from: .conclusion)),
        ]
    }

    /// The deliverables tracked for `forum`: the standard ones, each
    /// replaced by a forum.yaml entry with the same id, then the office's
    /// own entries in the order forum.yaml lists them. A forum.yaml with no
    /// `deliverables` still tracks the standard three.
    public static func tracked(for forum: Forum) -> [Deliverable] {
        var result = standard(distributionWorkingDays: forum.distributionWorkingDays)
        for deliverable in forum.deliverables {
            // `pga-summary` is what `imrf init` wrote before the id became
            // plural: it is the same deliverable, not an office's own.
            let replaces = deliverable.id == "pga-summary" ? pgaSummariesID : deliverable.id
            if let index = result.firstIndex(where: { $0.id == replaces }) {
                result[index] = deliverable
            } else {
                result.append(deliverable)
            }
        }
        return result
    }
}
