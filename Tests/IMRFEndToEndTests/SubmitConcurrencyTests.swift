import Foundation
import GRDB
import IMRFTestSupport
import Storage
import Synchronization
import Testing

/// Many `imrf submit` processes at once, and one killed mid-submit: the
/// guarantees the README states about the ledger and notes/.
@Suite("imrf submit under concurrency")
struct SubmitConcurrencyTests {
    /// What a group of processes said, collected from several threads.
    final class Transcript: Sendable {
        private let state = Locked<(runs: Int, problems: [String])>((0, []))

        func record(_ problem: String?) {
            state.withLock { state in
                state.runs += 1
                if let problem { state.problems.append(problem) }
            }
        }

        var snapshot: (runs: Int, problems: [String]) { state.withLock { $0 } }
    }

    /// Set once by the test, read by the thread it stops.
    final class Flag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .acquiring) }
        func set() { value.store(true, ordering: .releasing) }
    }

    func note(author: String, body: String) -> String {
        "---\nsession: round-table-3\nauthor: \(author)\nobjectives: [14]\n---\n\(body)\n"
    }

    /// Starts `imrf arguments...` without waiting for it.
    func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = IMRFProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, stdout, stderr)
    }

    @Test func twentySubmissionsAtOnceAreAllRecorded() throws {
        try withExampleWorkspace(example: false) { temporary in
            let count = 20
            for index in 1...count {
                _ = try temporary.write("note\(index).md", note(author: "Rapporteur \(index)", body: "Summary number \(index) of the round table."))
            }

            // imrf log in a loop while the submissions run: it must never fail or complain.
            let logs = Transcript()
            let done = Flag()
            let logLoop = Thread {
                while !done.isSet {
                    let result = try? IMRFProcess.run(["log", "ws"], directory: temporary.url)
                    logs.record(
                        result.map { $0.status == 0 && $0.stderr.isEmpty ? nil : "log exited \($0.status): \($0.stderr)" } ?? "log did not run")
                }
            }
            logLoop.start()

            let submissions = Transcript()
            let group = DispatchGroup()
            for index in 1...count {
                group.enter()
                DispatchQueue.global().async {
                    defer { group.leave() }
                    let result = try? IMRFProcess.run(["submit", "note\(index).md", "--workspace", "ws"], directory: temporary.url)
                    submissions.record(
                        result.map { $0.status == 0 && $0.stderr.isEmpty ? nil : "submit \(index) exited \($0.status): \($0.stderr)" }
                            ?? "submit did not run")
                }
            }
            group.wait()
            done.set()
            while logLoop.isExecuting { Thread.sleep(forTimeInterval: 0.05) }

            #expect(submissions.snapshot.runs == count)
            #expect(submissions.snapshot.problems == [])
            #expect(logs.snapshot.runs > 0)
            #expect(logs.snapshot.problems == [])

            var configuration = Configuration()
            configuration.readonly = true
            let database = try DatabaseQueue(path: temporary.url.appendingPathComponent("ws/.imrf/ledger.sqlite").path, configuration: configuration)
            let (integrity, authors) = try database.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try String.fetchAll(db, sql: "SELECT json_extract(record, '$.author') FROM entry WHERE kind = 'submission' ORDER BY id")
                )
            }
            #expect(integrity == ["ok"])
            #expect(Set(authors) == Set((1...count).map { "Rapporteur \($0)" }))
            #expect(authors.count == count)
            let stored = try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("ws/notes").path)
            #expect(stored.filter { $0.hasSuffix(".md") }.count == count)
            #expect(stored.filter { !$0.hasSuffix(".md") } == [], "temporary files left behind")
            let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(check.stdout.hasPrefix("\(count) notes checked"), "\(check.stderr)")
        }
    }

    @Test func aSubmissionKilledBeforeItsRenameLeavesNoPartialNote() throws {
        try withExampleWorkspace(example: false) { temporary in
            let notes = temporary.url.appendingPathComponent("ws/notes")
            let first = note(author: "Jane Doe", body: "The first version.")
            _ = try temporary.write("jane.md", first)
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)

            // A changed version, killed while it sits in its temporary file.
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "The second version, never stored."))
            let (process, _, stderr) = try start(
                ["submit", "jane.md", "--workspace", "ws"], in: temporary.url, environment: ["IMRF_TEST_PAUSE_BEFORE_RENAME": "60"]
            )
            // Kill only once imrf says it is at the commit point (read until then).
            var said = ""
            while !said.contains("test pause before rename") {
                let chunk = stderr.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                said += String(decoding: chunk, as: UTF8.self)
            }
            #expect(said == "imrf: test pause before rename (IMRF_TEST_PAUSE_BEFORE_RENAME=60.0)\n")
            let paused = try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasPrefix(".submit-") }
            #expect(paused.count == 1 && paused.allSatisfy { $0.hasSuffix(".tmp") }, "\(paused)")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            // The stored note is still the first version, whole; the workspace scan ignores the leftover.
            #expect(try String(contentsOf: notes.appendingPathComponent("round-table-3--jane-doe.md"), encoding: .utf8) == first)
            #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".md") } == ["round-table-3--jane-doe.md"])
            let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(check.stdout.hasPrefix("1 note checked"), "\(check.stderr)")
            let log = try IMRFProcess.run(["log", "ws", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [Any])
            #expect(entries.count == 1)

            // Submitting again works and stores the second version.
            let again = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("earlier version kept as"))
        }
    }
}
