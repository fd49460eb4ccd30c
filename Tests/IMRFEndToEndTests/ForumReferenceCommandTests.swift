import Foundation
import IMRFTestSupport
import Testing

/// A forum.yaml naming a time zone or a calendar that does not exist is
/// refused the same way, at the same line, by every command that reads it.
@Suite("forum references")
struct ForumReferenceCommandTests {
    @Test(arguments: [
        ("timeZone: \"America/New_York\"", "timeZone: \"America/Gotham\"", "'timeZone' is not a time zone: 'America/Gotham'"),
        ("calendar: \"un-new-york\"", "calendar: \"un-gotham\"", "unknown calendar 'un-gotham'"),
    ])
    func everyCommandRefusesTheSameForumAtTheSameLine(original: String, replacement: String, message: String) throws {
        try withExampleWorkspace { temporary in
            let forum = temporary.url.appendingPathComponent("ws/forum.yaml")
            let text = try String(contentsOf: forum, encoding: .utf8)
            #expect(text.contains(original))
            try text.replacingOccurrences(of: original, with: replacement).write(to: forum, atomically: true, encoding: .utf8)
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(original) }! + 1
            let expected = "ws/forum.yaml:\(line):11: error: \(message)\n"
            for (arguments, status) in [
                (["check", "ws"], 65), (["compile", "ws", "--out", "out"], 65), (["status", "ws"], 3), (["ics", "ws"], 65),
                (["mark", "distributed", "pga-summaries", "--workspace", "ws"], 65),
            ] as [([String], Int32)] {
                let result = try IMRFProcess.run(arguments, directory: temporary.url)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderr.hasPrefix(expected), "\(arguments): \(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out").path))
        }
    }
}
