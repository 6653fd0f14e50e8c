import GRDB

/// Who held which role on which component, as every change was recorded: the full history.
/// Which change is in force on a date is a read-time question (see ``OwnershipQueries``), so
/// the fold never needs the wall clock.
enum OwnershipProjection: Projection {
    static let tables = [
        ProjectionTable(name: "ownership", orderBy: "component, role, position")
    ]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE ownership (
                    component TEXT NOT NULL,
                    role TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    team TEXT NOT NULL,
                    person TEXT,
                    effective TEXT NOT NULL,
                    recorded_hlc INTEGER NOT NULL,
                    reason TEXT,
                    author TEXT NOT NULL,
                    event BLOB NOT NULL,
                    PRIMARY KEY (component, role, position)
                ) STRICT;
                CREATE INDEX ownership_team ON ownership (team);
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        if case .conflictResolved(let p) = payload, p.register.hasPrefix("ownership/") {
            return try resolve(p, stored, db)
        }
        guard case .ownershipTransferred(let p) = payload else { return }
        // A change about an unknown component, team, person or role, or with no real date, is ignored.
        guard OwnershipRole(rawValue: p.role) != nil, (try? ADRInput.date(p.effective)) == p.effective,
            let component = try DirectoryQueries.componentName(p.component, db),
            let team = try DirectoryQueries.teamName(p.team, db)
        else { return }
        var person: String?
        if let handle = p.person {
            guard let known = try DirectoryQueries.personHandle(handle, db) else { return }
            person = known
        }
        let event = stored.event
        try db.execute(
            cached: """
                INSERT INTO ownership (component, role, position, team, person, effective, recorded_hlc, reason,
                    author, event)
                VALUES (?, ?, (SELECT count(*) + 1 FROM ownership WHERE component = ? AND role = ?),
                    ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                component, p.role, component, p.role, team, person, p.effective, event.header.hlc.packed,
                p.reason, event.header.author, event.id.bytes,
            ])
    }

    /// A resolution keeps one head: the chosen holder is recorded again, effective from the
    /// latest date any of the contested heads took effect, so it stands from then on.
    private static func resolve(_ p: ConflictResolved, _ stored: StoredEvent, _ db: Database) throws {
        let heads = p.heads.map { $0.lowercased() }
        let rows = try Row.fetchAll(
            db,
            cached: "SELECT component, role, team, person, effective, lower(hex(event)) AS id FROM ownership "
                + "WHERE lower(hex(event)) IN (\(heads.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(heads))
        guard let chosen = rows.first(where: { ($0["id"] as String) == p.chosen.lowercased() }) else {
            return
        }
        let effective = rows.map { $0["effective"] as String }.max() ?? chosen["effective"]
        let component: String = chosen["component"]
        let role: String = chosen["role"]
        try db.execute(
            cached: """
                INSERT INTO ownership (component, role, position, team, person, effective, recorded_hlc, reason,
                    author, event)
                VALUES (?, ?, (SELECT count(*) + 1 FROM ownership WHERE component = ? AND role = ?),
                    ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                component, role, component, role, chosen["team"] as String, chosen["person"] as String?,
                effective,
                stored.event.header.hlc.packed, "conflict resolved" + (p.reason.map { ": \($0)" } ?? ""),
                stored.event.header.author, stored.event.id.bytes,
            ])
    }
}
