import Foundation
import IMRFTestSupport
import Testing

/// forum.yaml's `document.wordLimit` through the built binary: `check` and
/// `compile` warn, at the setting's line, when the notes are longer.
@Suite("imrf check and compile: the word limit")
struct WordLimitCommandTests {
    @Test func overTheLimitCheckAndCompileWarnAndStillSucceed() throws {
        try withExampleWorkspace { folder in
            let forum = folder.url.appendingPathComponent("ws/forum.yaml")
            let yaml = try String(contentsOf: forum, encoding: .utf8)
            let line = try folder.append("document:\n  wordLimit: 100\n", to: "ws/forum.yaml") + 1
            for arguments in [["check", "ws"], ["compile", "ws", "--format", "md"]] {
                let result = try IMRFProcess.run(arguments, directory: folder.url)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                let warning = try #require(result.stderr.split(separator: "\n").first { $0.contains("word") }, "\(result.stderr)")
                #expect(warning.hasPrefix("ws/forum.yaml:\(line):"))
                #expect(warning.contains("warning: the summary's notes have ") && warning.contains(" words, over the limit of 100; the longest: "))
            }
            // Within the default of 8,500: nothing said.
            try yaml.write(to: forum, atomically: true, encoding: .utf8)
            let check = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(!check.stderr.contains("words"))
        }
    }
}
