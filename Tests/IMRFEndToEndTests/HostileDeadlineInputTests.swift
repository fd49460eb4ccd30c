import Foundation
import IMRFTestSupport
import Testing

/// `imrf deadline -` fed lines no date could be: the answer stays short and
/// the memory flat, whatever the length of the line.
@Suite("imrf deadline: hostile standard input")
struct HostileDeadlineInputTests {
    /// 256 MiB of address space: imrf runs within it (not within 128), and
    /// holding the line whole, with its copies, would not. Under a sanitizer
    /// no address space is capped (`IMRFProcess.run`) and every byte read is
    /// checked, so a 4 MiB line there tests the same reading, in seconds.
    @Test func aHugeLineIsQuotedShortAndTheNextLinesAnswered() throws {
        let huge = String(repeating: "x", count: IMRFProcess.isSanitized ? 4 << 20 : 64 << 20)
        let result = try IMRFProcess.run(
            ["deadline", "-"], cap: .init(memoryMiB: 256, cpuSeconds: 10, wallSeconds: 30),
            input: "2022-05-20\n" + huge + "\n2026-05-08\n")
        #expect(result.status == 65)
        #expect(result.stdout == "2022-05-20 2022-06-06\n2026-05-08 2026-05-22\n")
        #expect(result.stderr.hasPrefix("<stdin>:2:1: error: '" + String(repeating: "x", count: 80) + "...' is not a date\n"))
        #expect(result.stderr.utf8.count < 1000)
    }

    @Test func aLongDateArgumentIsQuotedShort() throws {
        let long = "2022-05-20" + String(repeating: "9", count: 100_000)
        let result = try IMRFProcess.run(["deadline", long, "2026-05-08"])
        #expect(result.status == 65)
        #expect(result.stdout == "2026-05-08 2026-05-22\n")
        #expect(result.stderr.hasPrefix("error: '2022-05-20" + String(repeating: "9", count: 70) + "...' is not a date\n"))
        #expect(result.stderr.utf8.count < 1000)
    }

    @Test func windowsLineEndingsAreRead() throws {
        let result = try IMRFProcess.run(["deadline", "-"], input: "2022-05-20\r\n2026-05-08\r\n")
        #expect(result.status == 0)
        #expect(result.stdout == "2022-05-20 2022-06-06\n2026-05-08 2026-05-22\n")
    }
}
