import Foundation
import GRDB
import IMRFTestSupport
import Testing

/// `imrf status` and `imrf log` for an account that may only read the
/// workspace (a monitoring user): they read the ledger without writing
/// anything beside it, and say plainly when they cannot.
///
/// The reader is another account (nobody, through util-linux's setpriv) when
/// the tests run as root, as CI does: root may write anywhere.
@Suite("read-only workspace")
struct ReadOnlyWorkspaceTests {
    /// The example workspace, compiled, made writable only by its owner.
    func readOnlyWorkspace(in temporary: TemporaryFolder) throws -> URL {
        let compiled = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let workspace = temporary.url.appendingPathComponent("ws")
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/.imrf/ledger.sqlite-shm"))
        try Self.chmod(["-R", "a+rX,go-w", temporary.url.path])
        if geteuid() != 0 { try Self.chmod(["-R", "a-w", workspace.path]) }
        return workspace
    }

    static func chmod(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/chmod")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
    }

    /// Runs imrf as an account that may not write the workspace.
    func runAsReader(_ arguments: [String], in temporary: TemporaryFolder) throws -> IMRFProcess.Result {
        guard geteuid() == 0 else { return try IMRFProcess.run(arguments, directory: temporary.url) }
        return try IMRFProcess.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", IMRFProcess.binary.path] + arguments,
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"), directory: temporary.url)
    }

    @Test func statusAndLogReadALedgerTheyMayNotWrite() throws {
        try withExampleWorkspace { temporary in
            defer { try? Self.chmod(["-R", "u+w", temporary.url.path]) }
            let workspace = try readOnlyWorkspace(in: temporary)
            // The last day the calendar covers: --today is a what-if, and the
            // compile was recorded now, so the day must not be before it.
            let status = try runAsReader(["status", "ws", "--today", "2030-12-31"], in: temporary)
            #expect(status.status == 2, "\(status.stdout)\(status.stderr)")
            #expect(status.stdout.contains("compiled=1;"), "the compile in the ledger was read: \(status.stdout)")
            #expect(status.stderr.isEmpty)
            let log = try runAsReader(["log", "ws"], in: temporary)
            #expect(log.status == 0, "\(log.stderr)")
            #expect(log.stdout.contains("#1  compile"))
            let files = try FileManager.default.contentsOfDirectory(atPath: workspace.path + "/.imrf").sorted()
            // notes/ is the store of the notes the compile used (`KeptNotes`).
            #expect(files == ["ledger.lock", "ledger.sqlite", "notes"], "nothing created beside the ledger and the compile's notes")
        }
    }

    /// A writer holding the ledger open with an unmerged write (a submit in
    /// progress): SQLite reads its -wal through a -shm the reader may read;
    /// without that (only testable as root, for another account) the
    /// message says why in words.
    @Test(arguments: [true, false])
    func aLedgerBeingWritten(indexReadable: Bool) throws {
        if !indexReadable && geteuid() != 0 { return }
        try withExampleWorkspace { temporary in
            defer { try? Self.chmod(["-R", "u+w", temporary.url.path]) }
            let workspace = try readOnlyWorkspace(in: temporary)
            let file = workspace.path + "/.imrf/ledger.sqlite"
            if geteuid() != 0 { try Self.chmod(["u+w", workspace.path + "/.imrf"]) }
            let writer = try DatabaseQueue(path: file)
            defer { try? writer.close() }
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                try db.execute(sql: "INSERT INTO entry (at, kind, record) SELECT at, kind, record FROM entry")
            }
            if geteuid() != 0 { try Self.chmod(["a-w", workspace.path + "/.imrf"]) }
            try Self.chmod([indexReadable ? "a+r,go-w" : "go-rw", file + "-wal", file + "-shm"])
            let log = try runAsReader(["log", "ws"], in: temporary)
            if indexReadable {
                #expect(log.status == 0, "\(log.stderr)")
                // #1 compile, #2 its deadlines, then the copies #3 and #4.
                #expect(log.stdout.contains("#3  compile"), "the unmerged write is read: \(log.stdout)")
            } else {
                #expect(log.status == 75, "\(log.stderr)")
                #expect(log.stderr.contains("another imrf is writing it"), "\(log.stderr)")
                let status = try runAsReader(["status", "ws"], in: temporary)
                #expect(status.status == 3)
                #expect(status.stdout.hasPrefix("IMRF UNKNOWN - ws/.imrf/ledger.sqlite: cannot read the ledger now"), "\(status.stdout)")
            }
        }
    }
}
