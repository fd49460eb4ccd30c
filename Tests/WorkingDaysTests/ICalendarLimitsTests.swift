import Diagnostics
import Foundation
import IMRFTestSupport
import Testing

@testable import WorkingDays

/// Regression tests for what fuzzing found (Fuzz/run.sh icalendar), and the
/// size limits a user can expect, each refused with a clear error.
@Suite("ICalendarReader limits")
struct ICalendarLimitsTests {
    private func calendar(_ body: [String]) -> String {
        ([
            "BEGIN:VCALENDAR",
            "X-IMRF-COVERAGE-START;VALUE=DATE:20220101",
            "X-IMRF-COVERAGE-END;VALUE=DATE:20271231",
        ] + body + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    private func code(_ text: String) -> ICalendarError.Code? {
        do {
            _ = try ICalendarReader.read(text, name: "t", path: "t.ics")
            return nil
        } catch {
            return error.code
        }
    }

    private func withFile(_ data: Data, _ body: (URL) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("limits.ics")
        try data.write(to: url)
        try body(url)
    }

    /// Fuzzing: an empty file leaked 4 KiB inside Foundation's
    /// `Data(contentsOf:)`; the reader now sees the size first and never
    /// reads an empty file. (The leak shows under `swift test --sanitize=address`.)
    @Test func emptyFileOnDiskIsEmptyFile() throws {
        try withFile(Data()) { url in
            #expect(throws: ICalendarError(.emptyFile, at: SourceLocation(path: url.relativePath))) {
                try ICalendarReader.read(contentsOf: url)
            }
        }
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let limit = ICalendarReader.Limits.fileBytes
        try withFile(Data(repeating: 0x20, count: limit + 1)) { url in
            let result = Result { () throws(ICalendarError) in try ICalendarReader.read(contentsOf: url) }
            guard case .failure(let error) = result, case .tooLarge = error.code else {
                Issue.record("got \(result)")
                return
            }
            #expect(error.location.path == url.relativePath)
            #expect(error.diagnostics.description.contains("1 MiB"))
        }
    }

    @Test func textOverTheSizeLimitIsRefused() {
        let text = calendar(["X-NOTE:" + String(repeating: "a", count: ICalendarReader.Limits.fileBytes)])
        guard case .tooLarge = code(text) else {
            Issue.record("accepted")
            return
        }
    }

    @Test func longestLineIsRefusedWithItsNumber() throws {
        let long = "SUMMARY:" + String(repeating: "x", count: ICalendarReader.Limits.lineLength)
        let folded = stride(from: 0, to: long.count, by: 70).map { start -> String in
            let a = long.index(long.startIndex, offsetBy: start)
            let b = long.index(a, offsetBy: 70, limitedBy: long.endIndex) ?? long.endIndex
            return (start == 0 ? "" : " ") + long[a..<b]
        }
        let text = calendar(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20220530"] + folded + ["END:VEVENT"])
        do {
            _ = try ICalendarReader.read(text, name: "t", path: "t.ics")
            Issue.record("accepted")
        } catch {
            guard case .tooLarge = error.code else {
                Issue.record("got \(error)")
                return
            }
            #expect(error.location.line == 6)
        }
        // At the limit it reads.
        let fits = "SUMMARY:" + String(repeating: "x", count: ICalendarReader.Limits.lineLength - 8)
        #expect(code(calendar(["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20220530", fits, "END:VEVENT"])) == nil)
    }

    @Test func mostEventsIsRefused() {
        let one = ["BEGIN:VEVENT", "DTSTART;VALUE=DATE:20220530", "SUMMARY:M", "STATUS:CANCELLED", "END:VEVENT"]
        let body = Array(repeating: one, count: ICalendarReader.Limits.events + 1).flatMap { $0 }
        guard case .tooLarge = code(calendar(body)) else {
            Issue.record("accepted")
            return
        }
        let fits = Array(repeating: one, count: ICalendarReader.Limits.events).flatMap { $0 }
        #expect(code(calendar(fits)) == nil)
    }

    /// A yearly rule over a 9,999-year coverage with year-long events would
    /// make millions of holidays (minutes and gigabytes); refused up front.
    @Test func mostHolidayDaysIsRefused() {
        let text =
            ([
                "BEGIN:VCALENDAR",
                "X-IMRF-COVERAGE-START;VALUE=DATE:00010101",
                "X-IMRF-COVERAGE-END;VALUE=DATE:99991231",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:00010101", "DURATION:P52W", "SUMMARY:M",
                "RRULE:FREQ=YEARLY", "END:VEVENT", "END:VCALENDAR",
            ]).joined(separator: "\r\n")
        guard case .tooLarge = code(text) else {
            Issue.record("accepted")
            return
        }
    }
}
