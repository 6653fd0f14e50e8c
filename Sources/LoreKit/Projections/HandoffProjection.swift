import GRDB

/// Hand-offs: who hands what to whom, the phase each is in with who moved it and when, and
/// each checklist item with both sides' sign-offs.
enum HandoffProjection: Projection {
    static let tables = [
        ProjectionTable(name: "handoffs", orderBy: "handoff"),
        ProjectionTable(name: "handoff_components", orderBy: "handoff, component"),
        ProjectionTable(name: "handoff_items", orderBy: "handoff, position"),
        ProjectionTable(name: "handoff_phases", orderBy: "handoff, step"),
    ]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE handoffs (
                    handoff TEXT PRIMARY KEY NOT NULL,
                    number INTEGER NOT NULL UNIQUE,
                    from_team TEXT NOT NULL,
                    to_team TEXT NOT NULL,
                    due TEXT,
                    phase TEXT NOT NULL,
                    completed INTEGER NOT NULL,
                    forced INTEGER NOT NULL,
                    force_reason TEXT,
                    author TEXT NOT NULL,
                    started_hlc INTEGER NOT NULL,
                    completed_hlc INTEGER
                ) STRICT;
                CREATE TABLE handoff_components (
                    handoff TEXT NOT NULL, component TEXT NOT NULL, PRIMARY KEY (handoff, component)
                ) STRICT;
                CREATE TABLE handoff_items (
                    handoff TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    from_signed_event BLOB,
                    from_author TEXT,
                    from_hlc INTEGER,
                    from_evidence TEXT,
                    to_signed_event BLOB,
                    to_author TEXT,
                    to_hlc INTEGER,
                    to_evidence TEXT,
                    PRIMARY KEY (handoff, position)
                ) STRICT;
                CREATE TABLE handoff_phases (
                    handoff TEXT NOT NULL,
                    step INTEGER NOT NULL,
                    phase TEXT NOT NULL,
                    author TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    event BLOB NOT NULL,
                    PRIMARY KEY (handoff, step)
                ) STRICT;
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        let event = stored.event
        switch payload {
        case .handoffStarted(let p): try start(p, event, db)
        case .handoffItemCompleted(let p):
            guard let side = HandoffSide(rawValue: p.side), try HandoffQueries.isKnown(p.handoff, db) else {
                return
            }
            // The first sign-off of an item by a side counts; the item is the first with that text.
            try db.execute(
                cached: """
                    UPDATE handoff_items SET \(side)_signed_event = ?, \(side)_author = ?, \(side)_hlc = ?,
                        \(side)_evidence = ?
                    WHERE handoff = ? AND \(side)_signed_event IS NULL AND position =
                        (SELECT min(position) FROM handoff_items WHERE handoff = ? AND text = ?)
                    """,
                arguments: [
                    event.id.bytes, event.header.author, event.header.hlc.packed, p.evidence, p.handoff,
                    p.handoff, p.item,
                ])
        case .handoffPhaseAdvanced(let p):
            guard try HandoffQueries.isOpen(p.handoff, db) else { return }
            try db.execute(
                cached: "UPDATE handoffs SET phase = ? WHERE handoff = ?", arguments: [p.phase, p.handoff])
            try appendStep(p.handoff, p.phase, event, db)
        case .handoffCompleted(let p):
            guard try HandoffQueries.isOpen(p.handoff, db) else { return }
            try db.execute(
                cached: """
                    UPDATE handoffs SET completed = 1, forced = ?, force_reason = ?, completed_hlc = ?
                    WHERE handoff = ?
                    """, arguments: [p.forced, p.reason, event.header.hlc.packed, p.handoff])
            try appendStep(p.handoff, HandoffQueries.completedStep, event, db)
        default: return
        }
    }

    /// Records a new hand-off between known teams, with the components that are known. It
    /// keeps the number it claimed unless an earlier hand-off in the fold has it.
    private static func start(_ p: HandoffStarted, _ event: Event, _ db: Database) throws {
        guard !(try HandoffQueries.isKnown(p.handoff, db)),
            let from = try DirectoryQueries.teamName(p.from, db),
            let to = try DirectoryQueries.teamName(p.to, db)
        else { return }
        var number = p.number ?? 0
        let taken =
            try Bool.fetchOne(db, cached: "SELECT 1 FROM handoffs WHERE number = ?", arguments: [number])
            ?? false
        if taken || number < 1 { number = try HandoffQueries.nextNumber(db) }
        try db.execute(
            cached: """
                INSERT INTO handoffs (handoff, number, from_team, to_team, due, phase, completed, forced,
                    force_reason, author, started_hlc, completed_hlc)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?, NULL)
                """,
            arguments: [
                p.handoff, number, from, to, p.due, HandoffPhase.discovery.rawValue, event.header.author,
                event.header.hlc.packed,
            ])
        for name in p.components {
            guard let component = try DirectoryQueries.componentName(name, db) else { continue }
            try db.execute(
                cached: "INSERT OR IGNORE INTO handoff_components (handoff, component) VALUES (?, ?)",
                arguments: [p.handoff, component])
        }
        for (index, text) in p.items.enumerated() {
            try db.execute(
                cached: "INSERT INTO handoff_items (handoff, position, text) VALUES (?, ?, ?)",
                arguments: [p.handoff, index + 1, text])
        }
        try appendStep(p.handoff, HandoffPhase.discovery.rawValue, event, db)
    }

    private static func appendStep(_ handoff: String, _ phase: String, _ event: Event, _ db: Database) throws
    {
        try db.execute(
            cached: """
                INSERT INTO handoff_phases (handoff, step, phase, author, hlc, event)
                VALUES (?, (SELECT count(*) + 1 FROM handoff_phases WHERE handoff = ?), ?, ?, ?, ?)
                """,
            arguments: [
                handoff, handoff, phase, event.header.author, event.header.hlc.packed, event.id.bytes,
            ])
    }
}
