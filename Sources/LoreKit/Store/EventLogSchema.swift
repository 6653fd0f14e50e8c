import GRDB

/// The log's tables. Events are immutable: the schema itself refuses updates and deletes.
/// Payloads sit beside them so that redaction can erase a payload (set it to NULL) while the
/// signed body stays.
enum EventLogSchema {
    static let events = "events"
    static let payloads = "payloads"
    static let meta = "store_meta"

    /// Creates the log tables (migration "v1-log"; never changes once landed).
    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE store_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) STRICT;
                CREATE TABLE events (
                    pos INTEGER PRIMARY KEY,
                    id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
                    replica TEXT NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    hlc INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    prev BLOB,
                    body BLOB NOT NULL,
                    sig BLOB NOT NULL
                ) STRICT;
                CREATE INDEX events_order ON events (hlc, replica, seq);
                CREATE INDEX events_chain ON events (replica, seq);
                -- Per replica: the highest seq reached by an unbroken chain from seq 1, and its
                -- id. Events past a gap are stored but held: not projected until it fills.
                -- Bundles already imported from a sync folder, by path, so a sync reads only new ones.
                CREATE TABLE sync_seen (
                    file TEXT PRIMARY KEY NOT NULL,
                    events INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE chains (
                    replica TEXT PRIMARY KEY NOT NULL,
                    contiguous INTEGER NOT NULL,
                    head BLOB NOT NULL
                ) STRICT;
                CREATE INDEX events_stream ON events (stream);
                CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'lore events are immutable'); END;
                CREATE TRIGGER events_immutable_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'lore events are immutable'); END;
                CREATE TABLE payloads (
                    pos INTEGER PRIMARY KEY REFERENCES events (pos),
                    salt BLOB,
                    payload BLOB
                ) STRICT;
                CREATE TRIGGER payloads_no_delete BEFORE DELETE ON payloads
                BEGIN SELECT RAISE(ABORT, 'lore payloads are only ever erased, not deleted'); END;
                CREATE TRIGGER payloads_erase_only BEFORE UPDATE ON payloads
                WHEN NEW.pos IS NOT OLD.pos OR NEW.payload IS NOT NULL OR NEW.salt IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'lore payloads can only be erased'); END;
                """)
    }
}
