import GRDB

/// The full-text index: one document per record in `search_docs`, indexed twice by FTS5
/// (external content, so the text is stored once):
///
/// - `search_fts`: words, case and diacritics folded (`cafe` finds `Café`), prefix indexes,
///   no stemming (`news` does not match `new`); columns weighted title > decision > tags > body.
/// - `search_trigram`: trigrams, for substrings, identifiers and text without spaces (CJK);
///   only which documents hold each (`detail = 'none'`, since ``migrateTrigramIndex(_:)``).
/// - `search_title`: the words of the titles alone, as `search_fts` reads them: the records
///   named for a query's words, whatever their age, without walking every match.
///
/// Documents are rewritten whenever an event touches their record, in the append's
/// transaction; a rebuild fills the index once from the other projections.
enum SearchProjection: Projection {
    static let tables = [
        ProjectionTable(
            name: "search_docs", orderBy: "type, ref",
            columns:
                "type, ref, number, title, decision, tags, body, status, live, tag_list, components, author, date"
        )
    ]

    /// The tables as migration `v1-projections` created them; ``migrateTrigramIndex(_:)``
    /// changes the trigram index.
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE search_docs (
                    doc INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    ref TEXT NOT NULL,
                    number INTEGER,
                    title TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    body TEXT NOT NULL,
                    status TEXT NOT NULL,
                    live INTEGER NOT NULL,
                    tag_list TEXT NOT NULL,
                    components TEXT NOT NULL,
                    author TEXT NOT NULL,
                    date TEXT NOT NULL,
                    UNIQUE (type, ref)
                ) STRICT;
                CREATE VIRTUAL TABLE search_fts USING fts5 (
                    title, decision, tags, body,
                    content = 'search_docs', content_rowid = 'doc',
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
                );
                CREATE VIRTUAL TABLE search_trigram USING fts5 (
                    title, decision, tags, body,
                    content = 'search_docs', content_rowid = 'doc', tokenize = 'trigram'
                );
                CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'row');
                """)
    }

    static func apply(_ stored: StoredEvent, payload: EventPayload, _ db: Database) throws {
        switch payload {
        case .adrRecorded(let p): try reindexADR(p.adr, db)
        case .adrRevised(let p): try reindexADR(p.adr, db)
        case .adrStatusChanged(let p): try reindexADR(p.adr, db)
        case .adrSuperseded(let p):
            try reindexADR(p.adr, db)
            try reindexADR(p.by, db)
        case .adrLinked(let p): try reindexADR(p.adr, db)
        case .noteAdded(let p): try reindex(.note, p.note, db)
        case .noteRevised(let p): try reindex(.note, p.note, db)
        case .noteRetracted(let p): try reindex(.note, p.note, db)
        case .componentRegistered(let p): try reindex(.component, p.name, db)
        default: return
        }
    }

    static var foldsDuringRebuild: Bool { false }

    static func reset(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_docs")
        for index in ftsTables {
            try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('delete-all')")
        }
    }

    static func afterRebuild(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO search_docs (\(columns)) \(adrDocuments) ORDER BY a.number")
        try db.execute(
            sql: "INSERT INTO search_docs (\(columns)) \(DocumentSource.note.select) ORDER BY n.note")
        try db.execute(
            sql: "INSERT INTO search_docs (\(columns)) \(DocumentSource.component.select) ORDER BY c.name")
        try inBulk(true, db) {
            for index in ftsTables {
                try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('rebuild')")
            }
        }
    }

    /// Migration `v2-search-trigram`: the trigram index keeps only which documents hold each
    /// trigram (`detail = 'none'`); `search_title` indexes the titles alone, to find older
    /// records named for a query's words; every index is merged into one segment.
    ///
    /// With positions the trigram index was the largest part of the store and of a bulk write;
    /// substring search checks the text itself (``SearchQueries/substrings(_:prefilter:since:filters:window:_:)``).
    static func migrateTrigramIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE search_trigram;
                CREATE VIRTUAL TABLE search_trigram USING fts5 (
                    title, decision, tags, body,
                    content = 'search_docs', content_rowid = 'doc', tokenize = 'trigram', detail = 'none',
                    columnsize = 0
                );
                INSERT INTO search_trigram (search_trigram) VALUES ('rebuild');
                CREATE VIRTUAL TABLE search_title USING fts5 (
                    title, content = 'search_docs', content_rowid = 'doc',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                INSERT INTO search_title (search_title) VALUES ('rebuild');
                """)
        for index in ftsTables { try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('optimize')") }
    }

    /// A write that rewrites at least this many documents, and at least an eighth of the
    /// index, ends by merging each index into one segment (`optimize`).
    static let bulkDocuments = 1_000

    /// Whether a write is large enough to end with each index merged into one segment
    /// (``inBulk(_:_:_:)``): FTS5 looks a query's words up in every segment, and a large write
    /// leaves many (a 100,000-record store had 17 and 23).
    ///
    /// Small writes are left to FTS5's own merging. Merging a bounded number of pages after
    /// each (`merge`) soon reached the level of the one large segment an `optimize` leaves
    /// and rewrote it a few pages per write: 7 ms of CPU per write instead of under 1.
    ///
    /// - Parameters:
    ///   - written: how many documents this write rewrote.
    ///   - documents: about how many the index holds.
    private static func isBulk(written: Int, documents: Int64) -> Bool {
        written >= bulkDocuments && Int64(written) * 8 >= documents
    }

    /// Runs `write`, which adds many documents to every index, and then merges each index
    /// into one segment (`optimize`); runs `write` alone when `bulk` is false.
    ///
    /// FTS5 writes the terms it holds in memory as a new segment every `hashsize` bytes
    /// (1 MiB by default) and merges segments as it goes (`automerge`, 4 at a time). The
    /// `optimize` at the end rewrites everything once more, so during `write` the merging is
    /// off and the memory larger (8 MiB per index); FTS5 still merges 64 segments of a level
    /// at once (`crisismerge`), far below its limit of 2,000 segments per index. Each index's
    /// settings (rows of its `_config` table) are then put back as they were, or FTS5's
    /// default where the index had none, in the same transaction: a write that throws must
    /// be rolled back, as every caller's transaction is. Measured at 30,000 events: bulk
    /// append 9.0k → 10.3k events/s, rebuild 2.84 → 2.48 s, for ~13 MB more peak memory.
    private static func inBulk(_ bulk: Bool, _ db: Database, _ write: () throws -> Void) throws {
        guard bulk else { return try write() }
        let before = try ftsTables.map { try mergeSettings(of: $0, db) }
        for index in ftsTables {
            try configure(index, ["automerge": 0, "crisismerge": 64, "hashsize": 8 << 20], db)
        }
        try write()
        for (index, settings) in zip(ftsTables, before) {
            try db.execute(cached: "INSERT INTO \(index) (\(index)) VALUES ('optimize')")
            try configure(index, settings, db)
        }
    }

    /// FTS5's defaults for the settings a bulk write changes.
    static let defaultMergeSettings = ["automerge": 4, "crisismerge": 16, "hashsize": 1 << 20]

    /// An index's merge settings: its own where it has them, else FTS5's defaults.
    private static func mergeSettings(of index: String, _ db: Database) throws -> [String: Int] {
        var settings = defaultMergeSettings
        let rows = try Row.fetchAll(
            db, cached: "SELECT k, v FROM \(index)_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')"
        )
        for row in rows {
            if let value = row["v"] as Int? { settings[row["k"]] = value }
        }
        return settings
    }

    private static func configure(_ index: String, _ settings: [String: Int], _ db: Database) throws {
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                cached: "INSERT INTO \(index) (\(index), rank) VALUES (?, ?)", arguments: [name, value])
        }
    }

    /// FTS5's own consistency check of every index against the documents.
    static func integrityCheck(_ db: Database) throws {
        for index in ftsTables {
            try db.execute(sql: "INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
        }
    }

    private static let ftsTables = ["search_fts", "search_trigram", "search_title"]

    /// The columns of search_docs that `index` indexes.
    private static func indexed(_ index: String) -> String {
        index == "search_title" ? "title" : "title, decision, tags, body"
    }
    private static let columns =
        "type, ref, number, title, decision, tags, body, status, live, tag_list, components, author, date"

    /// One document per record, built from the ADR projection.
    private static let adrDocuments = """
        SELECT 'adr', a.adr, a.number, a.title, a.decision,
            trim(coalesce(\(list("tag", "adr_tags", " ")), '') || ' '
                || coalesce(\(list("component", "adr_components", " ")), '')),
            trim(a.context || char(10) || a.consequences || char(10)
                || coalesce((SELECT group_concat(value, char(10)) FROM json_each(a.options)), '') || char(10)
                || coalesce((SELECT group_concat(json_extract(value, '$.heading') || char(10)
                    || json_extract(value, '$.text'), char(10)) FROM json_each(a.sections)), '') || char(10)
                || coalesce((SELECT group_concat(json_extract(value, '$.text'), char(10))
                    FROM json_each(a.metadata)), ''), ' ' || char(10)),
            a.status, a.status NOT IN ('superseded', 'rejected', 'deprecated', 'retracted'),
            '|' || coalesce(\(list("tag", "adr_tags", "|")), '') || '|',
            '|' || coalesce(\(list("component", "adr_components", "|")), '') || '|',
            a.author, a.date
        FROM adrs a
        """

    /// The sorted values of a record's tag or component table, joined by `separator`.
    private static func list(_ column: String, _ table: String, _ separator: String) -> String {
        "(SELECT group_concat(\(column), '\(separator)') FROM "
            + "(SELECT \(column) FROM \(table) x WHERE x.adr = a.adr ORDER BY \(column)))"
    }

    /// Marks one record's document for rewriting at the end of the write (``flush(_:)``).
    ///
    /// Rewriting documents one event at a time made FTS5 flush its pending terms into a new
    /// segment per event (an INSERT … SELECT into a table with a unique key opens a statement
    /// journal); once per write keeps the index compact and appends several times faster.
    private static func reindexADR(_ adr: ADRID, _ db: Database) throws {
        try mark("adr", adr.rawValue, db)
    }

    private static func reindex(_ source: DocumentSource, _ ref: String, _ db: Database) throws {
        try mark(source.rawValue, ref, db)
    }

    private static func mark(_ type: String, _ ref: String, _ db: Database) throws {
        let insert = "INSERT OR IGNORE INTO temp.search_pending (type, ref) VALUES (?, ?)"
        do {
            try db.execute(cached: insert, arguments: [type, ref])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            // The first mark on this connection (or after a rolled-back write dropped the
            // table) creates it; not before every mark, because GRDB empties its statement
            // cache after every schema statement, even a CREATE … IF NOT EXISTS that does nothing.
            guard try !pendingTableExists(db) else { throw error }
            try db.execute(
                sql: "CREATE TEMP TABLE search_pending (type TEXT NOT NULL, ref TEXT NOT NULL, "
                    + "PRIMARY KEY (type, ref))")
            try db.execute(cached: insert, arguments: [type, ref])
        }
    }

    private static func pendingTableExists(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, cached: "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'search_pending'")
            ?? false
    }

    /// Rewrites every document marked during this write, and its index entries, in a few
    /// grouped statements.
    static func flush(_ db: Database) throws {
        // Every statement here is cached: a single `lore adr new` spent a fifth of its time
        // preparing them.
        // Only the statements for the kinds of record marked run (and are prepared): a
        // command's process prepares each statement once, and preparing the ones for notes
        // and components cost a tenth of a millisecond in every `lore adr new`.
        guard try pendingTableExists(db) else { return }
        let types = Set(try String.fetchAll(db, cached: "SELECT DISTINCT type FROM temp.search_pending"))
        guard !types.isEmpty else { return }
        // Exact matches use the (type, ref) index; component names compare without case, and
        // only the component documents are scanned for them.
        let exact =
            "SELECT d.doc FROM temp.search_pending p JOIN search_docs d ON d.type = p.type AND d.ref = p.ref"
        let docs = try Int64.fetchAll(
            db,
            cached: types.contains(DocumentSource.component.rawValue)
                ? exact + """

                    UNION SELECT d.doc FROM temp.search_pending p JOIN search_docs d
                        ON p.type = 'component' AND d.type = 'component' AND d.ref = p.ref COLLATE NOCASE
                    """ : exact)
        if !docs.isEmpty {
            let marked = "(SELECT value FROM json_each(?))"
            let list = "[" + docs.map(String.init).joined(separator: ",") + "]"
            for index in ftsTables {
                try db.execute(
                    cached: """
                        INSERT INTO \(index) (\(index), rowid, \(indexed(index)))
                        SELECT 'delete', doc, \(indexed(index)) FROM search_docs WHERE doc IN \(marked)
                        """, arguments: [list])
            }
            try db.execute(cached: "DELETE FROM search_docs WHERE doc IN \(marked)", arguments: [list])
        }
        let before = try Int64.fetchOne(db, cached: "SELECT coalesce(max(doc), 0) FROM search_docs") ?? 0
        let pending = "(SELECT ref FROM temp.search_pending WHERE type = ?)"
        if types.contains("adr") {
            try db.execute(
                cached:
                    "INSERT INTO search_docs (\(columns)) \(adrDocuments) WHERE a.adr IN \(pending) ORDER BY a.number",
                arguments: ["adr"])
        }
        for source in [DocumentSource.note, .component] where types.contains(source.rawValue) {
            try db.execute(
                cached:
                    "INSERT INTO search_docs (\(columns)) \(source.select) WHERE \(source.key) IN \(pending) "
                    + "ORDER BY \(source.key)", arguments: [source.rawValue])
        }
        let after = try Int64.fetchOne(db, cached: "SELECT coalesce(max(doc), 0) FROM search_docs") ?? 0
        let bulk = isBulk(written: Int(after - before), documents: after)
        try inBulk(bulk, db) {
            for index in ftsTables {
                try db.execute(
                    cached: """
                        INSERT INTO \(index) (rowid, \(indexed(index)))
                        SELECT doc, \(indexed(index)) FROM search_docs WHERE doc > ? ORDER BY doc
                        """, arguments: [before])
            }
        }
        try db.execute(cached: "DELETE FROM temp.search_pending")
    }
}

/// Records other than ADRs that the index holds, and how each becomes a document.
enum DocumentSource: String {
    case note
    case component

    /// The column that identifies one record in `select`.
    var key: String {
        switch self {
        case .note: "n.note"
        case .component: "c.name"
        }
    }

    /// Columns in `search_docs` order: type, ref, number, title, decision, tags, body, status,
    /// live, tag_list, components, author, date.
    var select: String {
        switch self {
        case .note:
            """
            SELECT 'note', n.note, NULL, n.title, '',
                trim(coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM note_tags x WHERE x.note = n.note
                    ORDER BY tag)), '') || ' ' || coalesce((SELECT group_concat(component, ' ') FROM
                    (SELECT component FROM note_components x WHERE x.note = n.note ORDER BY component)), '')),
                n.body, CASE WHEN n.retracted = 1 THEN 'retracted' ELSE n.kind END, n.retracted = 0,
                '|' || coalesce((SELECT group_concat(tag, '|') FROM (SELECT tag FROM note_tags x
                    WHERE x.note = n.note ORDER BY tag)), '') || '|',
                '|' || coalesce((SELECT group_concat(component, '|') FROM (SELECT component FROM note_components x
                    WHERE x.note = n.note ORDER BY component)), '') || '|',
                n.author, date((n.recorded_hlc >> 16) / 1000, 'unixepoch')
            FROM notes n
            """
        case .component:
            """
            SELECT 'component', c.name, NULL, c.name, coalesce(c.description, ''), coalesce(c.system, ''),
                coalesce(c.repo, ''), 'registered', 1, '||', '|' || c.name || '|', c.author,
                date((c.registered_hlc >> 16) / 1000, 'unixepoch')
            FROM components c
            """
        }
    }
}
