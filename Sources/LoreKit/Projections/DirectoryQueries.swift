import GRDB

/// Reads of the directory projection.
enum DirectoryQueries {
    // MARK: Components

    /// Every registered component name, as registered, sorted.
    static func componentNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM components ORDER BY name")
    }

    /// The registered spelling of a component name (any case), or nil.
    static func componentName(_ name: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM components WHERE name = ?", arguments: [name])
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

    // MARK: Teams

    /// Every registered team name, sorted.
    static func teamNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM teams ORDER BY name")
    }

    /// The registered spelling of a team name (any case), or nil.
    static func teamName(_ name: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM teams WHERE name = ?", arguments: [name])
    }

    private static let teamColumns = """
        t.name, t.party, t.org, t.site, t.author, t.registered_hlc,
        (SELECT count(*) FROM people p WHERE p.team = t.name AND p.left = 0) AS members
        """

    static func team(_ name: String, _ db: Database) throws -> TeamView? {
        try Row.fetchOne(db, sql: "SELECT \(teamColumns) FROM teams t WHERE t.name = ?", arguments: [name])
            .map(team)
    }

    static func teams(_ db: Database) throws -> [TeamView] {
        try Row.fetchAll(db, sql: "SELECT \(teamColumns) FROM teams t ORDER BY t.name").map(team)
    }

    private static func team(_ row: Row) -> TeamView {
        TeamView(
            name: row["name"], party: row["party"], org: row["org"], site: row["site"], author: row["author"],
            registered: HLC(packed: row["registered_hlc"]).iso8601, members: row["members"])
    }

    // MARK: People

    /// Every handle, those who left included, sorted.
    static func handles(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT handle FROM people ORDER BY handle")
    }

    /// The registered spelling of a handle (any case), or nil.
    static func personHandle(_ handle: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT handle FROM people WHERE handle = ?", arguments: [handle])
    }

    private static let personColumns = "handle, name, team, joined_hlc, left, left_hlc, left_reason"

    static func person(_ handle: String, _ db: Database) throws -> PersonView? {
        try Row.fetchOne(
            db, sql: "SELECT \(personColumns) FROM people WHERE handle = ?", arguments: [handle]
        ).map(person)
    }

    /// Everyone, or everyone who joined one team (by its registered name), by handle.
    static func people(team: String?, _ db: Database) throws -> [PersonView] {
        if let team {
            return try Row.fetchAll(
                db, sql: "SELECT \(personColumns) FROM people WHERE team = ? ORDER BY handle",
                arguments: [team]
            ).map(person)
        }
        return try Row.fetchAll(db, sql: "SELECT \(personColumns) FROM people ORDER BY handle").map(person)
    }

    private static func person(_ row: Row) -> PersonView {
        PersonView(
            handle: row["handle"], name: row["name"], team: row["team"],
            joined: HLC(packed: row["joined_hlc"]).iso8601, left: row["left"],
            leftAt: (row["left_hlc"] as Int64?).map { HLC(packed: $0).iso8601 },
            leftReason: row["left_reason"])
    }
}
