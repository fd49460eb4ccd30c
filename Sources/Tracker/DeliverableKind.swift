public import Forum

/// What a deliverable is made of, which decides the evidence that moves it
/// and the state at which the office's work on it is done.
///
/// The three deliverables every forum has (`Deliverable.standard(for:)`) are
/// known by id; any other id in forum.yaml is the office's own, done only
/// when marked distributed.
public enum DeliverableKind: Sendable, Hashable {
    /// Notes written by others for these sessions (the hearing's summary,
    /// the round tables' technical summaries): done once all are received.
    case notes([Session])
    /// The PGA summaries compiled from every session's notes: done when
    /// distributed.
    case summary
    /// Anything else the office tracks: done when distributed.
    case office

    public init(id: String) {
        switch id {
        case Deliverable.hearingSummaryID: self = .notes([.hearing])
        case Deliverable.roundTableSummariesID: self = .notes([.roundTable1, .roundTable2, .roundTable3, .roundTable4])
        case Deliverable.pgaSummariesID, "pga-summary": self = .summary
        default: self = .office
        }
    }

    /// The state that ends the work: past the due moment without it, the
    /// deliverable is overdue.
    public var finalState: DeliverableState {
        switch self {
        case .notes: .received
        case .summary, .office: .distributed
        }
    }
}

extension DeliverableKind {
    /// The sessions whose notes each deliverable waits for, each session
    /// under the first deliverable that needs it (a round table's note is
    /// owed for the technical summaries, not again for the PGA summaries);
    /// none for the office's own deliverables.
    public static func noteSessions(of deliverables: [Deliverable]) -> [String: [Session]] {
        var claimed = Set<Session>()
        var result: [String: [Session]] = [:]
        for deliverable in deliverables {
            let sessions: [Session]
            switch DeliverableKind(id: deliverable.id) {
            case .notes(let needed): sessions = needed
            case .summary: sessions = Session.allCases
            case .office: sessions = []
            }
            result[deliverable.id] = sessions.filter { claimed.insert($0).inserted }
        }
        return result
    }
}
