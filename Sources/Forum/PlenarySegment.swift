/// A part of the forum's plenary (A/RES/73/326: an opening segment, a
/// general debate and a closing segment, over the last two days). A plenary
/// note may say which one it summarises (`segment:` in its front matter);
/// the summary then lists the plenary's notes in this order.
public enum PlenarySegment: String, CaseIterable, Sendable, Hashable {
    case opening
    case generalDebate = "general-debate"
    case closing

    /// As the summary names it.
    public var displayName: String {
        switch self {
        case .opening: "Opening segment"
        case .generalDebate: "General debate"
        case .closing: "Closing segment"
        }
    }
}
