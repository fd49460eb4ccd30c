import Foundation
import GRDB
import IMRFTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

// The system's calls under names no type here shadows.
private func signalProcess(_ pid: pid_t, _ signal: Int32) { _ = kill(pid, signal) }
private func connectSocket(_ socket: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { connect(socket, address, length) }
#if canImport(Glibc)
private func openStreamSocket() -> Int32 { socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }
#else
private func openStreamSocket() -> Int32 { socket(AF_INET, SOCK_STREAM, 0) }
#endif

/// `imrf serve` under load and under SIGKILL, through the built binaries
/// and real loopback sockets: 50 people submitting at once while cron's
/// `imrf status` and the office's `imrf compile` run in loops on the same
/// workspace, and the server killed in the middle of submissions. What the
/// README promises ("Guarantees", "Running it"): every receipt is a stored,
/// recorded note with the receipt's SHA-256; never a partial note; the
/// ledger intact; a restarted server carries on.
@Suite("imrf serve under load", .serialized)
struct ServeUnderLoadTests {
    /// An invited person and the token of their link.
    struct Person: Sendable {
        var name: String
        var session: String
        var token: String

        /// Where their note is stored: `StoredNoteName`'s plain name.
        var notePath: String {
            "notes/\(session)--" + name.lowercased().replacingOccurrences(of: " ", with: "-") + ".md"
        }
    }

    static let sessions = ["hearing", "round-table-1", "round-table-2", "round-table-3", "round-table-4", "policy-debate", "plenary"]
    /// Objectives each session's round table covers (no warning for them).
    static let objectives = [
        "hearing": "[7]", "round-table-1": "[2, 5]", "round-table-2": "[4, 8]", "round-table-3": "[14, 19]",
        "round-table-4": "[1, 23]", "policy-debate": "[12]", "plenary": "[23]",
    ]

    /// Invites `count` people named `prefix 1`, `prefix 2`..., sessions in turn,
    /// with `imrf invite --json`, two at a time.
    static func invite(_ count: Int, prefix: String, in folder: URL) throws -> [Person] {
        let people = Collected<(Int, Person?, String)>()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for index in stride(from: half, to: count, by: 2) {
                let name = "\(prefix) \(index + 1)"
                let session = sessions[index % sessions.count]
                let result = try? IMRFProcess.run(["invite", "-w", "ws", "--name", name, "--session", session, "--json"], directory: folder)
                let object = result.flatMap { try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) as? [String: Any] }
                let token = (object?["url"] as? String)?.split(separator: "/").last.map(String.init)
                people.append((index, token.map { Person(name: name, session: session, token: $0) }, result?.stderr ?? "did not run"))
            }
        }
        let invited = people.all.sorted { $0.0 < $1.0 }
        #expect(invited.allSatisfy { $0.1 != nil }, "imrf invite: \(invited.filter { $0.1 == nil }.map(\.2))")
        return invited.compactMap(\.1)
    }

    /// A note of about `paragraphs` × 400 bytes, its text unique to the person and `version`.
    static func note(of person: Person, version: String, paragraphs: Int = 3) -> String {
        var text = """
            ---
            session: \(person.session)
            title: Notes of \(person.name), \(version)
            author: \(person.name)
            role: rapporteur
            objectives: \(objectives[person.session]!)
            ---

            """
        for paragraph in 1...paragraphs {
            text += """
                Paragraph \(paragraph) of \(version) by \(person.name). Delegations described labour-mobility
                schemes, the recognition of skills across borders and the cost of sending remittances,
                which is still above the target in many corridors; speakers asked for indicators that can
                be compared between reviews, and for data disaggregated by sex, age and migration status.


                """
        }
        return text
    }

    // MARK: The test of many at once

    @Test func fiftySubmissionsAtOnceBesideStatusAndCompileLoops() throws {
        try withExampleWorkspace { folder in
            let count = 50
            let inviting = Date()
            let people = try Self.invite(count, prefix: "Load Rapporteur", in: folder.url)
            let invited = Date().timeIntervalSince(inviting)
            try #require(people.count == count)
            let texts = people.map { Self.note(of: $0, version: "version 1") }
            let baseline = try IMRFProcess.run(["status", "ws", "--today", "2026-05-20"], directory: folder.url).status
            #expect((0...2).contains(baseline), "imrf status before the load")
            let server = try Server(folder: folder.url)

            // cron's status and the office's compile, in loops until the submissions are answered.
            let done = Flag()
            let runs = Collected<CommandRun>()
            let loops = DispatchGroup()
            for arguments in [["status", "ws", "--today", "2026-05-20"], ["compile", "ws", "--format", "md,html"]] {
                loops.enter()
                Thread {
                    defer { loops.leave() }
                    while !done.isSet {
                        let start = Date()
                        let result = try? IMRFProcess.run(arguments, directory: folder.url)
                        runs.append(
                            CommandRun(
                                command: arguments[0], status: result?.status ?? -1, stderr: result?.stderr ?? "did not run", start: start,
                                end: Date()))
                    }
                }.start()
            }
            // Let each loop get going, so that the submissions land in the middle of their runs.
            Thread.sleep(forTimeInterval: 0.3)

            let start = Date()
            let answers = Self.submitAtOnce(people.indices.map { (people[$0], texts[$0]) }, port: server.port)
            let finished = Date()
            done.set()
            #expect(loops.wait(timeout: .now() + 60) == .success, "the status and compile loops did not stop")
            let (status, log) = server.stop()
            #expect(status == 0, "imrf serve exit status on SIGTERM: \(log.suffix(4000))")

            // 50 receipts, each for the note sent, stored under its name.
            #expect(answers.count == count)
            var receipts: [String: (sha256: String, entry: Int64)] = [:]
            for (index, outcome) in answers {
                guard case .success(let answer) = outcome else {
                    Issue.record("client \(index): \(outcome)")
                    continue
                }
                let receipt = answer.json ?? [:]
                #expect(answer.status == 201, "client \(index): \(String(decoding: answer.body, as: UTF8.self))")
                #expect(receipt["outcome"] as? String == "stored")
                #expect(receipt["path"] as? String == people[index].notePath)
                if let path = receipt["path"] as? String, let sha = receipt["sha256"] as? String, let entry = receipt["ledgerEntry"] as? Int {
                    receipts[path] = (sha, Int64(entry))
                }
            }
            #expect(receipts.count == count, "distinct receipts")
            #expect(log.components(separatedBy: "POST /api/notes 201").count - 1 == count, "the request log")

            // notes/: the 7 example notes and the 50 submitted, whole, with the receipts' SHA-256; nothing else.
            let notes = folder.url.appendingPathComponent("ws/notes")
            let listing = try FileManager.default.contentsOfDirectory(atPath: notes.path).sorted()
            #expect(listing.filter { $0.hasSuffix(".md") }.count == 7 + count)
            #expect(listing.filter { !$0.hasSuffix(".md") } == [], "temporary files or folders left in notes/")
            let digests = try Self.sha256sum(receipts.keys.map { folder.url.appendingPathComponent("ws/\($0)").path })
            for (index, person) in people.enumerated() {
                let file = folder.url.appendingPathComponent("ws/\(person.notePath)")
                #expect(FileManager.default.contents(atPath: file.path) == Data(texts[index].utf8), "\(person.notePath) is the note sent")
                #expect(digests[file.path] != nil && digests[file.path] == receipts[person.notePath]?.sha256, "\(person.notePath)'s SHA-256")
            }

            // The ledger: intact, one submission a receipt, with its entry and digest.
            let ledger = try LedgerView(folder.url)
            #expect(ledger.integrity == ["ok"])
            #expect(ledger.submissions.count == count)
            for submission in ledger.submissions {
                let receipt = receipts[submission.path]
                #expect(receipt?.sha256 == submission.sha256 && receipt?.entry == submission.id, "ledger entry \(submission.id)")
            }

            // The loops ran during the submissions, and never failed.
            let all = runs.all
            for command in ["status", "compile"] {
                let overlapping = all.filter { $0.command == command && $0.start < finished && $0.end > start }
                #expect(!overlapping.isEmpty, "no \(command) ran while the submissions were under way")
            }
            print(
                "\(count) people invited in \(String(format: "%.2f", invited)) s; \(count) submissions at once answered in \(String(format: "%.2f", finished.timeIntervalSince(start))) s; beside them "
                    + ["status", "compile"].map { command in
                        "\(all.filter { $0.command == command && $0.start < finished && $0.end > start }.count) \(command) runs"
                    }.joined(separator: " and "))
            // status: what it said before the load (3, UNKNOWN, is what an unreadable ledger gives), silent on stderr.
            let statusRuns = all.filter { $0.command == "status" }
            #expect(statusRuns.filter { $0.status != baseline || !$0.stderr.isEmpty }.map(\.description) == [])
            // compile: 0 and no warning that it was not recorded; every compile recorded exactly once.
            let compileRuns = all.filter { $0.command == "compile" }
            #expect(compileRuns.filter { $0.status != 0 || $0.stderr.contains("not recorded") }.map(\.description) == [])
            #expect(ledger.kinds["compile"] == compileRuns.count, "one compile entry per compile run")
            #expect(ledger.kinds["invitation"] == count)

            // imrf log reads the same ledger; imrf check sees the 57 notes.
            let logged = try IMRFProcess.run(["log", "ws", "--json"], directory: folder.url)
            #expect(logged.status == 0, "\(logged.stderr)")
            let entries = (try? JSONSerialization.jsonObject(with: Data(logged.stdout.utf8)) as? [[String: Any]]) ?? []
            #expect(entries.filter { $0["kind"] as? String == "submission" }.count == count)
            #expect(entries.count == ledger.kinds.values.reduce(0, +))
            let check = try IMRFProcess.run(["check", "ws"], directory: folder.url)
            #expect(check.stdout.hasPrefix("\(7 + count) notes checked"), "\(check.stdout)\(check.stderr)")
        }
    }

    /// Sends each note from a thread of its own, all connected first and
    /// released together; the answers by index.
    static func submitAtOnce(_ notes: [(Person, String)], port: Int) -> [(Int, Result<LoopbackHTTP.Answer, any Error>)] {
        let answers = Collected<(Int, Result<LoopbackHTTP.Answer, any Error>)>()
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let clients = DispatchGroup()
        for (index, (person, text)) in notes.enumerated() {
            let request = LoopbackHTTP.request("POST", "/api/notes", port: port, token: person.token, body: Data(text.utf8))
            clients.enter()
            Thread {
                defer { clients.leave() }
                let socket = Result { try LoopbackHTTP.connect(port: port) }
                ready.signal()
                go.wait()
                answers.append((index, socket.flatMap { socket in Result { try LoopbackHTTP.exchange(socket, request) } }))
            }.start()
        }
        for _ in notes { ready.wait() }
        for _ in notes { go.signal() }
        _ = clients.wait(timeout: .now() + 120)
        return answers.all.sorted { $0.0 < $1.0 }
    }

    // MARK: The test of SIGKILL

    /// Each person submits one new version of their note after another,
    /// from a thread of their own, until a connection is refused or cut.
    /// `enough` is asked, as answers come back, whether `then` (the kill)
    /// should run now. Returns every answer or failure and every text sent,
    /// each with the note's path.
    static func submitContinuously(
        _ people: [Person], label: String, port: Int, until enough: (Int) -> Bool, then kill: () -> Void
    ) -> (answers: [(String, Result<LoopbackHTTP.Answer, any Error>)], sent: [(String, Data)]) {
        let answers = Collected<(String, Result<LoopbackHTTP.Answer, any Error>)>()
        let sent = Collected<(String, Data)>()
        let stop = Flag()
        let clients = DispatchGroup()
        for person in people {
            clients.enter()
            Thread {
                defer { clients.leave() }
                var version = 0
                while !stop.isSet {
                    version += 1
                    let text = Data(note(of: person, version: "\(label), version \(version)", paragraphs: 40).utf8)
                    sent.append((person.notePath, text))
                    let request = LoopbackHTTP.request("POST", "/api/notes", port: port, token: person.token, body: text)
                    let outcome = Result { try LoopbackHTTP.exchange(LoopbackHTTP.connect(port: port), request) }
                    answers.append((person.notePath, outcome))
                    if case .failure = outcome { break }
                }
            }.start()
        }
        let deadline = Date().addingTimeInterval(60)
        // Until enough answers are back, or every client has stopped (the server died by itself).
        while !enough(answers.count), Date() < deadline, clients.wait(timeout: .now()) == .timedOut {
            Thread.sleep(forTimeInterval: 0.002)
        }
        kill()
        stop.set()
        _ = clients.wait(timeout: .now() + 60)
        return (answers.all, sent.all)
    }

    @Test func killedInTheMiddleOfSubmissionsLeavesNoPartialNoteAndRestarts() throws {
        try withExampleWorkspace { folder in
            let people = try Self.invite(10, prefix: "Killed Rapporteur", in: folder.url)
            try #require(people.count == 10)
            let notes = folder.url.appendingPathComponent("ws/notes")
            let examples = Dictionary(
                uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: notes.path).map {
                    ($0, try Data(contentsOf: notes.appendingPathComponent($0)))
                })
            // Every version sent of each person's note, and every receipt that came back.
            var sent: [String: [Data]] = [:]
            var acknowledged: [(path: String, sha256: String, entry: Int64)] = []
            var interrupted = 0
            var completedBeforeKills = 0
            var kills: [String] = []
            var deadPid: pid_t?
            let attempts = 5
            var random = SeededRandom(seed: 11)
            var killedMidway = 0

            for attempt in 0...attempts {
                // A restarted server answers and accepts a submission.
                let server = try Server(folder: folder.url)
                let me = try LoopbackHTTP.exchange(
                    LoopbackHTTP.connect(port: server.port), LoopbackHTTP.request("GET", "/api/me", port: server.port, token: people[0].token))
                #expect(me.status == 200 && me.json?["name"] as? String == people[0].name, "GET /api/me after restart \(attempt)")
                let restartText = Self.note(of: people[0], version: "restart \(attempt)")
                sent[people[0].notePath, default: []].append(Data(restartText.utf8))
                let stored = try LoopbackHTTP.exchange(
                    LoopbackHTTP.connect(port: server.port),
                    LoopbackHTTP.request("POST", "/api/notes", port: server.port, token: people[0].token, body: Data(restartText.utf8)))
                #expect(stored.status == 201, "POST /api/notes after restart \(attempt): \(String(decoding: stored.body, as: UTF8.self))")
                if let sha = stored.json?["sha256"] as? String, let entry = stored.json?["ledgerEntry"] as? Int {
                    acknowledged.append((people[0].notePath, sha, Int64(entry)))
                }
                // The dead server's temporary files are removed by this submission.
                if let deadPid {
                    let stale = try Self.temporaries(in: notes).filter { $0.pid == deadPid }
                    #expect(stale.map(\.name) == [], "temporary files of the killed server left in notes/")
                    if stored.json?["outcome"] as? String == "replaced" {
                        let history = try Self.temporaries(in: notes.appendingPathComponent(".history")).filter { $0.pid == deadPid }
                        #expect(history.map(\.name) == [], "temporary files of the killed server left in notes/.history")
                    }
                }
                guard attempt < attempts else {
                    let (status, _) = server.stop()
                    #expect(status == 0, "imrf serve exit status on SIGTERM")
                    break
                }

                // Everyone submits one new, larger version after another; the
                // server is killed once `2 + 4 × attempt` answers are back, and a
                // few milliseconds more, while the others are on their way.
                let (answers, texts) = Self.submitContinuously(people, label: "attempt \(attempt)", port: server.port) { answered in
                    answered >= 2 + 4 * attempt
                } then: {
                    Thread.sleep(forTimeInterval: Double(Int.random(in: 0...20, using: &random)) / 1000)
                    server.kill()
                }
                server.waitUntilExit()
                deadPid = server.pid
                for (path, text) in texts { sent[path, default: []].append(text) }
                let (answeredBefore, cutBefore) = (completedBeforeKills, interrupted)
                for (path, outcome) in answers {
                    if case .success(let answer) = outcome, answer.status == 201 || answer.status == 200 {
                        completedBeforeKills += 1
                        if let sha = answer.json?["sha256"] as? String, let entry = answer.json?["ledgerEntry"] as? Int {
                            acknowledged.append((path, sha, Int64(entry)))
                        }
                    } else if case .success(let answer) = outcome {
                        Issue.record("attempt \(attempt), \(path): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
                    } else {
                        interrupted += 1
                    }
                }
                let left = try Self.expectWhole(
                    notes, examples: examples, sent: sent, people: people, deadPid: server.pid, folder: folder.url, attempt: attempt)
                let (answered, cut) = (completedBeforeKills - answeredBefore, interrupted - cutBefore)
                kills.append(
                    "\(answered) answered, \(cut) cut off, "
                        + "\(left.temporaries) temporary files left, \(left.unrecorded) notes renamed but not recorded")
                if answered > 0 && cut > 0 { killedMidway += 1 }
                // Every receipt that came back is recorded.
                let ledger = try LedgerView(folder.url)
                #expect(ledger.integrity == ["ok"], "ledger after kill \(attempt)")
                for receipt in acknowledged {
                    #expect(
                        ledger.submissions.contains { $0.id == receipt.entry && $0.sha256 == receipt.sha256 && $0.path == receipt.path },
                        "receipt of entry \(receipt.entry) (\(receipt.path)) not in the ledger after kill \(attempt)")
                }
                let logged = try IMRFProcess.run(["log", "ws", "--json"], directory: folder.url)
                #expect(logged.status == 0, "imrf log after kill \(attempt): \(logged.stderr)")
            }
            // At least one kill landed in the middle of the submissions: some answered, some cut off.
            #expect(killedMidway > 0, "no kill landed in the middle of the submissions: \(kills)")
            print("imrf serve killed \(kills.count) times: " + kills.joined(separator: "; "))
        }
    }

    /// After a kill: every note in notes/ is an example note or a version
    /// some client sent, byte for byte; a note the ledger does not record is
    /// one renamed just before the kill (the README: submitting it again
    /// records it); nothing else but the killed server's temporaries, which
    /// `imrf check` does not count.
    static func expectWhole(
        _ notes: URL, examples: [String: Data], sent: [String: [Data]], people: [Person], deadPid: pid_t, folder: URL, attempt: Int
    ) throws -> (temporaries: Int, unrecorded: Int) {
        let listing = try FileManager.default.contentsOfDirectory(atPath: notes.path)
        let ledger = try LedgerView(folder)
        var paths: [String] = []
        var unrecorded = 0
        for name in listing where name.hasSuffix(".md") {
            let bytes = try Data(contentsOf: notes.appendingPathComponent(name))
            if examples[name] == bytes { continue }
            let path = "notes/\(name)"
            #expect(sent[path]?.contains(bytes) == true, "notes/\(name) after kill \(attempt) is not a whole note sent (\(bytes.count) bytes)")
            paths.append(path)
        }
        let digests = try sha256sum(paths.map { folder.appendingPathComponent("ws/\($0)").path })
        for path in paths {
            let digest = digests[folder.appendingPathComponent("ws/\(path)").path]
            let recorded = ledger.submissions.filter { $0.path == path }
            if !recorded.contains(where: { $0.sha256 == digest }) { unrecorded += 1 }
            // The file is the last version recorded for its name, or a later one not recorded yet.
            #expect(
                digest != nil && (recorded.last?.sha256 == digest || !recorded.contains { $0.sha256 == digest }),
                "\(path) after kill \(attempt): \(digest ?? "?") against the ledger's \(recorded.map(\.sha256))")
        }
        let others = listing.filter { !$0.hasSuffix(".md") && $0 != ".history" }
        let left = try temporaries(in: notes)
        #expect(Set(others) == Set(left.filter { $0.pid == deadPid }.map(\.name)), "left in notes/ after kill \(attempt): \(others)")
        let historyOthers = try temporaries(in: notes.appendingPathComponent(".history")).filter { $0.pid != deadPid }
        #expect(historyOthers.map(\.name) == [], "notes/.history after kill \(attempt)")
        let mdCount = listing.filter { $0.hasSuffix(".md") }.count
        let check = try IMRFProcess.run(["check", "ws", "--draft"], directory: folder)
        #expect(check.stdout.hasPrefix("\(mdCount) notes checked"), "imrf check after kill \(attempt): \(check.stdout)\(check.stderr)")
        let history = try temporaries(in: notes.appendingPathComponent(".history")).count
        return (left.count + history, unrecorded)
    }

    /// imrf's temporary files in `folder` (`.submit-PID.HEX.tmp`) with their pid.
    static func temporaries(in folder: URL) throws -> [(name: String, pid: pid_t)] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).compactMap { name in
            guard name.hasPrefix(".submit-"), name.hasSuffix(".tmp") else { return nil }
            let parts = name.dropFirst(".submit-".count).dropLast(".tmp".count).split(separator: ".")
            guard parts.count == 2, let pid = pid_t(parts[0]), parts[1].allSatisfy(\.isHexDigit) else { return nil }
            return (name, pid)
        }
    }

    /// SHA-256 of files by coreutils' sha256sum, an outside oracle: path to hex digest.
    static func sha256sum(_ paths: [String]) throws -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let result = try IMRFProcess.run(["sha256sum", "--"] + paths, executable: URL(fileURLWithPath: "/usr/bin/env"))
        var digests: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") where line.count > 66 {
            digests[String(line.dropFirst(66))] = String(line.prefix(64))
        }
        return digests
    }
}

extension ServeUnderLoadTests {
    /// One run of a command in a loop.
    struct CommandRun: Sendable, CustomStringConvertible {
        var command: String
        var status: Int32
        var stderr: String
        var start: Date
        var end: Date

        var description: String { "\(command) exited \(status): \(stderr)" }
    }

    /// What several threads append to.
    /// (NSLock, not Mutex: ThreadSanitizer reports a contended Mutex as a race.)
    final class Collected<Element: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Element] = []

        func append(_ item: Element) { lock.withLock { items.append(item) } }

        var all: [Element] { lock.withLock { items } }

        var count: Int { lock.withLock { items.count } }
    }

    /// Set once by the test, read by the threads it stops.
    final class Flag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .acquiring) }
        func set() { value.store(true, ordering: .releasing) }
    }

    /// The ledger read-only through GRDB (not through imrf): `PRAGMA
    /// integrity_check`, the submissions, the entries of each kind.
    struct LedgerView {
        var integrity: [String]
        var submissions: [(id: Int64, path: String, sha256: String)]
        var kinds: [String: Int]

        init(_ folder: URL) throws {
            var configuration = Configuration()
            configuration.readonly = true
            let database = try DatabaseQueue(path: folder.appendingPathComponent("ws/.imrf/ledger.sqlite").path, configuration: configuration)
            (integrity, submissions, kinds) = try database.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT id, json_extract(record, '$.path') AS path, json_extract(record, '$.sha256') AS sha256 FROM entry WHERE kind = 'submission' ORDER BY id"
                )
                let submissions = rows.map { row in (id: row["id"] as Int64, path: row["path"] as String, sha256: row["sha256"] as String) }
                let kinds = try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM entry GROUP BY kind").reduce(into: [String: Int]()) {
                    $0[$1["kind"] as String] = $1["n"] as Int
                }
                return (integrity, submissions, kinds)
            }
        }
    }

    /// `imrf serve` on a free loopback port (`--listen 127.0.0.1:0`), with a rate
    /// limit no test reaches; its request log (stderr) read as it comes, so the
    /// pipe never fills.
    final class Server: @unchecked Sendable {
        let process = Process()
        let port: Int
        var pid: pid_t { process.processIdentifier }
        private let log = Collected<Data>()
        private let logRead = DispatchSemaphore(value: 0)

        init(folder: URL) throws {
            process.executableURL = IMRFProcess.binary
            process.arguments = ["serve", "ws", "--listen", "127.0.0.1:0", "--rate-limit", "100000"]
            process.currentDirectoryURL = folder
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let errors = err.fileHandleForReading
            let log = self.log
            let logRead = self.logRead
            Thread {
                while case let chunk = errors.availableData, !chunk.isEmpty { log.append(chunk) }
                logRead.signal()
            }.start()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let first = String(decoding: line, as: UTF8.self)
            guard first.hasPrefix("listening on http://127.0.0.1:"),
                let port = Int(first.dropFirst("listening on http://127.0.0.1:".count).trimmingCharacters(in: .whitespacesAndNewlines))
            else {
                signalProcess(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw LoopbackHTTP.Failure(description: "imrf serve did not start: \(first)")
            }
            self.port = port
        }

        /// SIGKILL, without waiting.
        func kill() { signalProcess(process.processIdentifier, SIGKILL) }

        /// Waits for the process and its log (reaps it: a zombie's pid still looks alive).
        func waitUntilExit() {
            process.waitUntilExit()
            logRead.wait()
            logRead.signal()
        }

        /// SIGTERM; the exit status and the request log.
        func stop() -> (status: Int32, log: String) {
            signalProcess(process.processIdentifier, SIGTERM)
            waitUntilExit()
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            return (status, String(decoding: log.all.reduce(Data(), +), as: UTF8.self))
        }

        deinit {
            if process.isRunning {
                kill()
                process.waitUntilExit()
            }
        }
    }

    /// One HTTP/1.1 exchange per connection (`Connection: close`) over a
    /// loopback TCP socket: a client that holds 50 connections open at once and
    /// sees a connection cut by a killed server as it is.
    enum LoopbackHTTP {
        struct Answer: Sendable {
            var status: Int
            var body: Data

            var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        }

        struct Failure: Error, CustomStringConvertible, Sendable {
            var description: String
        }

        /// A socket connected to 127.0.0.1:`port`, reads timing out after 60 s.
        static func connect(port: Int) throws -> Int32 {
            let socket = openStreamSocket()
            guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connectSocket(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                let reason = String(cString: strerror(errno))
                close(socket)
                throw Failure(description: "connect: \(reason)")
            }
            return socket
        }

        static func request(_ method: String, _ path: String, port: Int, token: String, body: Data? = nil) -> Data {
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n"
            if let body { head += "Content-Type: text/markdown\r\nContent-Length: \(body.count)\r\n" }
            return Data((head + "\r\n").utf8) + (body ?? Data())
        }

        /// Sends `request` on `socket`, reads the answer to the end, closes the socket.
        static func exchange(_ socket: Int32, _ request: Data) throws -> Answer {
            defer { close(socket) }
            let sendError: Int32? = request.withUnsafeBytes { buffer in
                var sent = 0
                while sent < buffer.count {
                    let count = send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    sent += count
                }
                return nil
            }
            if let sendError { throw Failure(description: "send: \(String(cString: strerror(sendError)))") }
            var received = Data()
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = recv(socket, &chunk, chunk.count, 0)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "recv: \(String(cString: strerror(errno))) after \(received.count) bytes")
                }
                if count == 0 { break }
                received.append(contentsOf: chunk[0..<count])
            }
            return try parse(received)
        }

        /// Status and body of a whole answer; a cut one is a failure.
        static func parse(_ data: Data) throws -> Answer {
            let bytes = [UInt8](data)
            let separator: [UInt8] = Array("\r\n\r\n".utf8)
            guard let end = (0..<max(0, bytes.count - 3)).first(where: { bytes[$0..<($0 + 4)].elementsEqual(separator) }) else {
                throw Failure(description: "the connection closed before the headers ended (\(bytes.count) bytes)")
            }
            let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased().components(separatedBy: "\r\n")
            let statusLine = head.first?.split(separator: " ") ?? []
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "no status line: \(head.first ?? "")") }
            let fields = Dictionary(
                head.dropFirst().compactMap { line -> (String, String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }, uniquingKeysWith: { $1 })
            var body = Array(bytes[(end + 4)...])
            if fields["transfer-encoding"] == "chunked" {
                var decoded: [UInt8] = []
                var rest = body[...]
                while true {
                    guard
                        let lineEnd = (rest.startIndex..<max(rest.startIndex, rest.endIndex - 1)).first(where: {
                            rest[$0] == 13 && rest[$0 + 1] == 10
                        }),
                        let size = Int(String(decoding: rest[rest.startIndex..<lineEnd], as: UTF8.self), radix: 16),
                        rest.endIndex >= lineEnd + 2 + size
                    else { throw Failure(description: "a chunked body cut short") }
                    if size == 0 { break }
                    decoded += rest[(lineEnd + 2)..<(lineEnd + 2 + size)]
                    rest = rest[min(rest.endIndex, lineEnd + 4 + size)...]
                }
                body = decoded
            } else if let length = fields["content-length"].flatMap(Int.init) {
                guard body.count >= length else { throw Failure(description: "the body was cut at \(body.count) of \(length) bytes") }
                body = Array(body.prefix(length))
            }
            return Answer(status: status, body: Data(body))
        }
    }
}
