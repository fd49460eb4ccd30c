import Foundation
import IMRFTestSupport
import Testing

/// The input limits as a user meets them through `imrf check`: exit 65, the
/// file and line, and nothing written.
@Suite("imrf input limits")
struct LimitsCommandTests {
    @Test func aForumFileOverOneMegabyteIsRefusedByItsSize() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let forum = folder.appendingPathComponent("forum.yaml")
            var yaml = try Data(contentsOf: forum)
            yaml.append(Data(("# " + String(repeating: "x", count: (1 << 20) - yaml.count - 2)).utf8))
            yaml.append(Data("\n".utf8))
            try yaml.write(to: forum)
            let result = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("ws/forum.yaml:1:1: error: forum file is larger than 1 MB (1048577 bytes)\n"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aNoteWithAnOverlongLineNamesTheLine() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let note = "---\nsession: plenary\n---\nFirst line.\n" + String(repeating: "word ", count: 20_001) + "\n"
            try Data(note.utf8).write(to: folder.appendingPathComponent("notes/long.md"))
            let result = try IMRFProcess.run(["compile", "ws", "--out", "out"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("ws/notes/long.md:5:1: error: line 5 is longer than 100,000 characters (100005)\n"))
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out").path))
        }
    }
}

/// The capped runner itself: a test that relies on it to catch a runaway
/// input must see the kill.
@Suite("resource caps")
struct ResourceCapTests {
    @Test func aProcessPastItsWallClockLimitIsKilled() throws {
        let result = try IMRFProcess.run(
            ["deadline", "-"], cap: .init(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 1),
            keepStdinOpen: true)
        #expect(result.status == 128 + SIGKILL)
    }

    @Test func aProcessWithinItsCapsExitsNormally() throws {
        let result = try IMRFProcess.run(["--version"], cap: .init())
        #expect(result.status == 0)
    }
}
