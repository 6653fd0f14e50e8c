import GRDB

/// Context notes: current fields, components, tags, and the history of every add, revision
/// and retraction. Retracted notes keep their row (flagged) so their history stays readable.
///
/// Whether a note is stale depends on the day it is read, so it is never stored here.
enum NoteProjection: Projection {
    static let tables = [
        ProjectionTable(name: "notes", orderBy: "note"),
        ProjectionTable(name: "note_components", orderBy: "note, component"),
        ProjectionTable(name: "note_tags", orderBy: "note, tag"),
        ProjectionTable(name: "note_history", orderBy: "note, step"),
    ]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE notes (
                    note TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,
                    review_by TEXT,
                    retracted INTEGER NOT NULL CHECK (retracted IN (0, 1)),
                    retract_reason TEXT,
                    author TEXT NOT NULL,
                    recorded_hlc INTEGER NOT NULL,
                    updated_hlc INTEGER NOT NULL,
                    revisions INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE note_components (
                    note TEXT NOT NULL, component TEXT NOT NULL, PRIMARY KEY (note, component)
                ) STRICT;
                CREATE INDEX note_components_component ON note_components (component);
                CREATE TABLE note_tags (note TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (note, tag)) STRICT;
                CREATE INDEX note_tags_tag ON note_tags (tag);
                CREATE TABLE note_history (
                    note TEXT NOT NULL,
                    step INTEGER NOT NULL,
                    what TEXT NOT NULL CHECK (what IN ('added', 'revised', 'retracted')),
                    author TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    reason TEXT,
                    event BLOB NOT NULL,
                    PRIMARY KEY (note, step)
                ) STRICT;
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        let event = stored.event
        switch payload {
        case .noteAdded(let p): try add(p, event, db)
        case .noteRevised(let p): try revise(p, event, db)
        case .noteRetracted(let p): try retract(p, event, db)
        default: return
        }
    }

    private static func add(_ p: NoteAdded, _ event: Event, _ db: Database) throws {
        let note = NoteID(rawValue: p.note)
        guard !(try exists(note, db)) else { return }
        let hlc = event.header.hlc.packed
        try db.execute(
            cached: """
                INSERT INTO notes (note, title, kind, body, review_by, retracted, retract_reason, author,
                    recorded_hlc, updated_hlc, revisions)
                VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, 0)
                """,
            arguments: [note.rawValue, p.title, p.kind, p.body, p.reviewBy, event.header.author, hlc, hlc])
        try replaceSet("note_components", "component", note, p.components, db)
        try replaceSet("note_tags", "tag", note, p.tags, db)
        try appendHistory(note, "added", reason: nil, event, db)
    }

    private static func revise(_ p: NoteRevised, _ event: Event, _ db: Database) throws {
        let note = NoteID(rawValue: p.note)
        guard try exists(note, db) else { return }
        try db.execute(
            cached: """
                UPDATE notes SET title = coalesce(?, title), body = coalesce(?, body),
                    review_by = coalesce(?, review_by), updated_hlc = ?, revisions = revisions + 1
                WHERE note = ?
                """,
            arguments: [p.title, p.body, p.reviewBy, event.header.hlc.packed, note.rawValue])
        if let components = p.components {
            try replaceSet("note_components", "component", note, components, db)
        }
        if let tags = p.tags { try replaceSet("note_tags", "tag", note, tags, db) }
        try appendHistory(note, "revised", reason: nil, event, db)
    }

    /// A retraction takes the note out of current views; a second one (made at another site
    /// before the first arrived) joins the history and keeps the first reason.
    private static func retract(_ p: NoteRetracted, _ event: Event, _ db: Database) throws {
        let note = NoteID(rawValue: p.note)
        guard try exists(note, db) else { return }
        try db.execute(
            cached: """
                UPDATE notes SET retract_reason = CASE WHEN retracted = 1 THEN retract_reason ELSE ? END,
                    retracted = 1, updated_hlc = ?
                WHERE note = ?
                """,
            arguments: [p.reason, event.header.hlc.packed, note.rawValue])
        try appendHistory(note, "retracted", reason: p.reason, event, db)
    }

    private static func appendHistory(
        _ note: NoteID, _ what: String, reason: String?, _ event: Event, _ db: Database
    ) throws {
        try db.execute(
            cached: """
                INSERT INTO note_history (note, step, what, author, hlc, reason, event)
                VALUES (?, (SELECT count(*) + 1 FROM note_history WHERE note = ?), ?, ?, ?, ?, ?)
                """,
            arguments: [
                note.rawValue, note.rawValue, what, event.header.author, event.header.hlc.packed, reason,
                event.id.bytes,
            ])
    }

    private static func replaceSet(
        _ table: String, _ column: String, _ note: NoteID, _ values: [String], _ db: Database
    ) throws {
        try db.execute(cached: "DELETE FROM \(table) WHERE note = ?", arguments: [note.rawValue])
        for value in Set(values) {
            try db.execute(
                cached: "INSERT INTO \(table) (note, \(column)) VALUES (?, ?)",
                arguments: [note.rawValue, value])
        }
    }

    private static func exists(_ note: NoteID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT 1 FROM notes WHERE note = ?", arguments: [note.rawValue])
            ?? false
    }
}
