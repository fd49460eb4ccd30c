import Diagnostics
import Foundation
import GRDB
import IMRFTestSupport
import Ledger
import Testing

/// A temporary folder as the workspace of one test's ledger.
extension TemporaryFolder {
    var ledgerFile: URL { url.appending(path: ".imrf/ledger.sqlite") }

    /// A connection of the test's own, to inspect or damage the file as
    /// another program (or another imrf) would.
    func rawDatabase() throws -> DatabaseQueue { try DatabaseQueue(path: ledgerFile.path) }
}

/// One event of every kind, with instants that have sub-millisecond parts
/// (a `Date` must come back bit for bit).
let everyKind: [(LedgerEvent, Date)] = [
    (
        .submission(
            NoteSubmission(
                session: "round-table-2", author: "Jane Doe", path: "notes/round-table-2--jane-doe.md", sha256: String(repeating: "a", count: 64))),
        Date(timeIntervalSince1970: 1_778_000_000.123456)
    ),
    (
        .compile(
            CompileRecord(
                outputs: [
                    CompiledOutput(path: "build/summary.md", sha256: String(repeating: "b", count: 64)),
                    CompiledOutput(path: "/elsewhere/summary.html", sha256: String(repeating: "c", count: 64)),
                ], draft: true)),
        Date(timeIntervalSince1970: 1_778_000_100.5)
    ),
    (
        .upload(
            UploadRecord(
                file: "build/summary.docx", endpoint: "https://docs.example.org/upload", location: nil,
                httpStatus: 201, bytes: 12_345, sha256: String(repeating: "d", count: 64), attempts: 2)),
        Date(timeIntervalSince1970: 1_778_000_200.000001)
    ),
    (
        .distribution(DistributionRecord(deliverable: "pga-summaries", reference: "A/80/123 – résumé")),
        Date(timeIntervalSince1970: 1_778_000_300)
    ),
]

@Suite("Ledger store")
struct LedgerTests {
    @Test func everyKindOfEventComesBackAsAppended() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        var appended: [LedgerEntry] = []
        for (event, at) in everyKind { appended.append(try ledger.append(event, at: at)) }
        #expect(appended.map(\.id) == [1, 2, 3, 4])
        #expect(appended.map(\.event) == everyKind.map(\.0))
        #expect(try ledger.entries() == appended)
        // Another process's view: a new connection, and the read-only one.
        #expect(try Ledger(workspace: workspace.url).entries() == appended)
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url) == appended)
        #expect(appended.map(\.event.kind) == ["submission", "compile", "upload", "distribution"])
    }

    @Test func theSchemaIsMadeByNamedMigrationsInWALMode() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        _ = try Ledger(workspace: workspace.url)
        let (migrations, version, journal, columns) = try workspace.rawDatabase().read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try db.columns(in: "entry").map(\.name)
            )
        }
        #expect(migrations == ["v1: entries of submissions, compiles, uploads and distributions", "v2: the time an entry was recorded"])
        #expect(version == 2)
        #expect(journal == "wal")
        #expect(columns == ["id", "at", "kind", "record", "recorded"])
    }

    /// A ledger as imrf wrote it before schema 2: its file, made by hand.
    static func schemaOneLedger(in workspace: TemporaryFolder) throws {
        try FileManager.default.createDirectory(at: workspace.ledgerFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: workspace.ledgerFile.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1: entries of submissions, compiles, uploads and distributions');
                    CREATE TABLE entry (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, kind TEXT NOT NULL, record TEXT NOT NULL);
                    CREATE INDEX entry_kind_at ON entry(kind, at);
                    INSERT INTO entry (at, kind, record) VALUES (1778000300, 'distribution', '{"deliverable":"pga-summaries"}');
                    PRAGMA user_version = 1;
                    """)
        }
    }

    @Test func aSchemaOneLedgerIsReadAsItIsAndMigratedOnTheFirstWrite() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        try Self.schemaOneLedger(in: workspace)
        let before = try Data(contentsOf: workspace.ledgerFile)
        // Read-only (cron's status): read, not migrated, recorded when it took effect.
        let read = try Ledger.entriesIfPresent(workspace: workspace.url)
        #expect(read.map(\.recorded) == [Date(timeIntervalSince1970: 1_778_000_300)])
        #expect(read.map(\.recordedAtAnotherTime) == [false])
        #expect(try Ledger.factsIfPresent(workspace: workspace.url).latestDistributions["pga-summaries"]?.id == 1)
        #expect(try Data(contentsOf: workspace.ledgerFile) == before)
        // Opened to write: migrated, the old entry unchanged, a new one with both times.
        let ledger = try Ledger(workspace: workspace.url)
        let later = try ledger.append(
            everyKind[3].0, at: Date(timeIntervalSince1970: 1_778_000_000), recorded: Date(timeIntervalSince1970: 1_778_100_000))
        #expect(try ledger.entries() == read + [later])
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url).last?.recorded == Date(timeIntervalSince1970: 1_778_100_000))
        let version = try workspace.rawDatabase().read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 2)
    }

    @Test func anEntryRecordedAfterItTookEffectKeepsBothTimes() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        let effect = Date(timeIntervalSince1970: 1_778_000_000.25)
        let written = Date(timeIntervalSince1970: 1_778_090_000.5)
        let late = try ledger.append(everyKind[3].0, at: effect, recorded: written)
        let plain = try ledger.append(everyKind[3].0, at: effect, recorded: effect)
        #expect(late.at == effect && late.recorded == written && late.recordedAtAnotherTime)
        #expect(plain.recorded == effect && !plain.recordedAtAnotherTime)
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url) == [late, plain])
        // The same instant is stored as NULL, as entries written before schema 2 are.
        let stored = try workspace.rawDatabase().read { db in try Double?.fetchAll(db, sql: "SELECT recorded FROM entry ORDER BY id") }
        #expect(stored == [written.timeIntervalSince1970, nil])
    }

    @Test func reopeningKeepsTheEntriesAndRunsNoMigrationTwice() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        try Ledger(workspace: workspace.url).append(everyKind[0].0, at: everyKind[0].1)
        let again = try Ledger(workspace: workspace.url)
        #expect(try again.entries().count == 1)
        try again.append(everyKind[1].0)
        #expect(try again.entries().map(\.id) == [1, 2])
        let count = try workspace.rawDatabase().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(count == 2)
    }

    @Test func anEmptyFileIsMigratedIntoALedger() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.ledgerFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: workspace.ledgerFile)
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url).isEmpty)
        try Ledger(workspace: workspace.url).append(everyKind[3].0)
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url).count == 1)
    }

    @Test func aLedgerFromANewerImrfIsRefusedWithoutBeingTouched() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        try Ledger(workspace: workspace.url).append(everyKind[0].0)
        try workspace.rawDatabase().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3: a table from the future')")
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        let before = try Data(contentsOf: workspace.ledgerFile)
        for open in [{ _ = try Ledger(workspace: workspace.url) }, { _ = try Ledger.entriesIfPresent(workspace: workspace.url) }] {
            let error = try #require(throws: LedgerError.self) { try open() }
            #expect(error.code == .newerSchema)
            #expect(error.kind == .configuration)
            #expect(error.foundSchema == 3)
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(workspace.ledgerFile.path): error: ledger.sqlite was written by a newer imrf (schema 3, this one knows 2): upgrade imrf"
                ])
        }
        #expect(try Data(contentsOf: workspace.ledgerFile) == before)
    }

    @Test func anUnknownMigrationAloneMeansANewerImrf() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        _ = try Ledger(workspace: workspace.url)
        try workspace.rawDatabase().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3: a table from the future')")
        }
        let error = try #require(throws: LedgerError.self) { try Ledger(workspace: workspace.url) }
        #expect(error.code == .newerSchema)
    }

    @Test func aFileThatIsNotSQLiteIsReportedAsDamaged() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.ledgerFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = Data(String(repeating: "these are minutes, not a database\n", count: 200).utf8)
        try text.write(to: workspace.ledgerFile)
        for open in [{ _ = try Ledger(workspace: workspace.url) }, { _ = try Ledger.entriesIfPresent(workspace: workspace.url) }] {
            let error = try #require(throws: LedgerError.self) { try open() }
            #expect(error.code == .corrupt)
            #expect(error.kind == .badInput)
            #expect(error.diagnostics.first?.location?.path == workspace.ledgerFile.path)
            #expect(error.diagnostics.first?.message == "the ledger is damaged and cannot be read (file is not a database)")
        }
        #expect(try Data(contentsOf: workspace.ledgerFile) == text)
    }

    @Test func aDamagedPageFailsTheIntegrityCheck() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        for (event, at) in everyKind { try ledger.append(event, at: at) }
        let (root, pageSize) = try workspace.rawDatabase().writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'entry'")!,
                try Int.fetchOne(db, sql: "PRAGMA page_size")!
            )
        }
        // Overwrite the b-tree page header of the entry table: an invalid page type.
        let handle = try FileHandle(forUpdating: workspace.ledgerFile)
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 16))
        try handle.close()
        let error = try #require(throws: LedgerError.self) { try Ledger.entriesIfPresent(workspace: workspace.url) }
        #expect(error.code == .corrupt)
        #expect(error.diagnostics.first?.message.hasPrefix("the ledger is damaged and cannot be read") == true)
    }

    @Test func readingAWorkspaceWithoutALedgerCreatesNothing() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).isEmpty)
        try FileManager.default.createDirectory(at: workspace.ledgerFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try Ledger.entriesIfPresent(workspace: workspace.url).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.ledgerFile.path))
    }

    @Test func aThrowingTransactionRecordsNothing() throws {
        struct Abandon: Error {}
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        #expect(throws: LedgerError.self) {
            try ledger.transaction { transaction in
                try transaction.append(everyKind[0].0)
                #expect(try transaction.entries().count == 1)
                throw Abandon()
            }
        }
        #expect(try ledger.entries().isEmpty)
        // AUTOINCREMENT: the rolled-back id is not reused by the next entry either way, and ids grow.
        let next = try ledger.append(everyKind[1].0)
        #expect(next.id >= 1)
        #expect(try ledger.transaction { try $0.entries(ofKind: "compile") }.map(\.id) == [next.id])
    }

    @Test func anEntryOfAnUnknownKindIsReportedNotSkipped() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        _ = try Ledger(workspace: workspace.url)
        try workspace.rawDatabase().write { db in
            try db.execute(sql: "INSERT INTO entry (at, kind, record) VALUES (0, 'translation', '{}')")
        }
        let error = try #require(throws: LedgerError.self) { try Ledger(workspace: workspace.url).entries() }
        #expect(error.code == .unreadableEntry)
        #expect(error.diagnostics.first?.message == "a ledger entry cannot be read (entry 1 has the unknown kind 'translation')")
    }

    @Test func connectionsAppendingAtOnceLoseNothing() async throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let url = workspace.url
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let ledger = try Ledger(workspace: url)  // a connection of its own, as a process would have
                    for index in 0..<10 {
                        try ledger.append(.distribution(DistributionRecord(deliverable: "d\(worker)", reference: "\(index)")))
                    }
                }
            }
            try await group.waitForAll()
        }
        let entries = try await Ledger.entriesIfPresent(workspace: url)
        #expect(entries.count == 80)
        #expect(entries.map(\.id) == Array(1...80))
        let integrity = try await workspace.rawDatabase().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
    }
}

@Suite("What the ledger writes down")
struct RecordedValueTests {
    @Test func urlsLoseEverythingThatMayBeACredential() {
        #expect(
            UploadRecord.withoutCredentials("https://user:secret@docs.example.org:8443/up/load?sig=abc&x=1#frag")
                == "https://docs.example.org:8443/up/load")
        #expect(UploadRecord.withoutCredentials("https://docs.example.org/documents/7") == "https://docs.example.org/documents/7")
        #expect(UploadRecord.withoutCredentials("not a url?token=abc") == "not a url")
    }

    @Test func pathsInsideTheWorkspaceAreRelative() throws {
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let ledger = try Ledger(workspace: workspace.url)
        #expect(ledger.recordedPath(workspace.url.appending(path: "build/summary.md").path) == "build/summary.md")
        #expect(ledger.recordedPath(workspace.url.path + "/./build/../notes/a.md") == "notes/a.md")
        #expect(ledger.recordedPath("/elsewhere/summary.md") == "/elsewhere/summary.md")
        #expect(ledger.recordedPath(workspace.url.path + "-other/x.md") == workspace.url.path + "-other/x.md")
    }
}

/// The reads a server awaits give what the synchronous ones give.
@Suite("Ledger reads awaited")
struct LedgerAsyncReadTests {
    @Test func awaitedReadsEqualTheSynchronousOnes() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url.appendingPathComponent("ws")
        #expect(try await Ledger.entriesIfPresent(workspace: folder).isEmpty)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ledger = try Ledger(workspace: folder)
        try ledger.append(.submission(NoteSubmission(session: "plenary", author: "Jo", path: "notes/plenary--jo.md", sha256: "ab")))
        try ledger.append(.distribution(DistributionRecord(deliverable: "pga-summaries", reference: nil)))
        let awaited: [LedgerEntry] = try await ledger.entries()
        let synchronous: [LedgerEntry] = try { try ledger.entries() }()
        #expect(awaited == synchronous)
        #expect(try await Ledger.entriesIfPresent(workspace: folder) == synchronous)
        let facts = try await Ledger.factsIfPresent(workspace: folder)
        #expect(facts == (try { try Ledger.factsIfPresent(workspace: folder) }()))
    }
}
