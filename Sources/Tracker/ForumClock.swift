public import Diagnostics
public import Forum
public import Foundation
public import WorkingDays

/// The wall clock of the forum's time zone: civil dates and local times to
/// instants and back.
///
/// Everything the tracker says about "today" goes through here, so the
/// machine's own zone (`TZ`, cron's environment) never decides a date.
public struct ForumClock: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    /// The clock of `identifier` (an IANA name), or nil when there is no such zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The instant `time` strikes on `date`; with no time, the end of
    /// `date` (the start of the next day), which is when a deadline
    /// "by the end of the day" has passed.
    public func instant(_ date: CivilDate, _ time: TimeOfDay?) -> Date {
        let day = time == nil ? date.adding(days: 1) : date
        let parts = DateComponents(
            year: day.year, month: day.month, day: day.day,
            hour: time?.hour ?? 0, minute: time?.minute ?? 0)
        // A local time skipped by a daylight-saving change resolves to the
        // instant after the gap, as calendar programs do.
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }

    /// The forum's civil date at `instant`.
    public func date(at instant: Date) -> CivilDate {
        CivilDate(instant, in: timeZone)
    }

    /// The forum's local time at `instant`.
    public func time(at instant: Date) -> TimeOfDay {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return TimeOfDay(hour: parts.hour ?? 0, minute: parts.minute ?? 0)!
    }

    /// `Fri 22 May 2026 16:30`, the local wall-clock reading of `instant`.
    public func short(_ instant: Date) -> String {
        "\(date(at: instant).short) \(time(at: instant))"
    }

    /// Reads a moment a person gives: a date `2026-05-20` (its
    /// start, 00:00 local), a local time `2026-05-20T16:30` in the forum's
    /// zone, or an instant with its offset `2026-05-20T20:30:00Z`,
    /// `2026-05-20T16:30-04:00`. Nil for anything else.
    /// The moment `text` gives (`moment(_:)`), now when there is none, or
    /// the error naming what the moment stood for (`--today`, `--at`).
    public func moment(_ text: String?, standingFor meaning: TrackerError.Moment, now: Date = Date()) throws(TrackerError) -> Date {
        guard let text else { return now }
        guard let moment = moment(text) else { throw TrackerError(.badMoment(text, meaning)) }
        return moment
    }

    public func moment(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = CivilDate(iso: text) { return instant(date, TimeOfDay(hour: 0, minute: 0)) }
        guard text.count >= 16, let date = CivilDate(iso: text.prefix(10)),
            text.dropFirst(10).first == "T" || text.dropFirst(10).first == "t"
        else { return nil }
        var rest = Substring(text.dropFirst(11))
        // The zone designator, if any: Z or ±HH:MM / ±HHMM.
        var offsetSeconds: Int?
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offsetSeconds = 0
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: sign)...].replacingOccurrences(of: ":", with: "")
            guard zone.count == 4, let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)),
                hours <= 23, minutes <= 59
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (rest[sign] == "-" ? -1 : 1)
            rest = rest[..<sign]
        }
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
            let time = TimeOfDay(fields[0] + ":" + fields[1])
        else { return nil }
        var seconds = 0
        if fields.count == 3 {
            guard fields[2].count == 2, let value = Int(fields[2]), (0...59).contains(value) else { return nil }
            seconds = value
        }
        guard let offsetSeconds else {
            return instant(date, time).addingTimeInterval(Double(seconds))
        }
        let local = (date.dayNumber * 86_400) + time.minutes * 60 + seconds
        return Date(timeIntervalSince1970: Double(local - offsetSeconds))
    }

    /// When an invitation given until `text` stops working: a bare date is
    /// the end of that day; anything else is read as `moment` reads it.
    public func expiry(_ text: String) -> Date? {
        if let date = CivilDate(iso: text.trimmingCharacters(in: .whitespaces)) { return instant(date, nil) }
        return moment(text)
    }

    /// `expiry` of the text of a forum in `timeZone`, or the error that
    /// says what is wrong with it, led by `field` (`--expires`, `the expiry`).
    public static func expiry(_ text: String, timeZone: String, field: String) throws(DiagnosticFailure) -> Date {
        guard let clock = ForumClock(identifier: timeZone), let moment = clock.expiry(text) else {
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "\(field) '\(UntrustedText.escaped(text))' is not a date (2026-05-20), a local time (2026-05-20T17:00) or an instant (2026-05-20T21:00:00Z)"
                ))
        }
        return moment
    }
}
