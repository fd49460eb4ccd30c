import Foundation
import GRDB
import IMRFTestSupport
import Testing

/// `imrf status` on a ledger of half a million entries (years of a busy
/// office, or a hostile flood of submissions) answers in bounded memory: the
/// ledger is queried, never read whole.
@Suite("large ledger")
struct LargeLedgerTests {
    @Test func statusOnHalfAMillionEntriesStaysWithinItsCaps() throws {
        try withExampleWorkspace { temporary in
            let compiled = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
            #expect(compiled.status == 0, "\(compiled.stderr)")
            let ledger = try DatabaseQueue(path: temporary.url.path + "/ws/.imrf/ledger.sqlite")
            try ledger.write { db in
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000)
                        INSERT INTO entry (at, kind, record)
                        SELECT 1777000000 + i, 'upload', json_object(
                            'file', 'build/summary.md', 'endpoint', 'https://docs.example.org/', 'httpStatus', 201,
                            'bytes', i, 'sha256', printf('%064d', i), 'attempts', 1)
                        FROM n
                        """)
                // The last entry decides the state: a distribution.
                try db.execute(
                    sql: """
                        INSERT INTO entry (at, kind, record)
                        VALUES (1778000000, 'distribution', '{"deliverable":"pga-summaries","reference":"A/80/1"}')
                        """)
            }
            try ledger.close()
            let status = try IMRFProcess.run(
                ["status", "ws", "--today", "2026-05-20"], cap: .init(memoryMiB: 256, cpuSeconds: 20, wallSeconds: 60),
                directory: temporary.url)
            #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
            #expect(status.stdout.contains("distributed=1;"), "\(status.stdout)")
        }
    }
}
