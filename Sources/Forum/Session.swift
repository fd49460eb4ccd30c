/// A part of the forum that notes are written about. The raw values are the
/// names used in a note's front matter.
public enum Session: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case hearing
    case roundTable1 = "round-table-1"
    case roundTable2 = "round-table-2"
    case roundTable3 = "round-table-3"
    case roundTable4 = "round-table-4"
    case policyDebate = "policy-debate"
    case plenary

    /// The round table's number (1-4), nil for other sessions.
    public var roundTableNumber: Int? {
        switch self {
        case .roundTable1: 1
        case .roundTable2: 2
        case .roundTable3: 3
        case .roundTable4: 4
        default: nil
        }
    }

    public static func roundTable(_ number: Int) -> Session? {
        Session(rawValue: "round-table-\(number)")
    }

    /// A heading for the session, as the summary prints it.
    public var displayName: String {
        switch self {
        case .hearing: "Informal interactive multistakeholder hearing"
        case .policyDebate: "Policy debate"
        case .plenary: "Plenary"
        default: "Round table \(roundTableNumber ?? 0)"
        }
    }

    /// The session in a few words, where the summary names it in passing
    /// (the annex's "Addressed in" column).
    public var shortName: String {
        self == .hearing ? "Hearing" : displayName
    }

    public static func < (lhs: Session, rhs: Session) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
