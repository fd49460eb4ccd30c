import GRDB

/// The tables of `ledger.sqlite` and how they came to be.
///
/// One table, `entry`: `id` (AUTOINCREMENT, so an id is never reused even
/// after a rollback, and ids order the ledger), `at` (seconds since 1970 as
/// a REAL, so a `Date` comes back bit for bit), `kind` (`submission`,
/// `compile`, `upload`, `distribution`, and since the web intake
/// `invitation`, `revocation`, `sign-in`: new kinds are new rows, no
/// migration), `record`, the event's record as JSON. Why one JSON column rather than a column per field: the records are
/// `Codable` value types that the tracker and the upload command will grow
/// (a new optional field must not need a migration, and an older row must
/// still decode), and every query imrf makes is "the entries of a kind, in
/// order", which the `(kind, at)` index answers; SQLite's `json_extract`
/// still reaches any field from the `sqlite3` shell.
///
/// The schema version is the number of migrations, kept in
/// `PRAGMA user_version` as well as in GRDB's `grdb_migrations` table, so a
/// file written by a newer imrf is recognised (and refused) before anything
/// is read or written. Migrations are named and only ever appended.
enum LedgerSchema {
    /// Schema version this imrf writes and reads: the number of migrations.
    static var version: Int { migrator.migrations.count }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: entries of submissions, compiles, uploads and distributions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entry (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at REAL NOT NULL,
                        kind TEXT NOT NULL,
                        record TEXT NOT NULL
                    );
                    CREATE INDEX entry_kind_at ON entry(kind, at);
                    PRAGMA user_version = 1;
                    """)
        }
        // When an entry was written, where it differs from when it took effect
        // (`imrf mark distributed --at` a past moment); NULL: the same.
        migrator.registerMigration("v2: the time an entry was recorded") { db in
            try db.execute(sql: "ALTER TABLE entry ADD COLUMN recorded REAL; PRAGMA user_version = 2;")
        }
        return migrator
    }()

    /// What a ledger file says about its own schema.
    struct State {
        var userVersion: Int
        var applied: Set<String>
        var hasEntryTable: Bool
        /// Whether the file is in WAL mode (readers never wait for a writer).
        var isWAL: Bool

        /// The schema the file claims, taking the larger of the two records.
        var version: Int { max(userVersion, applied.count) }

        var isNewer: Bool {
            version > LedgerSchema.version || !applied.isSubset(of: Set(LedgerSchema.migrator.migrations))
        }

        var isCurrent: Bool { !isNewer && applied == Set(LedgerSchema.migrator.migrations) && hasEntryTable }

        /// An older schema this imrf still reads as it is, without migrating
        /// (a read-only open: `imrf status` from cron on a ledger no newer
        /// imrf has written yet). Every migration only adds columns that
        /// default to NULL, which the queries read as absent.
        var isReadableAsIs: Bool { !isNewer && hasEntryTable && !applied.isEmpty }
    }

    static func state(_ db: Database) throws -> State {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let applied: Set<String> =
            try db.tableExists("grdb_migrations")
            ? Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            : []
        let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        return State(
            userVersion: userVersion, applied: applied, hasEntryTable: try db.tableExists("entry"),
            isWAL: journal.lowercased() == "wal"
        )
    }
}
