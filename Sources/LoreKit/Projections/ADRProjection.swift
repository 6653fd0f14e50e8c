import Foundation
import GRDB

/// The decision records: current fields, tags, components, status history, links in both
/// directions, and the renumbering of colliding display numbers.
enum ADRProjection: Projection {
    static let tables = [
        ProjectionTable(name: "adrs", orderBy: "adr"),
        ProjectionTable(name: "adr_tags", orderBy: "adr, tag"),
        ProjectionTable(name: "adr_components", orderBy: "adr, component"),
        ProjectionTable(name: "adr_history", orderBy: "adr, step"),
        ProjectionTable(name: "adr_links", orderBy: "adr, label, target"),
        ProjectionTable(name: "adr_renumbered", orderBy: "adr"),
    ]

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE adrs (
                    adr TEXT PRIMARY KEY NOT NULL,
                    number INTEGER NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    date TEXT NOT NULL,
                    context TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    consequences TEXT NOT NULL,
                    options TEXT NOT NULL,
                    sections TEXT NOT NULL,
                    metadata TEXT NOT NULL,
                    source TEXT,
                    author TEXT NOT NULL,
                    recorded_hlc INTEGER NOT NULL,
                    updated_hlc INTEGER NOT NULL,
                    revisions INTEGER NOT NULL,
                    superseded_by TEXT
                ) STRICT;
                CREATE TABLE adr_tags (adr TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (adr, tag)) STRICT;
                CREATE INDEX adr_tags_tag ON adr_tags (tag);
                CREATE TABLE adr_components (
                    adr TEXT NOT NULL, component TEXT NOT NULL, PRIMARY KEY (adr, component)
                ) STRICT;
                CREATE INDEX adr_components_component ON adr_components (component);
                CREATE TABLE adr_history (
                    adr TEXT NOT NULL,
                    step INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    author TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    reason TEXT,
                    event BLOB NOT NULL,
                    PRIMARY KEY (adr, step)
                ) STRICT;
                CREATE TABLE adr_links (
                    adr TEXT NOT NULL,
                    label TEXT NOT NULL,
                    target TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    event BLOB NOT NULL,
                    PRIMARY KEY (adr, label, target)
                ) STRICT;
                CREATE INDEX adr_links_target ON adr_links (target);
                CREATE TABLE adr_renumbered (
                    adr TEXT PRIMARY KEY NOT NULL,
                    claimed INTEGER NOT NULL,
                    number INTEGER NOT NULL
                ) STRICT;
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        let event = stored.event
        switch payload {
        case .adrRecorded(let p): try record(p, event, db)
        case .adrRevised(let p): try revise(p, event, db)
        case .adrStatusChanged(let p):
            guard try exists(p.adr, db) else { return }
            try setStatus(p.adr, p.status, reason: p.reason, event, db)
        case .adrSuperseded(let p): try supersede(p, event, db)
        case .conflictResolved(let p)
        where p.register.hasPrefix("adr/") && p.register.hasSuffix("/successor"):
            // The successor the resolution keeps; the superseding links of every head stay.
            try db.execute(
                cached: """
                    UPDATE adrs SET superseded_by = (SELECT value FROM register_writes
                        WHERE register = ? AND lower(hex(event)) = ?)
                    WHERE adr = ? AND EXISTS (SELECT 1 FROM register_writes WHERE register = ? AND lower(hex(event)) = ?)
                    """,
                arguments: [
                    p.register, p.chosen.lowercased(), String(p.register.dropFirst(4).dropLast(10)),
                    p.register,
                    p.chosen.lowercased(),
                ])
        case .adrLinked(let p):
            guard try exists(p.adr, db), try exists(p.target, db), p.adr != p.target else { return }
            try link(p.adr, p.label, p.target, event, db)
            try link(p.target, p.reverseLabel ?? ADRLinkLabels.reverse(of: p.label), p.adr, event, db)
        default: return
        }
    }

    private static func record(_ p: ADRRecorded, _ event: Event, _ db: Database) throws {
        // One lookup for both questions: is the record known, is its number taken.
        let known = try Row.fetchOne(
            db,
            cached:
                "SELECT EXISTS (SELECT 1 FROM adrs WHERE adr = ?), EXISTS (SELECT 1 FROM adrs WHERE number = ?)",
            arguments: [p.adr.rawValue, p.number])
        guard let known, !(known[0] as Bool) else { return }
        var number = p.number
        let taken: Bool = known[1]
        if taken || number < 0 {
            number = (try Int.fetchOne(db, cached: "SELECT max(number) FROM adrs") ?? 0) + 1
            try db.execute(
                cached: "INSERT INTO adr_renumbered (adr, claimed, number) VALUES (?, ?, ?)",
                arguments: [p.adr.rawValue, p.number, number])
        }
        let hlc = event.header.hlc.packed
        try db.execute(
            cached: """
                INSERT INTO adrs (adr, number, title, status, date, context, decision, consequences, options,
                    sections, metadata, source, author, recorded_hlc, updated_hlc, revisions, superseded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)
                """,
            arguments: [
                p.adr.rawValue, number, p.title, p.status, p.date, p.context, p.decision, p.consequences,
                try JSONColumn.encode(p.options), try JSONColumn.encode(p.sections),
                try JSONColumn.encode(p.metadata ?? []), p.source, event.header.author, hlc, hlc,
            ])
        try insertSet("adr_tags", "tag", p.adr, p.tags, db)
        try insertSet("adr_components", "component", p.adr, p.components, db)
        try appendHistory(p.adr, p.status, reason: nil, event, db)
    }

    private static func revise(_ p: ADRRevised, _ event: Event, _ db: Database) throws {
        guard try exists(p.adr, db) else { return }
        var assignments: [String] = []
        var arguments: StatementArguments = []
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            assignments.append("\(column) = ?")
            arguments += [value]
        }
        set("title", p.title)
        set("date", p.date)
        set("context", p.context)
        set("decision", p.decision)
        set("consequences", p.consequences)
        set("options", try p.options.map(JSONColumn.encode))
        set("sections", try p.sections.map(JSONColumn.encode))
        set("metadata", try p.metadata.map(JSONColumn.encode))
        assignments.append("updated_hlc = ?")
        assignments.append("revisions = revisions + 1")
        arguments += [event.header.hlc.packed, p.adr.rawValue]
        try db.execute(
            cached: "UPDATE adrs SET \(assignments.joined(separator: ", ")) WHERE adr = ?",
            arguments: arguments)
        if let tags = p.tags { try replaceSet("adr_tags", "tag", p.adr, tags, db) }
        if let components = p.components {
            try replaceSet("adr_components", "component", p.adr, components, db)
        }
    }

    private static func supersede(_ p: ADRSuperseded, _ event: Event, _ db: Database) throws {
        guard try exists(p.adr, db), try exists(p.by, db), p.adr != p.by else { return }
        try db.execute(
            cached: "UPDATE adrs SET superseded_by = ? WHERE adr = ?",
            arguments: [p.by.rawValue, p.adr.rawValue])
        try setStatus(p.adr, ADRStatus.superseded, reason: p.reason, event, db)
        try link(p.adr, ADRLinkLabels.supersededBy, p.by, event, db)
        try link(p.by, ADRLinkLabels.supersedes, p.adr, event, db)
    }

    private static func setStatus(
        _ adr: ADRID, _ status: String, reason: String?, _ event: Event, _ db: Database
    )
        throws
    {
        try db.execute(
            cached: "UPDATE adrs SET status = ?, updated_hlc = ? WHERE adr = ?",
            arguments: [status, event.header.hlc.packed, adr.rawValue])
        try appendHistory(adr, status, reason: reason, event, db)
    }

    private static func appendHistory(
        _ adr: ADRID, _ status: String, reason: String?, _ event: Event, _ db: Database
    )
        throws
    {
        try db.execute(
            cached: """
                INSERT INTO adr_history (adr, step, status, author, hlc, reason, event)
                VALUES (?, (SELECT count(*) + 1 FROM adr_history WHERE adr = ?), ?, ?, ?, ?, ?)
                """,
            arguments: [
                adr.rawValue, adr.rawValue, status, event.header.author, event.header.hlc.packed, reason,
                event.id.bytes,
            ])
    }

    /// Adds a relation seen from `adr`; a relation it already has keeps its place.
    private static func link(_ adr: ADRID, _ label: String, _ target: ADRID, _ event: Event, _ db: Database)
        throws
    {
        try db.execute(
            cached: """
                INSERT INTO adr_links (adr, label, target, position, event)
                VALUES (?, ?, ?, (SELECT count(*) + 1 FROM adr_links WHERE adr = ?), ?)
                ON CONFLICT (adr, label, target) DO UPDATE SET event = excluded.event
                """,
            arguments: [adr.rawValue, label, target.rawValue, adr.rawValue, event.id.bytes])
    }

    private static func replaceSet(
        _ table: String, _ column: String, _ adr: ADRID, _ values: [String], _ db: Database
    ) throws {
        try db.execute(cached: "DELETE FROM \(table) WHERE adr = ?", arguments: [adr.rawValue])
        try insertSet(table, column, adr, values, db)
    }

    /// Adds the values of a record that has none yet (a new record).
    private static func insertSet(
        _ table: String, _ column: String, _ adr: ADRID, _ values: [String], _ db: Database
    ) throws {
        for value in Set(values) {
            try db.execute(
                cached: "INSERT INTO \(table) (adr, \(column)) VALUES (?, ?)",
                arguments: [adr.rawValue, value])
        }
    }

    private static func exists(_ adr: ADRID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT 1 FROM adrs WHERE adr = ?", arguments: [adr.rawValue]) ?? false
    }
}

/// JSON text columns for list-valued fields.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
