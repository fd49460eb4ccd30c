public import WorkingDays

/// One of the four interactive multistakeholder round tables.
public struct RoundTable: Sendable, Hashable {
    public var number: Int
    public var date: CivilDate
    /// The local time it starts.
    public var time: TimeOfDay
    /// GCM objective numbers clustered under this round table.
    public var objectives: [Int]
    /// Two Member State representatives; empty until known.
    public var coChairs: [String]
    public var keynote: String?

    public init(number: Int, date: CivilDate, time: TimeOfDay = .morning, objectives: [Int], coChairs: [String] = [], keynote: String? = nil) {
        self.number = number
        self.date = date
        self.time = time
        self.objectives = objectives
        self.coChairs = coChairs
        self.keynote = keynote
    }

    public var session: Session { Session.roundTable(number)! }

    /// The indicative clustering published for the forums: every objective
    /// belongs to exactly one round table.
    public static let indicativeClustering: [Int: [Int]] = [
        1: [2, 5, 6, 12, 18],
        2: [4, 8, 9, 10, 11, 13, 21],
        3: [14, 15, 16, 19, 20, 22],
        4: [1, 3, 7, 17, 23],
    ]
}
