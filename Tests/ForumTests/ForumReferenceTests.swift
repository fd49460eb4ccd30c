import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Testing
import WorkingDays

/// forum.yaml's `timeZone` and `calendar` are checked when it is read, at
/// their lines, so every command that reads it refuses the same file.
@Suite struct ForumReferenceTests {
    static let calendars = CalendarCatalog(directories: [repositoryRoot.appendingPathComponent("Calendars")])

    static func line(of prefix: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }! + 1
    }

    static func refusal(_ yaml: String, calendars: CalendarCatalog = calendars) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let error = #expect(throws: DiagnosticFailure.self) {
            try Forum.parse(yaml: yaml, path: "forum.yaml", warnings: &warnings, calendars: calendars)
        }
        #expect(error?.kind == .badInput)
        return error?.diagnostics ?? []
    }

    @Test func theBuiltInForumNamesAKnownZoneAndCalendar() throws {
        var warnings: [Diagnostic] = []
        #expect(
            try Forum.parse(yaml: Edition.second.forum.yaml, path: "forum.yaml", warnings: &warnings, calendars: Self.calendars)
                == Edition.second.forum)
    }

    @Test(arguments: ["America/Gotham", "", "New York"])
    func aTimeZoneThatDoesNotExistIsRefusedAtItsLine(zone: String) {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "timeZone: \"America/New_York\"", with: "timeZone: \"\(zone)\"")
        let diagnostics = Self.refusal(yaml)
        #expect(
            diagnostics.map(\.description) == [
                "forum.yaml:\(Self.line(of: "timeZone:", in: yaml)):11: error: 'timeZone' is not a time zone: '\(zone)'\n  hint: write an IANA time zone name, e.g. America/New_York"
            ])
    }

    @Test func aCalendarThatDoesNotExistIsRefusedAtItsLine() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "calendar: \"un-new-york\"", with: "calendar: \"un-gotham\"")
        let diagnostics = Self.refusal(yaml)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.description.hasPrefix(
                "forum.yaml:\(Self.line(of: "calendar:", in: yaml)):11: error: unknown calendar 'un-gotham'\n  hint: available calendars: ") == true,
            "\(diagnostics)")
        #expect(diagnostics.first?.hint?.contains("un-new-york") == true)
    }

    @Test func theCalendarIsLookedUpInTheCatalogGiven() {
        let empty = CalendarCatalog(directories: [URL(fileURLWithPath: "/nonexistent-imrf-calendars")])
        let diagnostics = Self.refusal(Edition.second.forum.yaml, calendars: empty)
        #expect(diagnostics.map(\.message) == ["unknown calendar 'un-new-york'"])
    }
}
