import Foundation
import GRDB

/// Reads of every decision record at once, for `lore export`: a fixed number of queries
/// whatever the number of records, where ``ADRQueries/record(_:_:)`` runs several per record.
///
/// ``records(_:)`` gives exactly what ``ADRQueries/record(_:_:)`` gives for each record
/// (ExportTests compares them).
enum ADRExportQueries {
    /// What the table of contents and the graph need of a record, by number.
    struct IndexRow {
        var id: String
        var number: Int
        var title: String
        /// The path inside an imported folder the record came from.
        var source: String?
        var links: [ADRIndexEntry.Link]
    }

    /// Every record's number, title, source and relations, by number: two queries.
    static func index(_ db: Database) throws -> [IndexRow] {
        var links: [String: [ADRIndexEntry.Link]] = [:]
        let linkRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.adr, l.label, t.number FROM adr_links l JOIN adrs t ON t.adr = l.target
                ORDER BY l.adr, l.position
                """)
        while let row = try linkRows.next() {
            links[row[0], default: []].append(ADRIndexEntry.Link(label: row[1], number: row[2]))
        }
        var records: [IndexRow] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT adr, number, title, source FROM adrs ORDER BY number")
        while let row = try rows.next() {
            let id: String = row[0]
            records.append(
                IndexRow(id: id, number: row[1], title: row[2], source: row[3], links: links[id] ?? []))
        }
        return records
    }

    /// Every record in full, by number: seven queries.
    static func records(_ db: Database) throws -> [ADRRecord] {
        let tags = try strings("SELECT adr, tag FROM adr_tags ORDER BY adr, tag", db)
        let components = try strings("SELECT adr, component FROM adr_components ORDER BY adr, component", db)
        let history = try histories(db)
        let links = try linkViews(db)
        let renumbered = try renumberings(db)
        let contested = Set(try RegisterQueries.contested(db))
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
            try decoder.decode(type, from: Data(text.utf8))
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.adr, a.number, a.title, a.status, a.date, a.context, a.decision, a.consequences,
                    a.options, a.sections, a.metadata, a.source, a.author, a.recorded_hlc, a.revisions,
                    s.number AS superseded_by, r.claimed
                FROM adrs a LEFT JOIN adrs s ON s.adr = a.superseded_by LEFT JOIN adr_renumbered r ON r.adr = a.adr
                ORDER BY a.number
                """)
        var records: [ADRRecord] = []
        while let row = try rows.next() {
            let id: String = row["adr"]
            let number: Int = row["number"]
            records.append(
                ADRRecord(
                    id: id, number: number, title: row["title"], status: row["status"], date: row["date"],
                    context: row["context"], decision: row["decision"], consequences: row["consequences"],
                    options: try decode([String].self, row["options"]), tags: tags[id] ?? [],
                    components: components[id] ?? [],
                    sections: try decode([ADRSection].self, row["sections"]),
                    metadata: try decode([ADRSection].self, row["metadata"]), source: row["source"],
                    author: row["author"], recorded: HLC(packed: row["recorded_hlc"]).iso8601,
                    revisions: row["revisions"], history: history[id] ?? [], links: links[id] ?? [],
                    claimedNumber: row["claimed"], supersededBy: row["superseded_by"],
                    contested: contested.contains(RegisterProjection.successor(of: ADRID(rawValue: id))),
                    renumbered: renumbered[number] ?? []))
        }
        return records
    }

    /// Two-column rows (a record's id, a value) grouped by id, in the query's order.
    private static func strings(_ sql: String, _ db: Database) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() { result[row[0], default: []].append(row[1]) }
        return result
    }

    private static func histories(_ db: Database) throws -> [String: [ADRStatusStep]] {
        var result: [String: [ADRStatusStep]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT adr, status, author, hlc, reason, event FROM adr_history ORDER BY adr, step")
        while let row = try rows.next() {
            result[row["adr"], default: []].append(
                ADRStatusStep(
                    status: row["status"], author: row["author"], at: HLC(packed: row["hlc"]).iso8601,
                    reason: row["reason"], event: (row["event"] as Data).hexString))
        }
        return result
    }

    private static func linkViews(_ db: Database) throws -> [String: [ADRLinkView]] {
        var result: [String: [ADRLinkView]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.adr, l.label, l.target, t.number, t.title FROM adr_links l JOIN adrs t ON t.adr = l.target
                ORDER BY l.adr, l.position
                """)
        while let row = try rows.next() {
            result[row["adr"], default: []].append(
                ADRLinkView(
                    label: row["label"], target: row["target"], number: row["number"], title: row["title"]))
        }
        return result
    }

    /// Records renumbered because their number was taken, by the number they claimed.
    private static func renumberings(_ db: Database) throws -> [Int: [ADRLinkView]] {
        var result: [Int: [ADRLinkView]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.claimed, r.adr, r.number, a.title FROM adr_renumbered r JOIN adrs a ON a.adr = r.adr
                ORDER BY r.claimed, r.number
                """)
        while let row = try rows.next() {
            let claimed: Int = row["claimed"]
            result[claimed, default: []].append(
                ADRLinkView(
                    label: "Renumbered from \(claimed)", target: row["adr"], number: row["number"],
                    title: row["title"]))
        }
        return result
    }
}
