/// How far a deliverable has got. The cases are in the order work moves
/// through them, so "at least received" is a comparison.
///
/// Which evidence moves a deliverable to which state is `Evidence`'s
/// business (see there); which state ends the work is `DeliverableKind`'s.
public enum DeliverableState: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing yet.
    case pending
    /// The notes it is made from are in the workspace.
    case received
    /// The PGA summary was compiled (not as a draft) from them.
    case compiled
    /// A compiled summary was uploaded.
    case uploaded
    /// Marked distributed with `imrf mark distributed`.
    case distributed

    private var rank: Int { DeliverableState.allCases.firstIndex(of: self)! }

    public static func < (lhs: DeliverableState, rhs: DeliverableState) -> Bool { lhs.rank < rhs.rank }
}
