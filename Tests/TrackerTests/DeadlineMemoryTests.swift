import Forum
import Foundation
import IMRFTestSupport
import Ledger
import Storage
import Testing
import WorkingDays

@testable import Tracker

/// What is recorded of the deadlines and when a move is seen.
@Suite("DeadlineMemory")
struct DeadlineMemoryTests {
    private func tracker() throws -> Tracker {
        var tracker = try Fixtures.tracker(.second)
        tracker.calendarFingerprint = CalendarFingerprint(name: "un-new-york", sha256: "aaa", modified: nil)
        return tracker
    }

    @Test func theFirstRecordHoldsEveryDeadlineAndNothingMoved() throws {
        let record = try #require(try tracker().deadlinesRecord(after: nil))
        #expect(record.due == ["hearing-summary": "2026-05-05", "round-table-summaries": "2026-05-06", "pga-summaries": "2026-05-22"])
        #expect(record.movedFrom.isEmpty)
        #expect(record.calendarSHA256 == "aaa")
    }

    @Test func nothingIsRecordedWhenNothingChanged() throws {
        let tracker = try tracker()
        let record = try #require(tracker.deadlinesRecord(after: nil))
        #expect(tracker.deadlinesRecord(after: record) == nil)
        // The same dates from another calendar: recorded, nothing moved.
        var other = record
        other.calendarSHA256 = "bbb"
        #expect(tracker.deadlinesRecord(after: other)?.movedFrom == [:])
    }

    @Test func aMovedDateIsRecordedWithTheOneBeforeAndSeenAsAMove() throws {
        let tracker = try tracker()
        var earlier = try #require(tracker.deadlinesRecord(after: nil))
        earlier.due["pga-summaries"] = "2026-05-21"
        earlier.calendarSHA256 = "old"
        #expect(tracker.deadlinesRecord(after: earlier)?.movedFrom == ["pga-summaries": "2026-05-21"])
        let entry = LedgerEntry(id: 1, at: Date(timeIntervalSince1970: 0), event: .deadlines(earlier))
        let moves = tracker.moves(since: LedgerFacts(entries: [entry]))
        #expect(moves.map(\.deliverable) == ["pga-summaries"])
        #expect(moves.first?.from.iso == "2026-05-21")
        #expect(moves.first?.to.iso == "2026-05-22")
        #expect(moves.first?.calendarChanged == true)
        #expect(tracker.moves(since: LedgerFacts()).isEmpty)
    }

    /// The calendar files are hashed when the fingerprint is asked for, not
    /// when the tracker is loaded (status loads one every time and rarely
    /// needs it): a file changed in between is what the fingerprint holds.
    @Test func theFingerprintIsTakenWhenAskedNotAtLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for sub in ["Calendars", "ws"] {
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let calendar = try Data(contentsOf: Fixtures.calendarsFolder.appendingPathComponent("un-new-york.ics"))
        let file = try folder.write("Calendars/un-new-york.ics", String(decoding: calendar, as: UTF8.self))
        _ = try folder.write("ws/forum.yaml", Edition.second.forum.yaml)
        let tracker = try Tracker.load(
            workspace: folder.url.appendingPathComponent("ws").path, catalog: CalendarCatalog(directories: [file.deletingLastPathComponent()]))
        let closures = CalendarCatalog.closuresFile(of: file)
        try "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".write(to: closures, atomically: true, encoding: .utf8)
        let fingerprint = try #require(tracker.calendarFingerprint)
        #expect(fingerprint.name == "un-new-york")
        #expect(fingerprint.sha256 != SHA256.hex(of: calendar), "the closures file written after loading is in the fingerprint")
        try FileManager.default.removeItem(at: closures)
        #expect(tracker.calendarFingerprint?.sha256 == SHA256.hex(of: calendar))
    }
}
