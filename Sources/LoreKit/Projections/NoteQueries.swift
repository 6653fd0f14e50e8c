import Foundation
import GRDB

/// Reads of the note projection. Staleness needs the reading day, so every read that
/// returns notes takes `today` (`YYYY-MM-DD`).
enum NoteQueries {
    private static let summaryColumns = """
        n.note, n.title, n.kind, n.review_by, n.retracted,
        (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags t WHERE t.note = n.note ORDER BY tag)) AS tags,
        (SELECT json_group_array(component) FROM
            (SELECT component FROM note_components c WHERE c.note = n.note ORDER BY component)) AS components
        """

    /// The notes matching a filter, oldest first.
    static func list(_ filter: NoteFilter, today: String, _ db: Database) throws -> [NoteSummary] {
        var conditions = SQLConditions()
        if !filter.includeRetracted { conditions.add("n.retracted = 0") }
        conditions.add("n.kind = ?", filter.kind)
        conditions.add("EXISTS (SELECT 1 FROM note_tags t WHERE t.note = n.note AND t.tag = ?)", filter.tag)
        conditions.add(
            "EXISTS (SELECT 1 FROM note_components c WHERE c.note = n.note AND c.component = ?)",
            filter.component)
        return try Row.fetchAll(
            db,
            sql:
                "SELECT \(summaryColumns) FROM notes n \(conditions.whereClause) ORDER BY n.recorded_hlc, n.note",
            arguments: conditions.arguments
        ).map { try summary($0, today: today) }
    }

    /// Notes whose id starts with `prefix` (lowercase hex digits and dashes only), oldest first.
    static func ids(withPrefix prefix: String, _ db: Database) throws -> [NoteID] {
        try String.fetchAll(
            db, sql: "SELECT note FROM notes WHERE substr(note, 1, ?) = ? ORDER BY recorded_hlc, note",
            arguments: [prefix.count, prefix]
        ).map(NoteID.init(rawValue:))
    }

    /// Notes titled `title` in any case (Unicode-aware, so `CAFÉ` finds `Café`), current ones
    /// first, oldest first.
    static func ids(withTitle title: String, _ db: Database) throws -> [(NoteID, retracted: Bool)] {
        try Row.fetchAll(
            db, sql: "SELECT note, title, retracted FROM notes ORDER BY retracted, recorded_hlc, note"
        )
        .filter { ($0["title"] as String).caseInsensitiveCompare(title) == .orderedSame }
        .map { (NoteID(rawValue: $0["note"]), $0["retracted"]) }
    }

    /// `runbook 'Restart the ledger' (0a1b2c3d)` for messages and candidate lists.
    static func label(_ note: NoteID, _ db: Database) throws -> String {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT title, kind FROM notes WHERE note = ?", arguments: [note.rawValue])
        else { return note.rawValue }
        let title: String = row["title"]
        let kind: String = row["kind"]
        return "\(kind) '\(title)' (\(note.rawValue.prefix(8)))"
    }

    static func record(_ note: NoteID, today: String, _ db: Database) throws -> NoteRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(summaryColumns), n.body, n.retract_reason, n.author, n.recorded_hlc,
                        n.updated_hlc, n.revisions
                    FROM notes n WHERE n.note = ?
                    """, arguments: [note.rawValue])
        else { return nil }
        let base = try summary(row, today: today)
        let history = try Row.fetchAll(
            db, sql: "SELECT what, author, hlc, reason, event FROM note_history WHERE note = ? ORDER BY step",
            arguments: [note.rawValue]
        ).map { step in
            NoteStep(
                what: step["what"], author: step["author"], at: HLC(packed: step["hlc"]).iso8601,
                reason: step["reason"], event: (step["event"] as Data).hexString)
        }
        return NoteRecord(
            id: base.id, title: base.title, kind: base.kind, body: row["body"], reviewBy: base.reviewBy,
            stale: base.stale, retracted: base.retracted, retractReason: row["retract_reason"],
            tags: base.tags, components: base.components, author: row["author"],
            recorded: HLC(packed: row["recorded_hlc"]).iso8601,
            updated: HLC(packed: row["updated_hlc"]).iso8601,
            revisions: row["revisions"], history: history)
    }

    private static func summary(_ row: Row, today: String) throws -> NoteSummary {
        let kind: String = row["kind"]
        let reviewBy: String? = row["review_by"]
        return NoteSummary(
            id: row["note"], title: row["title"], kind: kind, reviewBy: reviewBy,
            stale: NoteKind.isStale(kind: kind, reviewBy: reviewBy, today: today),
            retracted: row["retracted"],
            tags: try JSONColumn.decode([String].self, row["tags"]),
            components: try JSONColumn.decode([String].self, row["components"]))
    }
}
