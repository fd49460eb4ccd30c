import Foundation
import GRDB
import IMRFTestSupport
import Testing

/// Hostile front matter and forum.yaml through the built binary, under a
/// resource cap: an alias bomb is refused at once (exit 65, at the anchor),
/// never stored; control characters are refused in values and shown
/// escaped wherever imrf prints text it did not write.
@Suite("hostile YAML")
struct HostileYAMLTests {
    static let cap = IMRFProcess.ResourceCap(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 20)

    /// Nine-element lists nested `levels` deep through aliases.
    static func aliasBomb(levels: Int) -> [String] {
        var lines = ["l0: &l0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 1..<levels {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines
    }

    static let bombNote =
        "---\nsession: round-table-2\nauthor: Jane Doe\n"
        + aliasBomb(levels: 10).joined(separator: "\n") + "\ntitle: *l9\n---\nThe round table met.\n"

    /// Runs under the cap: a walk over the expanded aliases is killed by it.
    func run(_ arguments: [String], in temporary: TemporaryFolder) throws -> IMRFProcess.Result {
        let result = try IMRFProcess.run(arguments, cap: Self.cap, directory: temporary.url)
        return result
    }

    @Test func checkRefusesAnAliasBombAtItsAnchor() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("bomb.md", Self.bombNote)
            let result = try run(["check", "bomb.md"], in: temporary)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("bomb.md:4:5: error: YAML anchor '&l0' is not accepted\n  hint: "), "\(result.stderr)")
        }
    }

    @Test func submitRefusesAnAliasBombAndStoresNothing() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("bomb.md", Self.bombNote)
            let result = try run(["submit", "bomb.md", "--workspace", "ws"], in: temporary)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("bomb.md:4:5: error: YAML anchor '&l0' is not accepted\n"), "\(result.stderr)")
            let notes = try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("ws/notes").path)
            #expect(notes.filter { $0.hasSuffix(".md") }.isEmpty)
        }
    }

    @Test func aForumFileWithAnAliasBombIsRefusedByEveryCommand() throws {
        try withExampleWorkspace(example: false) { temporary in
            // A mapping key that is an alias: Yams used to hash its whole expansion while composing.
            let forum = temporary.url.appendingPathComponent("ws/forum.yaml")
            let text = try String(contentsOf: forum, encoding: .utf8)
            try (Self.aliasBomb(levels: 10).joined(separator: "\n") + "\n? *l9\n: x\n" + text)
                .write(to: forum, atomically: true, encoding: .utf8)
            for arguments in [["check", "ws"], ["compile", "ws"], ["status", "ws"]] {
                let result = try run(arguments, in: temporary)
                #expect(result.status == (arguments[0] == "status" ? 3 : 65), "\(arguments)")
                #expect(result.stderr.hasPrefix("ws/forum.yaml:1:5: error: YAML anchor '&l0' is not accepted"), "\(arguments): \(result.stderr)")
            }
        }
    }
}
