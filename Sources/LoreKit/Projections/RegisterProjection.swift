import GRDB

/// Registers: facts that can hold one value (the successor of an ADR, the holder of an
/// ownership role, the phase of a hand-off). Every write is kept with the register heads it
/// saw (its `deps`); a write no other write names is a head, and two heads that do not know
/// each other are a conflict until a `conflict.resolved` names them both.
enum RegisterProjection: Projection {
    static let tables = [ProjectionTable(name: "register_writes", orderBy: "register, event")]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE register_writes (
                    register TEXT NOT NULL,
                    event BLOB NOT NULL,
                    value TEXT NOT NULL,
                    deps TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    replica TEXT NOT NULL,
                    author TEXT NOT NULL,
                    resolution INTEGER NOT NULL,
                    PRIMARY KEY (register, event)
                ) STRICT;
                """)
    }

    /// The register an ADR's successor is written to.
    static func successor(of adr: ADRID) -> String { "adr/\(adr.rawValue)/successor" }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        let deps = stored.event.header.deps.map(\.hex)
        // Like the other projections, writes about things never recorded are ignored.
        func known(_ sql: String, _ arguments: StatementArguments) throws -> Bool {
            try Bool.fetchOne(db, cached: sql, arguments: arguments) ?? false
        }
        switch payload {
        case .adrSuperseded(let p):
            guard p.adr != p.by,
                try known(
                    "SELECT count(*) = 2 FROM adrs WHERE adr IN (?, ?)", [p.adr.rawValue, p.by.rawValue])
            else { return }
            try write(successor(of: p.adr), value: p.by.rawValue, deps: deps, stored, db)
        case .ownershipTransferred(let p):
            guard try known("SELECT 1 FROM components WHERE name = ?", [p.component]) else { return }
            let value = p.person.map { "\(p.team)|\($0)" } ?? p.team
            try write("ownership/\(p.component.lowercased())/\(p.role)", value: value, deps: deps, stored, db)
        case .handoffPhaseAdvanced(let p):
            guard try known("SELECT 1 FROM handoffs WHERE handoff = ?", [p.handoff]) else { return }
            try write("handoff/\(p.handoff)/phase", value: p.phase, deps: deps, stored, db)
        case .handoffCompleted(let p):
            guard try known("SELECT 1 FROM handoffs WHERE handoff = ?", [p.handoff]) else { return }
            try write("handoff/\(p.handoff)/phase", value: "completed", deps: deps, stored, db)
        case .conflictResolved(let p):
            guard
                let value = try String.fetchOne(
                    db,
                    cached: "SELECT value FROM register_writes WHERE register = ? AND lower(hex(event)) = ?",
                    arguments: [p.register, p.chosen.lowercased()])
            else { return }
            try write(
                p.register, value: value, deps: Array(Set(deps + p.heads)).sorted(), stored, db,
                resolution: true)
        default: return
        }
    }

    private static func write(
        _ register: String, value: String, deps: [String], _ stored: StoredEvent, _ db: Database,
        resolution: Bool = false
    ) throws {
        let h = stored.event.header
        try db.execute(
            cached: """
                INSERT OR IGNORE INTO register_writes (register, event, value, deps, hlc, replica, author, resolution)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                register, stored.event.id.bytes, value, try JSONColumn.encode(deps), h.hlc.packed,
                h.replica.rawValue,
                h.author, resolution,
            ])
    }
}

/// One head of a register.
struct RegisterHead {
    var event: EventID
    var value: String
    var hlc: HLC
    var replica: String
    var author: String
}

/// Reads of the register projection.
enum RegisterQueries {
    private static let isHead = """
        NOT EXISTS (SELECT 1 FROM register_writes o, json_each(o.deps) d
            WHERE o.register = r.register AND d.value = lower(hex(r.event)))
        """

    /// The writes nobody has seen yet, oldest first.
    static func heads(_ register: String, _ db: Database) throws -> [RegisterHead] {
        try Row.fetchAll(
            db,
            cached: """
                SELECT event, value, hlc, replica, author FROM register_writes r
                WHERE r.register = ? AND \(isHead) ORDER BY hlc, replica, event
                """, arguments: [register]
        ).compactMap { row in
            EventID(bytes: row["event"]).map {
                RegisterHead(
                    event: $0, value: row["value"], hlc: HLC(packed: row["hlc"]), replica: row["replica"],
                    author: row["author"])
            }
        }
    }

    /// Registers with more than one head, in name order.
    static func contested(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            cached:
                "SELECT register FROM register_writes r WHERE \(isHead) GROUP BY register HAVING count(*) > 1 "
                + "ORDER BY register")
    }
}
