import WorkingDays

/// The forums imrf knows from public sources: the format of
/// A/RES/73/326, and each forum's dates as announced (2022: hearing 16 May,
/// forum 17-20 May; 2026: hearing 4 May, forum 5-8 May, from a stakeholder
/// briefing note), at UN Headquarters, New York.
public enum Edition: String, Sendable, Hashable, CaseIterable {
    case first = "2022"
    case second = "2026"

    /// The forum as far as it is public. Co-chairs are left empty: they are
    /// filled in by the office in forum.yaml.
    public var forum: Forum {
        switch self {
        case .first:
            Edition.make(
                edition: rawValue, ordinal: "First",
                hearing: "2022-05-16", start: "2022-05-17", end: "2022-05-20",
                roundTableDays: ["2022-05-17", "2022-05-17", "2022-05-18", "2022-05-18"],
                policyDebate: "2022-05-18", plenary: ["2022-05-19", "2022-05-20"]
            )
        case .second:
            Edition.make(
                edition: rawValue, ordinal: "Second",
                hearing: "2026-05-04", start: "2026-05-05", end: "2026-05-08",
                roundTableDays: ["2026-05-05", "2026-05-05", "2026-05-06", "2026-05-06"],
                policyDebate: "2026-05-06", plenary: ["2026-05-07", "2026-05-08"]
            )
        }
    }

    private static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    private static func make(
        edition: String, ordinal: String, hearing: String, start: String, end: String,
        roundTableDays: [String], policyDebate: String, plenary: [String]
    ) -> Forum {
        Forum(
            edition: edition,
            title: "\(ordinal) International Migration Review Forum",
            place: "United Nations Headquarters, New York",
            timeZone: "America/New_York",
            calendar: "un-new-york",
            hearing: day(hearing),
            start: day(start),
            opening: .morning,
            end: day(end),
            // Sessions run 10:00-13:00 and 15:00-18:00 (the 2022 programme;
            // the same split is inferred for 2026, not confirmed): two round
            // tables on day 1, two on the morning of day 2, the policy debate
            // that afternoon.
            roundTables: (1...4).map {
                RoundTable(
                    number: $0, date: day(roundTableDays[$0 - 1]), time: $0 == 2 ? .afternoon : .morning,
                    objectives: RoundTable.indicativeClustering[$0]!)
            },
            policyDebate: .init(
                date: day(policyDebate),
                time: .afternoon,
                facilitator: "the International Organization for Migration (IOM), as Coordinator of the United Nations Network on Migration"
            ),
            plenary: plenary.map(day),
            distributionWorkingDays: 10,
            deliverables: Deliverable.standard(distributionWorkingDays: 10)
        )
    }
}
