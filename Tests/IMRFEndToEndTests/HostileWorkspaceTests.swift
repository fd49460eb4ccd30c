import Foundation
import IMRFTestSupport
import Testing

/// A workspace whose notes together pass the budget: refused at the note
/// that crosses it, before that note is read, quickly and in little memory.
@Suite("hostile workspace")
struct HostileWorkspaceTests {
    @Test func notesTogetherOverSixteenMegabytesAreRefusedAtTheNoteThatCrossesTheBudget() throws {
        try withExampleWorkspace { temporary in
            // Four notes of 4 MiB after the example's: the fourth crosses 16 MiB.
            let big = Data(String(repeating: String(repeating: "x", count: 1023) + "\n", count: 4096).utf8)
            for number in 1...4 {
                try big.write(to: temporary.url.appendingPathComponent("ws/notes/zz-\(number).md"))
            }
            let result = try IMRFProcess.run(
                ["check", "ws"], cap: .init(memoryMiB: 1024, cpuSeconds: 20, wallSeconds: 30), directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "ws/notes/zz-4.md:1:1: error: the notes together are larger than 16,777,216 bytes: with this one they are "
                ), "\(result.stderr)")
        }
    }
}
