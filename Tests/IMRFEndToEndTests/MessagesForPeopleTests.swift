import Foundation
import IMRFTestSupport
import Testing

/// What a person reads when something fails: a sentence, a place and a
/// hint, never a Swift type's dump or a Foundation error domain.
@Suite("messages for people, not programmers")
struct MessagesForPeopleTests {
    /// Words that only a programmer's dump has.
    static func looksLikeADump(_ text: String) -> Bool {
        ["Error(", "Code.", "NSCocoaErrorDomain", "error 512", "Optional(", "DecodingError", "Swift."].contains { text.contains($0) }
    }

    @Test("a damaged ledger: status, mark, log and ics each name the file and say what to do, in words")
    func damagedLedger() throws {
        try withExampleWorkspace { folder in
            let ws = folder.url.appendingPathComponent("ws").path
            #expect(try IMRFProcess.run(["mark", "distributed", "hearing-summary", "--workspace", ws]).status == 0)
            try Data("garbage, not a database".utf8).write(to: folder.url.appendingPathComponent("ws/.imrf/ledger.sqlite"))
            for arguments in [
                ["status", ws], ["mark", "distributed", "pga-summaries", "--workspace", ws], ["mark", "closed", "--workspace", ws],
                ["log", ws], ["ics", ws],
            ] {
                let result = try IMRFProcess.run(arguments)
                #expect(result.status != 0, "\(arguments)")
                let said = result.stdout + result.stderr
                #expect(!Self.looksLikeADump(said), "\(arguments): \(said)")
                #expect(said.contains("ledger.sqlite"), "\(arguments): \(said)")
            }
            let mark = try IMRFProcess.run(["mark", "distributed", "pga-summaries", "--workspace", ws])
            #expect(mark.status == 65)
            #expect(mark.stderr.contains("the ledger is damaged and cannot be read"), "\(mark.stderr)")
            #expect(mark.stderr.contains("hint: restore the file from a backup"))
        }
    }

    @Test("compile --out onto a file: says it is a file, not a folder, and changes nothing")
    func outputOntoAFile() throws {
        try withExampleWorkspace { folder in
            let file = try folder.write("summary-here", "keep me\n")
            let result = try IMRFProcess.run(["compile", "ws", "--out", file.path], directory: folder.url)
            #expect(result.status == 73)
            #expect(result.stderr.contains("is a file, not a folder"), "\(result.stderr)")
            #expect(!Self.looksLikeADump(result.stderr), "\(result.stderr)")
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        }
    }

    @Test("imrf check given forum.yaml, or run inside notes/, checks the workspace it belongs to; an unknown calendar is named at its line")
    func checkFindsTheWorkspace() throws {
        try withExampleWorkspace { folder in
            let byFile = try IMRFProcess.run(["check", "ws/forum.yaml"], directory: folder.url)
            #expect(byFile.status == 0, "\(byFile.stderr)")
            #expect(byFile.stdout.contains("7 notes checked: 0 errors"), "\(byFile.stdout)")
            let inside = try IMRFProcess.run(
                ["check"], directory: folder.url.appendingPathComponent("ws/notes"), environment: ["IMRF_WORKSPACE": nil])
            #expect(inside.status == 0, "\(inside.stderr)")
            #expect(inside.stdout.contains("7 notes checked"))
            let forumFile = folder.url.appendingPathComponent("ws/forum.yaml")
            let text = try String(contentsOf: forumFile, encoding: .utf8)
            try text.replacingOccurrences(of: "calendar: \"un-new-york\"", with: "calendar: \"un-geneva\"")
                .write(to: forumFile, atomically: true, encoding: .utf8)
            let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("calendar:") } ?? 0) + 1
            let unknown = try IMRFProcess.run(["check", "ws/forum.yaml"], directory: folder.url)
            #expect(unknown.status == 65)
            #expect(unknown.stderr.hasPrefix("ws/forum.yaml:\(line):11: error: unknown calendar 'un-geneva'"), "\(unknown.stderr)")
        }
    }
}
