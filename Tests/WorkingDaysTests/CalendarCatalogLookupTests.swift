import Foundation
import Testing
import WorkingDays

/// Where calendars are looked for: IMRF_CALENDARS, then the installation;
/// never the current folder.
@Suite("CalendarCatalog default folders")
struct CalendarCatalogLookupTests {
    @Test func environmentThenInstallationAndNeverTheCurrentFolder() {
        let executable = URL(fileURLWithPath: "/opt/imrf/bin/imrf")
        let folders = CalendarCatalog.defaultDirectories(environment: ["IMRF_CALENDARS": "/a:/b"], executable: executable)
        #expect(folders.map(\.path) == ["/a", "/b", "/opt/imrf/share/imrf/Calendars"])
    }
}
