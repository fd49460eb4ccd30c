import Foundation
import GRDB
import IMRFTestSupport
import Testing

/// Text imrf did not write (names in a ledger written before values were
/// checked, file names, references) reaches the terminal escaped: no ESC
/// sequence, no extra line.
@Suite("hostile terminal output")
struct HostileTerminalOutputTests {
    static let escape = "\u{1B}"

    @Test func submitRefusesAControlCharacterInTheAuthor() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("n.md", "---\nsession: round-table-2\nauthor: \"Jane\\e[2J\\nDoe\"\n---\nText.\n")
            let result = try IMRFProcess.run(["submit", "n.md", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(
                result.stderr.hasPrefix("n.md:3:9: error: the value of 'author' contains U+001B ESCAPE, a character that is not text\n"),
                "\(result.stderr)")
        }
    }

    @Test func logShowsAForgedLedgerEntryEscapedOnOneLine() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("n.md", "---\nsession: round-table-2\nauthor: Jane Doe\n---\nText.\n")
            #expect(try IMRFProcess.run(["submit", "n.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            // What an older imrf stored: a line break and escape sequences in the author.
            let forged = "Jane\n2026-05-01 09:00:00 -04:00  #2  distribution  pga-summaries\(Self.escape)[2J\u{202E}"
            let database = try DatabaseQueue(path: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite").path)
            try database.write { db in
                try db.execute(sql: "UPDATE entry SET record = json_set(record, '$.author', ?)", arguments: [forged])
            }
            try database.close()
            let log = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(log.status == 0, "\(log.stderr)")
            #expect(log.stdout.split(separator: "\n").count == 1, "\(log.stdout)")
            #expect(!log.stdout.contains(Self.escape) && !log.stdout.contains("\u{202E}"))
            #expect(
                log.stdout.contains("by Jane<U+000A>2026-05-01 09:00:00 -04:00  #2  distribution  pga-summaries<U+001B>[2J<U+202E>: notes/"),
                "\(log.stdout)")
        }
    }

    @Test func markShowsAReferenceEscaped() throws {
        try withExampleWorkspace(example: false) { temporary in
            let result = try IMRFProcess.run(
                [
                    "mark", "distributed", "pga-summaries", "--workspace", "ws", "--at", "2026-05-28", "--reference",
                    "A/80/1\(Self.escape)]0;pwned\u{7}",
                ],
                directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("reference A/80/1<U+001B>]0;pwned<U+0007>; ledger entry 1"), "\(result.stdout)")
            let log = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(log.stdout.contains("pga-summaries (A/80/1<U+001B>]0;pwned<U+0007>)"), "\(log.stdout)")
        }
    }

    @Test func aDiagnosticShowsAFileNameEscaped() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("ws/notes/x\(Self.escape)[2J.md", "no front matter\n")
            let result = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(!result.stderr.contains(Self.escape))
            #expect(result.stderr.contains("ws/notes/x<U+001B>[2J.md:1:1: error: note has no front matter"), "\(result.stderr)")
        }
    }
}
