import Foundation
import IMRFTestSupport
import Testing

/// Hostile Markdown in a note, through `imrf compile` under a memory and
/// time cap: a clear refusal (exit 65, the file and line), never a kill.
@Suite("hostile Markdown")
struct HostileMarkdownTests {
    static let cap = IMRFProcess.ResourceCap(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 20)

    @Test func aWideTableOfShortRowsIsRefusedAtItsHeader() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            // 30,000 columns, 30,000 one-cell rows: cmark-gfm would pad 900 million cells.
            let columns = 30_000
            let note =
                "---\nsession: plenary\n---\nIntro.\n\n"
                + "|" + String(repeating: "h|", count: columns) + "\n"
                + "|" + String(repeating: "-|", count: columns) + "\n"
                + String(repeating: "|b|\n", count: 30_000)
            try Data(note.utf8).write(to: folder.appendingPathComponent("notes/wide.md"))
            let result = try IMRFProcess.run(["compile", "ws", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(
                result.stderr.hasPrefix(
                    "ws/notes/wide.md:6:1: error: tables with more than 100,000 cells in one note (columns times rows)\n"
                ))
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out").path))
        }
    }
}
