import GRDB

/// Who and what the knowledge is about: components, teams and people.
enum DirectoryProjection: Projection {
    static let tables = [
        ProjectionTable(name: "components", orderBy: "name")
    ]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE components (
                    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    description TEXT,
                    system TEXT,
                    repo TEXT,
                    author TEXT NOT NULL,
                    registered_hlc INTEGER NOT NULL
                ) STRICT;
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        switch payload {
        case .componentRegistered(let p):
            // A second registration of a name updates what it says (the first author stays).
            try db.execute(
                sql: """
                    INSERT INTO components (name, description, system, repo, author, registered_hlc)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        description = coalesce(excluded.description, description),
                        system = coalesce(excluded.system, system), repo = coalesce(excluded.repo, repo)
                    """,
                arguments: [
                    p.name, p.description, p.system, p.repo, stored.event.header.author,
                    stored.event.header.hlc.packed,
                ])
        default: return
        }
    }
}

/// Reads of the directory projection.
enum DirectoryQueries {
    /// Every registered component name, as registered, sorted.
    static func componentNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM components ORDER BY name")
    }

    static func component(_ name: String, _ db: Database) throws -> ComponentView? {
        try Row.fetchOne(
            db,
            sql:
                "SELECT name, description, system, repo, author, registered_hlc FROM components WHERE name = ?",
            arguments: [name]
        ).map { row in
            ComponentView(
                name: row["name"], description: row["description"], system: row["system"], repo: row["repo"],
                author: row["author"], registered: HLC(packed: row["registered_hlc"]).iso8601)
        }
    }

    static func components(_ db: Database) throws -> [ComponentView] {
        try componentNames(db).compactMap { try component($0, db) }
    }
}
