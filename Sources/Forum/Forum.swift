public import WorkingDays

/// One International Migration Review Forum: what forum.yaml describes.
public struct Forum: Sendable, Hashable {
    public struct PolicyDebate: Sendable, Hashable {
        public var date: CivilDate
        /// When it starts: the round tables' technical summaries are due then.
        public var time: TimeOfDay
        public var facilitator: String
        public init(date: CivilDate, time: TimeOfDay = .afternoon, facilitator: String) {
            self.date = date
            self.time = time
            self.facilitator = facilitator
        }
    }

    public var edition: String
    public var title: String
    public var place: String
    /// An IANA time zone name; deadlines are civil dates in it.
    public var timeZone: String
    /// The holiday calendar working days are counted in.
    public var calendar: String
    /// More calendars joined with it (forum.yaml `calendars:`): a day off in
    /// any is a day off, as when a forum meets away from Headquarters.
    public var moreCalendars: [String] = []
    /// Every calendar the forum counts in, `calendar` first.
    public var allCalendars: [String] { [calendar] + moreCalendars }
    public var hearing: CivilDate
    public var start: CivilDate
    /// The local time the forum opens on `start` (the opening segment, where
    /// the hearing's summary is presented); the hearing and the plenary
    /// days start at the same hour.
    public var opening: TimeOfDay
    /// The conclusion of the forum, from which the distribution deadline runs.
    public var end: CivilDate
    public var roundTables: [RoundTable]
    public var policyDebate: PolicyDebate
    public var plenary: [CivilDate]
    /// Summaries are distributed within this many working days after `end`.
    public var distributionWorkingDays: Int
    public var deliverables: [Deliverable]
    /// How `imrf remind` sends reminders; nil: forum.yaml has no `reminders:`.
    public var reminders: ReminderSettings?
    /// forum.yaml's `document:`, its defaults when absent.
    public var document = DocumentSettings()

    public init(
        edition: String, title: String, place: String, timeZone: String, calendar: String,
        hearing: CivilDate, start: CivilDate, opening: TimeOfDay = .morning, end: CivilDate, roundTables: [RoundTable],
        policyDebate: PolicyDebate, plenary: [CivilDate], distributionWorkingDays: Int,
        deliverables: [Deliverable], reminders: ReminderSettings? = nil
    ) {
        self.edition = edition
        self.title = title
        self.place = place
        self.timeZone = timeZone
        self.calendar = calendar
        self.hearing = hearing
        self.start = start
        self.opening = opening
        self.end = end
        self.roundTables = roundTables
        self.policyDebate = policyDebate
        self.plenary = plenary
        self.distributionWorkingDays = distributionWorkingDays
        self.deliverables = deliverables
        self.reminders = reminders
    }

    public func roundTable(_ number: Int) -> RoundTable? {
        roundTables.first { $0.number == number }
    }

    /// The round table an objective is clustered under in this forum.
    public func roundTable(coveringObjective number: Int) -> RoundTable? {
        roundTables.first { $0.objectives.contains(number) }
    }

    /// The local time a session starts (on `date(of:)`).
    public func time(of session: Session) -> TimeOfDay {
        switch session {
        case .hearing, .plenary: opening
        case .policyDebate: policyDebate.time
        default: roundTable(session.roundTableNumber!)?.time ?? opening
        }
    }

    /// The date of a session (the first day for the plenary).
    public func date(of session: Session) -> CivilDate {
        switch session {
        case .hearing: hearing
        case .policyDebate: policyDebate.date
        case .plenary: plenary.first ?? end
        default: roundTable(session.roundTableNumber!)?.date ?? start
        }
    }
}
