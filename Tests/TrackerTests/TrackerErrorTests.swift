import Diagnostics
import Ledger
import Testing
import Tracker

/// The tracker's errors say what is wrong in words any program can show:
/// which option a moment came from is the caller's to say, by the code.
@Suite struct TrackerErrorTests {
    @Test(arguments: [
        TrackerError.Code.unknownDeliverable("x", valid: ["pga-summaries"]),
        .unknownTimeZone("Mars/Olympus", forumPath: "forum.yaml"),
        .ledgerUnreadable(path: ".imrf", reason: "disk I/O error"),
        .ledger(LedgerError(.olderSchema, path: ".imrf/ledger.sqlite", detail: "", foundSchema: 0)),
        .ledgerUnwritable(path: ".imrf", reason: "read-only file system"),
        .badMoment("yesterday", .statusTime),
        .badMoment("last week", .distributionTime),
    ])
    func messagesNameNoOption(code: TrackerError.Code) {
        let diagnostics = TrackerError(code).diagnostics
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            #expect(diagnostic.code != nil)
            #expect(!diagnostic.description.contains("--"), "\(diagnostic)")
        }
    }

    @Test func aBadMomentSaysWhatItStandsForByItsCode() {
        let status = TrackerError(.badMoment("yesterday", .statusTime)).diagnostics
        let distribution = TrackerError(.badMoment("last week", .distributionTime)).diagnostics
        #expect(status.map(\.message) == ["'yesterday' is not a date or a time"])
        #expect(status.map(\.code) == [.badMoment(.statusTime)])
        #expect(distribution.map(\.code) == [.badMoment(.distributionTime)])
    }
}
