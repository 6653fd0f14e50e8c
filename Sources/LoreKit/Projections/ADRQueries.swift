import Foundation
import GRDB

/// Reads of the decision-record projection.
enum ADRQueries {
    private static let summaryColumns = """
        a.adr, a.number, a.title, a.status, a.date,
        (SELECT json_group_array(tag) FROM (SELECT tag FROM adr_tags t WHERE t.adr = a.adr ORDER BY tag)) AS tags,
        (SELECT json_group_array(component) FROM
            (SELECT component FROM adr_components c WHERE c.adr = a.adr ORDER BY component)) AS components,
        (SELECT s.number FROM adrs s WHERE s.adr = a.superseded_by) AS superseded_by
        """

    static func list(_ filter: ADRFilter, _ db: Database) throws -> [ADRSummary] {
        var conditions = SQLConditions()
        conditions.add("a.status = ? COLLATE NOCASE", filter.status)
        conditions.add("EXISTS (SELECT 1 FROM adr_tags t WHERE t.adr = a.adr AND t.tag = ?)", filter.tag)
        conditions.add(
            "EXISTS (SELECT 1 FROM adr_components c WHERE c.adr = a.adr AND c.component = ?)",
            filter.component)
        return try Row.fetchAll(
            db, sql: "SELECT \(summaryColumns) FROM adrs a \(conditions.whereClause) ORDER BY a.number",
            arguments: conditions.arguments
        ).map(summary)
    }

    /// The statuses records hold now, most common first.
    static func statusesInUse(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT status FROM adrs GROUP BY status ORDER BY count(*) DESC, status")
    }

    /// How many records hold each status.
    static func statusCounts(_ db: Database) throws -> [String: Int] {
        try Store.counts("SELECT status, count(*) FROM adrs GROUP BY status", db)
    }

    /// Records created with `number` at another site and renumbered because it was taken.
    static func renumbered(claiming number: Int, _ db: Database) throws -> [ADRLinkView] {
        try Row.fetchAll(
            db,
            sql: "SELECT r.adr, r.number, a.title FROM adr_renumbered r JOIN adrs a ON a.adr = r.adr "
                + "WHERE r.claimed = ? ORDER BY r.number", arguments: [number]
        ).map {
            ADRLinkView(
                label: "Renumbered from \(number)", target: $0["adr"], number: $0["number"],
                title: $0["title"])
        }
    }

    /// Records that came from an import, by their path in the imported folder.
    static func idsBySource(_ db: Database) throws -> [String: ADRID] {
        var result: [String: ADRID] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT source, adr FROM adrs WHERE source IS NOT NULL") {
            result[row["source"]] = ADRID(rawValue: row["adr"])
        }
        return result
    }

    /// Whether `adr` already shows a relation `label` to `target`.
    static func hasLink(_ adr: ADRID, _ label: String, _ target: ADRID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM adr_links WHERE adr = ? AND label = ? AND target = ?",
            arguments: [adr.rawValue, label, target.rawValue]) ?? false
    }

    static func number(of adr: ADRID, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT number FROM adrs WHERE adr = ?", arguments: [adr.rawValue])
    }

    static func nextNumber(_ db: Database) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT max(number) FROM adrs") ?? 0) + 1
    }

    static func id(ofNumber number: Int, _ db: Database) throws -> ADRID? {
        try String.fetchOne(db, sql: "SELECT adr FROM adrs WHERE number = ?", arguments: [number])
            .map(ADRID.init(rawValue:))
    }

    /// Records whose id starts with `prefix` (lowercase hex digits and dashes only).
    static func ids(withPrefix prefix: String, _ db: Database) throws -> [(ADRID, Int, String)] {
        try Row.fetchAll(
            db, sql: "SELECT adr, number, title FROM adrs WHERE substr(adr, 1, ?) = ? ORDER BY number",
            arguments: [prefix.count, prefix]
        ).map { (ADRID(rawValue: $0["adr"]), $0["number"], $0["title"]) }
    }

    /// The record that supersedes `adr`, and the event that said so (the register head).
    static func successor(of adr: ADRID, _ db: Database) throws -> (ADRID, EventID)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT a.superseded_by, l.event FROM adrs a
                JOIN adr_links l ON l.adr = a.adr AND l.target = a.superseded_by AND l.label = ?
                WHERE a.adr = ? AND a.superseded_by IS NOT NULL
                """, arguments: [ADRLinkLabels.supersededBy, adr.rawValue])
        guard let row, let event = EventID(bytes: row["event"]) else { return nil }
        return (ADRID(rawValue: row["superseded_by"]), event)
    }

    static func record(_ adr: ADRID, _ db: Database) throws -> ADRRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(summaryColumns), a.context, a.decision, a.consequences, a.options, a.sections,
                        a.metadata, a.source, a.author, a.recorded_hlc, a.revisions,
                        (SELECT claimed FROM adr_renumbered r WHERE r.adr = a.adr) AS claimed
                    FROM adrs a WHERE a.adr = ?
                    """, arguments: [adr.rawValue])
        else { return nil }
        let base = try summary(row)
        let history = try Row.fetchAll(
            db, sql: "SELECT status, author, hlc, reason, event FROM adr_history WHERE adr = ? ORDER BY step",
            arguments: [adr.rawValue]
        ).map { step in
            ADRStatusStep(
                status: step["status"], author: step["author"], at: HLC(packed: step["hlc"]).iso8601,
                reason: step["reason"], event: (step["event"] as Data).hexString)
        }
        let links = try Row.fetchAll(
            db,
            sql: """
                SELECT l.label, l.target, t.number, t.title FROM adr_links l JOIN adrs t ON t.adr = l.target
                WHERE l.adr = ? ORDER BY l.position
                """, arguments: [adr.rawValue]
        ).map {
            ADRLinkView(label: $0["label"], target: $0["target"], number: $0["number"], title: $0["title"])
        }
        return ADRRecord(
            id: base.id, number: base.number, title: base.title, status: base.status, date: base.date,
            context: row["context"], decision: row["decision"], consequences: row["consequences"],
            options: try JSONColumn.decode([String].self, row["options"]), tags: base.tags,
            components: base.components, sections: try JSONColumn.decode([ADRSection].self, row["sections"]),
            metadata: try JSONColumn.decode([ADRSection].self, row["metadata"]), source: row["source"],
            author: row["author"], recorded: HLC(packed: row["recorded_hlc"]).iso8601,
            revisions: row["revisions"],
            history: history, links: links, claimedNumber: row["claimed"], supersededBy: base.supersededBy,
            contested: try RegisterQueries.heads(RegisterProjection.successor(of: adr), db).count > 1,
            renumbered: try renumbered(claiming: base.number, db))
    }

    private static func summary(_ row: Row) throws -> ADRSummary {
        ADRSummary(
            id: row["adr"], number: row["number"], title: row["title"], status: row["status"],
            date: row["date"],
            tags: try JSONColumn.decode([String].self, row["tags"]),
            components: try JSONColumn.decode([String].self, row["components"]),
            supersededBy: row["superseded_by"])
    }
}
