import Forum
import Foundation
import IMRFTestSupport
import Tracker
import WorkingDays

/// The repository's UN Headquarters calendar and trackers built on it.
enum Fixtures {
    static var calendarsFolder: URL { repositoryRoot.appendingPathComponent("Calendars") }

    static func calendar() throws -> WorkingDayCalendar {
        WorkingDayCalendar(try CalendarCatalog(directories: [calendarsFolder]).load(["un-new-york"]))
    }

    static func tracker(_ forum: Forum) throws -> Tracker {
        Tracker(forum: forum, calendar: try calendar(), clock: ForumClock(identifier: forum.timeZone)!)
    }

    static func tracker(_ edition: Edition, deliverables: [Deliverable] = []) throws -> Tracker {
        var forum = edition.forum
        forum.deliverables += deliverables
        return try tracker(forum)
    }

    /// An instant written in UTC, `2026-05-23T04:00:00Z`.
    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static let everySession = Set(Session.allCases)
}
