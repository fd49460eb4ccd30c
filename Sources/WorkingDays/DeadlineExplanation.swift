/// A deadline with the working needed to check it: which days were skipped
/// and why, and which tentative holidays it relies on.
///
/// A wrong deadline is the worst failure imrf can have; showing the skipped
/// days lets the President's office verify it against the published
/// calendar, and `dependsOnTentative` warns when a lunar holiday that may
/// still move by a day is part of the answer.
public struct DeadlineExplanation: Sendable, Hashable, Codable {
    /// The date counted from (never itself counted).
    public var from: CivilDate
    /// The number of working days asked for (negative counts backwards).
    public var workingDays: Int
    public var deadline: CivilDate
    /// The holiday calendar's name (`un-new-york`).
    public var calendar: String
    /// Every non-working day strictly between `from` and `deadline`, in
    /// date order. When `workingDays` is 0 and `from` was rolled, `from`
    /// itself is included, since the roll is what it caused.
    public var skipped: [SkippedDay]
    /// The tentative holidays among `skipped`: if one of them moves, the
    /// deadline may move too.
    public var dependsOnTentative: [Holiday]
    /// The projected years the count passed through (from `from` to
    /// `deadline`): their circular is not entered, so any of their holidays,
    /// or a closure not yet known, may still move the deadline.
    public var projectedYears: [Int]
    /// The closures among `skipped` (`imrf calendar close`): days that are
    /// no holiday but moved the deadline all the same.
    public var closures: [Holiday] { skipped.flatMap(\.holidays).filter(\.isClosure) }

    public init(
        from: CivilDate, workingDays: Int, deadline: CivilDate, calendar: String,
        skipped: [SkippedDay], dependsOnTentative: [Holiday], projectedYears: [Int] = []
    ) {
        self.from = from
        self.workingDays = workingDays
        self.deadline = deadline
        self.calendar = calendar
        self.skipped = skipped
        self.dependsOnTentative = dependsOnTentative
        self.projectedYears = projectedYears
    }

    enum CodingKeys: String, CodingKey {
        case from, workingDays, deadline, calendar, skipped, dependsOnTentative, projectedYears, closures
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(calendar, forKey: .calendar)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(dependsOnTentative, forKey: .dependsOnTentative)
        try container.encode(projectedYears, forKey: .projectedYears)
        try container.encode(closures, forKey: .closures)
    }

    /// An explanation written before years had states has no `projectedYears`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(CivilDate.self, forKey: .from)
        workingDays = try container.decode(Int.self, forKey: .workingDays)
        deadline = try container.decode(CivilDate.self, forKey: .deadline)
        calendar = try container.decode(String.self, forKey: .calendar)
        skipped = try container.decode([SkippedDay].self, forKey: .skipped)
        dependsOnTentative = try container.decode([Holiday].self, forKey: .dependsOnTentative)
        projectedYears = try container.decodeIfPresent([Int].self, forKey: .projectedYears) ?? []
    }
}
