public import WorkingDays

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

    /// A forum of any edition in the format of A/RES/73/326 as the first two
    /// were held: the hearing on `hearing`; on the first of the four `days`
    /// round tables 1 (morning) and 2 (afternoon), on the second round
    /// tables 3 and 4 (morning) and the policy debate (afternoon); the
    /// plenary on the third and fourth. `days` must hold four days, in order.
    public static func forum(edition: String, hearing: CivilDate, days: [CivilDate]) -> Forum {
        precondition(days.count == 4, "a forum has four days")
        return make(
            edition: edition, ordinal: ordinal(edition),
            hearing: hearing.iso, start: days[0].iso, end: days[3].iso,
            roundTableDays: [days[0].iso, days[0].iso, days[1].iso, days[1].iso],
            policyDebate: days[1].iso, plenary: [days[2].iso, days[3].iso])
    }

    /// "Third" for 2030: the forums are every four years from 2022.
    static func ordinal(_ edition: String) -> String {
        let names = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]
        guard let year = Int(edition), year >= 2022, (year - 2022) % 4 == 0, (year - 2022) / 4 < names.count else { return edition }
        return names[(year - 2022) / 4]
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
