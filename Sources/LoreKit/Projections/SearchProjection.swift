import GRDB

/// The full-text index: one document per record in `search_docs`, indexed twice by FTS5
/// (external content, so the text is stored once):
///
/// - `search_fts`: words, case and diacritics folded (`cafe` finds `Café`), prefix indexes,
///   no stemming (`news` does not match `new`); columns weighted title > decision > tags > body.
/// - `search_trigram`: trigrams, for substrings, identifiers and text without spaces (CJK).
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
        for index in ftsTables { try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('rebuild')") }
    }

    /// FTS5's own consistency check of both indexes against the documents.
    static func integrityCheck(_ db: Database) throws {
        for index in ftsTables {
            try db.execute(sql: "INSERT INTO \(index) (\(index), rank) VALUES ('integrity-check', 1)")
        }
    }

    private static let ftsTables = ["search_fts", "search_trigram"]
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

    /// Rewrites one record's document and its index entries.
    private static func reindexADR(_ adr: ADRID, _ db: Database) throws {
        if let doc = try Int64.fetchOne(
            db, sql: "SELECT doc FROM search_docs WHERE type = 'adr' AND ref = ?", arguments: [adr.rawValue])
        {
            for index in ftsTables {
                try db.execute(
                    sql: """
                        INSERT INTO \(index) (\(index), rowid, title, decision, tags, body)
                        SELECT 'delete', doc, title, decision, tags, body FROM search_docs WHERE doc = ?
                        """, arguments: [doc])
            }
            try db.execute(sql: "DELETE FROM search_docs WHERE doc = ?", arguments: [doc])
        }
        try db.execute(
            sql: "INSERT INTO search_docs (\(columns)) \(adrDocuments) WHERE a.adr = ?",
            arguments: [adr.rawValue])
        guard db.changesCount > 0 else { return }
        let doc = db.lastInsertedRowID
        for index in ftsTables {
            try db.execute(
                sql: """
                    INSERT INTO \(index) (rowid, title, decision, tags, body)
                    SELECT doc, title, decision, tags, body FROM search_docs WHERE doc = ?
                    """, arguments: [doc])
        }
    }
}
