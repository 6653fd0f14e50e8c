import Foundation
import GRDBSQLite

/// `raw-sqlite-bench`: the raw limit lore is compared with. The same event rows and the same
/// search text as a lore store, written through SQLite's C API with nothing else: no signing,
/// hashing, encoding or projections.
///
///     raw-sqlite-bench bulk   --from LORE.db --out RAW.db [--search one-table|lore]
///     raw-sqlite-bench single --from LORE.db --out RAW.db --count N
///
/// `bulk` inserts every row in one transaction; `single` commits one event (its row, its
/// payload and a search document) per transaction, at the durability lore uses (WAL,
/// synchronous=FULL), on top of the source's rows. Each prints one JSON line.
///
/// The search text goes into one FTS5 table by default (the raw limit as issue 7 defines
/// it). With `--search lore` it goes where lore puts it instead: the rows of `search_docs`
/// and lore's three FTS5 indexes over them, created from the source's own schema, so that
/// lore can also be compared with the cost of its search schema alone.
@main
struct RawSQLiteBench {
    static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        var options: [String: String] = [:]
        var index = 1
        while index + 1 < words.count {
            options[words[index]] = words[index + 1]
            index += 2
        }
        do {
            guard let from = options["--from"], let out = options["--out"] else {
                throw SQLiteError(
                    description: "usage: raw-sqlite-bench bulk|single --from LORE.db --out RAW.db")
            }
            let loreSearch = options["--search"] == "lore"
            let rows = try SourceRows(path: from, loreSearch: loreSearch)
            switch words.first {
            case "bulk": try bulk(rows, out: out)
            case "single":
                guard !loreSearch else { throw SQLiteError(description: "--search is for bulk only") }
                try single(rows, out: out, count: Int(options["--count"] ?? "") ?? 200)
            default: throw SQLiteError(description: "unknown command '\(words.first ?? "")'")
            }
        } catch {
            FileHandle.standardError.write(Data("raw-sqlite-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func bulk(_ rows: SourceRows, out: String) throws {
        let target = try RawStore(path: out, search: rows.search)
        let start = ProcessInfo.processInfo.systemUptime
        try target.connection.execute("BEGIN IMMEDIATE")
        for event in rows.events { try target.insert(event) }
        for doc in rows.docs { try target.insert(doc) }
        try target.insertSearchDocuments()
        try target.connection.execute("COMMIT")
        let seconds = ProcessInfo.processInfo.systemUptime - start
        print(
            """
            {"scenario":"raw-bulk","events":\(rows.events.count),"docs":\(rows.search?.rows.count ?? rows.docs.count),\
            "seconds":\(seconds),"events_per_s":\(Double(rows.events.count) / seconds)}
            """)
    }

    static func single(_ rows: SourceRows, out: String, count: Int) throws {
        guard !rows.events.isEmpty, !rows.docs.isEmpty else {
            throw SQLiteError(description: "no source rows")
        }
        let target = try RawStore(path: out)
        try target.connection.execute("BEGIN IMMEDIATE")
        for event in rows.events { try target.insert(event) }
        for doc in rows.docs { try target.insert(doc) }
        try target.connection.execute("COMMIT")
        var random = SystemRandomNumberGenerator()
        var times: [Double] = []
        for index in 0..<count {
            var event = rows.events[index % rows.events.count]
            event.id = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
            event.seq += 1_000_000_000
            let doc = rows.docs[index % rows.docs.count]
            let start = ProcessInfo.processInfo.systemUptime
            try target.connection.execute("BEGIN IMMEDIATE")
            try target.insert(event)
            try target.insert(doc)
            try target.connection.execute("COMMIT")
            times.append(ProcessInfo.processInfo.systemUptime - start)
        }
        let sorted = times.sorted()
        let total = times.reduce(0, +)
        print(
            """
            {"scenario":"raw-single","count":\(count),"p50_s":\(sorted[sorted.count / 2]),\
            "p99_s":\(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]),"per_s":\(Double(count) / total)}
            """)
    }
}

/// One event as lore stores it: the `events` row and its `payloads` row.
struct EventRow {
    var id: [UInt8]
    var replica: String
    var seq: Int64
    var hlc: Int64
    var kind: String
    var stream: String
    var body: [UInt8]
    var sig: [UInt8]
    var salt: [UInt8]?
    var payload: [UInt8]?
}

/// One search document: the four indexed columns of lore's `search_docs`.
struct DocRow {
    var title: String
    var decision: String
    var tags: String
    var body: String
}

/// lore's search schema as a source store has it: the statements that create `search_docs`
/// (with its indexes) and the FTS5 indexes over it, and every row of `search_docs`.
struct LoreSearchRows {
    var schema: [String] = []
    var indexes: [String] = []
    var rows: [[SQLValue]] = []

    init(_ source: Connection) throws {
        let schema = try source.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE tbl_name LIKE 'search%' AND sql IS NOT NULL ORDER BY rowid"
        )
        while try schema.step() {
            let name = schema.text(0)
            let sql = schema.text(1)
            if name == "search_docs" || sql.hasPrefix("CREATE INDEX") && sql.contains("search_docs") {
                self.schema.append(sql)
            } else if sql.contains("USING fts5 (") && sql.contains("search_docs") {
                self.schema.append(sql)
                indexes.append(name)
            }
        }
        guard indexes.count == 3 else {
            throw SQLiteError(description: "expected lore's three FTS5 indexes, found \(indexes)")
        }
        let rows = try source.prepare("SELECT * FROM search_docs ORDER BY doc")
        while try rows.step() { self.rows.append((0..<rows.columnCount).map(rows.value)) }
    }
}

/// Every event row and search document of a lore store, read into memory before timing.
struct SourceRows {
    var events: [EventRow] = []
    var docs: [DocRow] = []
    /// With `--search lore`: lore's own search rows and schema, instead of `docs`.
    var search: LoreSearchRows?

    init(path: String, loreSearch: Bool = false) throws {
        let source = try Connection(path: path)
        let events = try source.prepare(
            """
            SELECT e.id, e.replica, e.seq, e.hlc, e.kind, e.stream, e.body, e.sig, p.salt, p.payload
            FROM events e JOIN payloads p ON p.pos = e.pos ORDER BY e.pos
            """)
        while try events.step() {
            self.events.append(
                EventRow(
                    id: events.blob(0) ?? [], replica: events.text(1), seq: events.int(2), hlc: events.int(3),
                    kind: events.text(4), stream: events.text(5), body: events.blob(6) ?? [],
                    sig: events.blob(7) ?? [], salt: events.blob(8), payload: events.blob(9)))
        }
        if loreSearch {
            search = try LoreSearchRows(source)
            return
        }
        let docs = try source.prepare("SELECT title, decision, tags, body FROM search_docs ORDER BY doc")
        while try docs.step() {
            self.docs.append(
                DocRow(title: docs.text(0), decision: docs.text(1), tags: docs.text(2), body: docs.text(3)))
        }
    }
}

/// A new database with lore's event tables (same columns, keys, indexes and triggers) and
/// one FTS5 table over the search text (or lore's search schema), at lore's durability.
final class RawStore {
    let connection: Connection
    private let insertEvent: Statement
    private let insertPayload: Statement
    private let insertDoc: Statement
    private let search: LoreSearchRows?

    init(path: String, search: LoreSearchRows? = nil) throws {
        self.search = search
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        connection = try Connection(path: path)
        try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        try connection.execute(
            """
            CREATE TABLE events (
                pos INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE CHECK (length(id) = 32),
                replica TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), hlc INTEGER NOT NULL,
                kind TEXT NOT NULL, stream TEXT NOT NULL, body BLOB NOT NULL, sig BLOB NOT NULL) STRICT;
            CREATE INDEX events_order ON events (hlc, replica, seq);
            CREATE INDEX events_chain ON events (replica, seq);
            CREATE INDEX events_stream ON events (stream);
            CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'immutable'); END;
            CREATE TABLE payloads (pos INTEGER PRIMARY KEY REFERENCES events (pos), salt BLOB, payload BLOB) STRICT;
            CREATE VIRTUAL TABLE docs USING fts5 (
                title, decision, tags, body, tokenize = 'unicode61 remove_diacritics 2');
            """)
        insertEvent = try connection.prepare(
            "INSERT INTO events (id, replica, seq, hlc, kind, stream, body, sig) VALUES (?,?,?,?,?,?,?,?)")
        insertPayload = try connection.prepare("INSERT INTO payloads (pos, salt, payload) VALUES (?,?,?)")
        insertDoc = try connection.prepare("INSERT INTO docs (title, decision, tags, body) VALUES (?,?,?,?)")
        for statement in search?.schema ?? [] { try connection.execute(statement) }
    }

    /// With lore's search schema: every `search_docs` row, then each FTS5 index filled from
    /// them as lore's own rebuild fills them: `rebuild` with FTS5's merging off and 8 MiB of
    /// pending terms, then `optimize` (`SearchProjection.inBulk` in LoreKit).
    func insertSearchDocuments() throws {
        guard let search, let width = search.rows.first?.count else { return }
        let insert = try connection.prepare(
            "INSERT INTO search_docs VALUES (\(Array(repeating: "?", count: width).joined(separator: ",")))")
        for row in search.rows {
            for (column, value) in row.enumerated() { insert.bind(Int32(column + 1), value) }
            try insert.run()
        }
        for index in search.indexes {
            try connection.execute(
                """
                INSERT INTO \(index) (\(index), rank) VALUES ('automerge', 0);
                INSERT INTO \(index) (\(index), rank) VALUES ('crisismerge', 64);
                INSERT INTO \(index) (\(index), rank) VALUES ('hashsize', 8388608);
                INSERT INTO \(index) (\(index)) VALUES ('rebuild');
                INSERT INTO \(index) (\(index)) VALUES ('optimize');
                """)
        }
    }

    func insert(_ event: EventRow) throws {
        insertEvent.bind(1, event.id)
        insertEvent.bind(2, event.replica)
        insertEvent.bind(3, event.seq)
        insertEvent.bind(4, event.hlc)
        insertEvent.bind(5, event.kind)
        insertEvent.bind(6, event.stream)
        insertEvent.bind(7, event.body)
        insertEvent.bind(8, event.sig)
        try insertEvent.run()
        insertPayload.bind(1, sqlite3_last_insert_rowid(connection.handle))
        insertPayload.bind(2, event.salt)
        insertPayload.bind(3, event.payload)
        try insertPayload.run()
    }

    func insert(_ doc: DocRow) throws {
        insertDoc.bind(1, doc.title)
        insertDoc.bind(2, doc.decision)
        insertDoc.bind(3, doc.tags)
        insertDoc.bind(4, doc.body)
        try insertDoc.run()
    }
}
