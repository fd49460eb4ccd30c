import Foundation
import GRDB
import IMRFTestSupport
import Testing

/// `imrf submit`, `imrf log` and the ledger entries of `imrf compile`,
/// through the built binary.
@Suite("imrf submit and log")
struct SubmitAndLogCommandTests {
    func note(session: String = "round-table-2", author: String, body: String = "The round table discussed legal identity.") -> String {
        "---\nsession: \(session)\ntitle: Round table\nauthor: \(author)\nrole: rapporteur\nobjectives: [4, 8]\n---\n\(body)\n"
    }

    func notes(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ws/notes").path).sorted()
    }

    func sha256(_ text: String) throws -> String {
        // The digest as the sha256sum tool computes it: an independent check of the receipt.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    func ledgerCount(_ folder: URL) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: folder.appendingPathComponent("ws/.imrf/ledger.sqlite").path, configuration: configuration)
        return try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? -1 }
    }

    @Test func aValidNoteIsStoredRecordedAndReceipted() throws {
        try withExampleWorkspace(example: false) { temporary in
            let text = note(author: "Jane Doe")
            _ = try temporary.write("jane.md", text)
            let result = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            let digest = try sha256(text)
            #expect(
                result.stdout == """
                    submitted ws/notes/round-table-2--jane-doe.md (round-table-2, Jane Doe)
                    sha256: \(digest)
                    ledger entry 1

                    """)
            let stored = try String(contentsOf: temporary.url.appendingPathComponent("ws/notes/round-table-2--jane-doe.md"), encoding: .utf8)
            #expect(stored == text)
            #expect(try notes(in: temporary.url) == ["round-table-2--jane-doe.md"])
            let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(check.status == 0)
            #expect(check.stdout.hasPrefix("1 note checked"))
        }
    }

    @Test func theReceiptInJSON() throws {
        try withExampleWorkspace(example: false) { temporary in
            let text = note(session: "hearing", author: "Zoë Müller")
            _ = try temporary.write("zoe.md", text)
            let result = try IMRFProcess.run(["submit", "../zoe.md", "--json"], directory: temporary.url.appendingPathComponent("ws"))
            #expect(result.status == 0, "\(result.stderr)")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(receipt["outcome"] as? String == "stored")
            #expect(receipt["path"] as? String == "notes/hearing--zoe-muller.md")
            #expect(receipt["author"] as? String == "Zoë Müller")
            #expect(receipt["session"] as? String == "hearing")
            #expect(receipt["sha256"] as? String == (try sha256(text)))
            #expect(receipt["ledgerEntry"] as? Int == 1)
            #expect(result.stdout.split(separator: "\n").count == 1)
        }
    }

    @Test func anInvalidNoteIsRefusedAndNothingIsStored() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("bad.md", "---\nsession: round-table-9\nauthor: Jane Doe\nobjectives: [30]\n---\nText.\n")
            _ = try temporary.write("anonymous.md", "---\nsession: plenary\n---\nText.\n")
            let bad = try IMRFProcess.run(["submit", "bad.md", "--workspace", "ws"], directory: temporary.url)
            #expect(bad.status == 65)
            #expect(bad.stdout == "")
            let lines = bad.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  hint:") }
            #expect(
                lines == [
                    "bad.md:2:10: error: unknown session 'round-table-9'",
                    "bad.md:4:14: error: objective 30 is outside 1-23",
                    "2 errors, 0 warnings; nothing submitted",
                ])
            let anonymous = try IMRFProcess.run(["submit", "anonymous.md", "--workspace", "ws"], directory: temporary.url)
            #expect(anonymous.status == 65)
            #expect(anonymous.stderr.hasPrefix("anonymous.md:1:1: error: a submitted note needs an 'author' in its front matter\n"))
            #expect(try notes(in: temporary.url) == [])
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite").path))
            let missing = try IMRFProcess.run(["submit", "nowhere.md", "--workspace", "ws"], directory: temporary.url)
            #expect(missing.status == 65)
            #expect(missing.stderr.hasPrefix("nowhere.md: error: cannot read note\n"))
        }
    }

    @Test func theSameNoteTwiceChangesNothing() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("jane.md", note(author: "Jane Doe"))
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            let stored = temporary.url.appendingPathComponent("ws/notes/round-table-2--jane-doe.md")
            let modified = try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date
            let again = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(again.status == 0)
            #expect(again.stdout.hasPrefix("already submitted: ws/notes/round-table-2--jane-doe.md has the same text (sha256 "))
            #expect(again.stdout.hasSuffix(", ledger entry 1); nothing changed\n"))
            #expect(try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date == modified)
            #expect(try notes(in: temporary.url) == ["round-table-2--jane-doe.md"])
            #expect(try ledgerCount(temporary.url) == 1)
        }
    }

    @Test func aChangedNoteKeepsTheEarlierVersion() throws {
        try withExampleWorkspace(example: false) { temporary in
            let first = note(author: "Jane Doe")
            let second = note(author: "Jane Doe", body: "The round table discussed legal identity and documentation.")
            _ = try temporary.write("jane.md", first)
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            _ = try temporary.write("jane.md", second)
            let result = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let firstDigest = try sha256(first)
            let secondDigest = try sha256(second)
            let previous = "ws/notes/.history/round-table-2--jane-doe.\(firstDigest.prefix(12)).md"
            #expect(
                result.stdout == """
                    submitted ws/notes/round-table-2--jane-doe.md (round-table-2, Jane Doe)
                    sha256: \(secondDigest)
                    ledger entry 2
                    earlier version kept as \(previous)

                    """)
            #expect(try String(contentsOf: temporary.url.appendingPathComponent(previous), encoding: .utf8) == first)
            #expect(try String(contentsOf: temporary.url.appendingPathComponent("ws/notes/round-table-2--jane-doe.md"), encoding: .utf8) == second)
            // check and compile see one note for the author, not two.
            let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.hasPrefix("1 note checked"))
            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
            #expect(entries.map { ($0["record"] as? [String: Any])?["sha256"] as? String } == [firstDigest, secondDigest])
        }
    }

    @Test func namesInTheFrontMatterCannotEscapeTheWorkspace() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("a.md", note(author: "../../etc", body: "First text."))
            _ = try temporary.write("b.md", note(author: "/etc/passwd", body: "Second text."))
            _ = try temporary.write("c.md", note(author: "..", body: "Third text."))
            _ = try temporary.write("d.md", note(author: "محمد", body: "Fourth text."))
            for (file, stored) in [("a.md", "round-table-2--etc.md"), ("b.md", "round-table-2--etc-passwd.md")] {
                let result = try IMRFProcess.run(["submit", file, "--workspace", "ws"], directory: temporary.url)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.hasPrefix("submitted ws/notes/\(stored) "))
            }
            let dots = try IMRFProcess.run(["submit", "c.md", "--workspace", "ws", "--json"], directory: temporary.url)
            let arabic = try IMRFProcess.run(["submit", "d.md", "--workspace", "ws", "--json"], directory: temporary.url)
            for result in [dots, arabic] {
                let receipt = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let path = try #require(receipt["path"] as? String)
                #expect(path.wholeMatch(of: /notes\/round-table-2--author-[0-9a-f]{8}\.md/) != nil, "\(path)")
            }
            #expect(try notes(in: temporary.url).count == 4)
            // Nothing was written beside the workspace.
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).sorted() == ["a.md", "b.md", "c.md", "d.md", "ws"])
        }
    }

    @Test func twoAuthorsWithTheSameSlugKeepTheirOwnNotes() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("one.md", note(author: "Jane Doe", body: "One."))
            _ = try temporary.write("two.md", note(author: "jane-doe", body: "Two."))
            #expect(try IMRFProcess.run(["submit", "one.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            let second = try IMRFProcess.run(["submit", "two.md", "--workspace", "ws"], directory: temporary.url)
            #expect(second.status == 0)
            #expect(!second.stdout.contains("earlier version"))
            #expect(try notes(in: temporary.url).count == 2)
        }
    }

    @Test func aNoteDuplicatingAnotherIsRefused() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("ws/notes/by-hand.md", note(author: "Someone", body: "Same words."))
            _ = try temporary.write("copy.md", note(author: "Someone Else", body: "Same words."))
            let result = try IMRFProcess.run(["submit", "copy.md", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("copy.md:8:1: error: note duplicates ws/notes/by-hand.md\n"))
            #expect(try notes(in: temporary.url) == ["by-hand.md"])
        }
    }

    /// The office puts a note in notes/ by hand, then submits it to record
    /// it: it was refused as "a duplicate" of itself.
    @Test("a note already in notes/ is registered where it is, not refused as a duplicate of itself; once")
    func aNotePutInNotesByHandIsRegistered() throws {
        try withExampleWorkspace(example: false) { temporary in
            let text = note(author: "Someone", body: "Words of the office.")
            _ = try temporary.write("ws/notes/by-hand.md", text)
            let result = try IMRFProcess.run(["submit", "ws/notes/by-hand.md", "--workspace", "ws", "--json"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let receipt = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(receipt["outcome"] as? String == "registered")
            #expect(receipt["path"] as? String == "notes/by-hand.md")
            #expect(receipt["sha256"] as? String == (try sha256(text)))
            #expect(try notes(in: temporary.url) == ["by-hand.md"], "nothing copied or renamed")
            #expect(try ledgerCount(temporary.url) == 1)
            let again = try IMRFProcess.run(["submit", "ws/notes/by-hand.md", "--workspace", "ws"], directory: temporary.url)
            #expect(again.status == 0)
            #expect(again.stdout.hasPrefix("already submitted: ws/notes/by-hand.md has the same text"))
            #expect(try ledgerCount(temporary.url) == 1)
            let log = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(log.stdout.contains("round-table-2 by Someone: notes/by-hand.md"))
        }
    }

    @Test func logShowsEntriesInTheForumTimeZone() throws {
        try withExampleWorkspace(example: false) { temporary in
            let empty = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(empty.status == 0)
            #expect(empty.stdout == "the ledger of ws is empty: nothing has been submitted, compiled, uploaded or distributed yet\n")
            #expect(try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url).stdout == "[]\n")
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/.imrf").path))

            _ = try temporary.write("jane.md", note(author: "Jane Doe"))
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            let json = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let entry = try #require(entries.first)
            #expect(entries.count == 1)
            #expect(entry["id"] as? Int == 1)
            #expect(entry["kind"] as? String == "submission")
            let at = try #require(entry["at"] as? String)
            let instant = try #require(ISO8601DateFormatter().date(from: at))
            let record = try #require(entry["record"] as? [String: Any])
            #expect(record["path"] as? String == "notes/round-table-2--jane-doe.md")

            let text = try IMRFProcess.run(["log"], directory: temporary.url.appendingPathComponent("ws"))
            #expect(text.status == 0)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "America/New_York")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
            let digest = try #require(record["sha256"] as? String)
            #expect(
                text.stdout
                    == "\(formatter.string(from: instant))  #1  submission  round-table-2 by Jane Doe: notes/round-table-2--jane-doe.md (sha256 \(digest.prefix(12)))\n"
            )
        }
    }

    @Test func logOutsideAWorkspaceSaysSo() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try IMRFProcess.run(["log"], directory: temporary.url)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("forum.yaml: error: cannot read forum file\n"))
    }

    @Test func compileIsRecordedAndSurvivesAnUnwritableLedger() throws {
        try withExampleWorkspace { temporary in
            let templates = repositoryRoot.appendingPathComponent("Templates").path
            let compile = try IMRFProcess.run(["compile", "ws", "--format", "md", "--templates", templates], directory: temporary.url)
            #expect(compile.status == 0, "\(compile.stderr)")
            #expect(compile.stderr == "")
            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
            // The compile, then the deadlines it found (the first record of them).
            #expect(entries.map { $0["kind"] as? String } == ["compile", "deadlines"])
            let record = try #require(entries.first?["record"] as? [String: Any])
            #expect(record["draft"] as? Bool == false)
            let outputs = try #require(record["outputs"] as? [[String: Any]])
            let summary = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.md"), encoding: .utf8)
            #expect(outputs.map { $0["path"] as? String } == ["build/summary.md"])
            #expect(outputs.map { $0["sha256"] as? String } == [try sha256(summary)])

            // A workspace whose ledger cannot be written (.imrf is a file): the summary still wins.
            try FileManager.default.removeItem(at: temporary.url.appendingPathComponent("ws/.imrf"))
            _ = try temporary.write("ws/.imrf", "not a folder")
            let unrecorded = try IMRFProcess.run(["compile", "ws", "--format", "md", "--templates", templates], directory: temporary.url)
            #expect(unrecorded.status == 0)
            #expect(unrecorded.stdout == "wrote ws/build/summary.md\n")
            #expect(
                unrecorded.stderr.hasPrefix(
                    "ws/.imrf/ledger.sqlite: warning: the summary was written but not recorded in the ledger: cannot write the ledger (cannot create the folder ws/.imrf)\n"
                ))
        }
    }

    @Test func aDamagedLedgerIsReportedAndNothingIsStored() throws {
        try withExampleWorkspace(example: false) { temporary in
            try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("ws/.imrf"), withIntermediateDirectories: true)
            _ = try temporary.write("ws/.imrf/ledger.sqlite", String(repeating: "minutes of the meeting\n", count: 100))
            _ = try temporary.write("jane.md", note(author: "Jane Doe"))
            let expected = "ws/.imrf/ledger.sqlite: error: the ledger is damaged and cannot be read (file is not a database)\n"
            let submit = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(submit.status == 65)
            #expect(submit.stderr.hasPrefix(expected))
            #expect(try notes(in: temporary.url) == [])
            let log = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(log.status == 65)
            #expect(log.stderr.hasPrefix(expected))
        }
    }

    @Test func aLedgerFromANewerImrfIsRefused() throws {
        try withExampleWorkspace(example: false) { temporary in
            _ = try temporary.write("jane.md", note(author: "Jane Doe"))
            _ = try temporary.write("john.md", note(author: "John Roe", body: "Other words."))
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            let database = try DatabaseQueue(path: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite").path)
            try database.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3: from the future'), ('v4: further still')")
                try db.execute(sql: "PRAGMA user_version = 4")
            }
            try database.close()
            let expected = "ws/.imrf/ledger.sqlite: error: ledger.sqlite was written by a newer imrf (schema 4, this one knows 2): upgrade imrf\n"
            for arguments in [["log", "ws"], ["submit", "john.md", "--workspace", "ws"]] {
                let result = try IMRFProcess.run(arguments, directory: temporary.url)
                #expect(result.status == 78)
                #expect(result.stderr == expected)
            }
            #expect(try notes(in: temporary.url) == ["round-table-2--jane-doe.md"])
        }
    }
}
