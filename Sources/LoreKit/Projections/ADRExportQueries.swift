import Foundation
import GRDB

/// Reads of every decision record at once, for `lore export`: a fixed number of queries
/// whatever the number of records, where ``ADRQueries/record(_:_:)`` runs several per record.
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
}
