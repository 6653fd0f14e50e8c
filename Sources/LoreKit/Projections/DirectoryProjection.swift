import GRDB

/// Who and what the knowledge is about: components, teams and people.
enum DirectoryProjection: Projection {
    static let tables = [
        ProjectionTable(name: "components", orderBy: "name"),
        ProjectionTable(name: "teams", orderBy: "name"),
        ProjectionTable(name: "people", orderBy: "handle"),
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
                CREATE TABLE teams (
                    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    party TEXT NOT NULL,
                    org TEXT,
                    site TEXT,
                    author TEXT NOT NULL,
                    registered_hlc INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE people (
                    handle TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    name TEXT NOT NULL,
                    team TEXT NOT NULL,
                    joined_hlc INTEGER NOT NULL,
                    left INTEGER NOT NULL,
                    left_hlc INTEGER,
                    left_reason TEXT
                ) STRICT;
                CREATE INDEX people_team ON people (team);
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        let header = stored.event.header
        switch payload {
        case .componentRegistered(let p):
            // A second registration of a name updates what it says (the first author stays).
            try db.execute(
                cached: """
                    INSERT INTO components (name, description, system, repo, author, registered_hlc)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        description = coalesce(excluded.description, description),
                        system = coalesce(excluded.system, system), repo = coalesce(excluded.repo, repo)
                    """,
                arguments: [p.name, p.description, p.system, p.repo, header.author, header.hlc.packed])
        case .teamRegistered(let p):
            // As for components: a second registration updates what it says; the first author stays.
            try db.execute(
                cached: """
                    INSERT INTO teams (name, party, org, site, author, registered_hlc) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        party = excluded.party, org = coalesce(excluded.org, org),
                        site = coalesce(excluded.site, site)
                    """,
                arguments: [p.name, p.party, p.org, p.site, header.author, header.hlc.packed])
        case .personJoined(let p):
            // A person on no known team is ignored; joining again (after leaving) moves them.
            guard let team = try DirectoryQueries.teamName(p.team, db) else { return }
            try db.execute(
                cached: """
                    INSERT INTO people (handle, name, team, joined_hlc, left, left_hlc, left_reason)
                    VALUES (?, ?, ?, ?, 0, NULL, NULL)
                    ON CONFLICT (handle) DO UPDATE SET
                        name = excluded.name, team = excluded.team, joined_hlc = excluded.joined_hlc,
                        left = 0, left_hlc = NULL, left_reason = NULL
                    """,
                arguments: [p.handle, p.name, team, header.hlc.packed])
        case .personLeft(let p):
            // The first leaving counts; leaving again, or someone unknown leaving, changes nothing.
            try db.execute(
                cached:
                    "UPDATE people SET left = 1, left_hlc = ?, left_reason = ? WHERE handle = ? AND left = 0",
                arguments: [header.hlc.packed, p.reason, p.handle])
        default: return
        }
    }
}
