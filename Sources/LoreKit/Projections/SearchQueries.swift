import GRDB

/// A search_docs row with its snippet and score.
struct SearchRow {
    var type: String
    var ref: String
    var number: Int?
    var title: String
    var status: String
    var live: Bool
    var snippet: String
    var score: Double
}

/// The SQL of searching: FTS5 matches with filters, the vocabulary, substring fallbacks.
enum SearchQueries {
    /// Marks around matched words inside snippets (private-use characters, never in text).
    static let open = "\u{E000}"
    static let close = "\u{E001}"

    /// Documents matching an FTS5 expression in `index` (`search_fts` or `search_trigram`),
    /// live records first, then by bm25 with title > decision > tags > body.
    static func match(
        _ expression: String, excluding exclude: String?, in index: String, filters: SearchFilters,
        limit: Int,
        offset: Int, _ db: Database
    ) throws -> [SearchRow] {
        var (conditions, arguments) = filterConditions(filters)
        arguments = [expression] + arguments
        if let exclude {
            conditions.append("d.doc NOT IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?)")
            arguments += [exclude]
        }
        let sql = """
            SELECT d.type, d.ref, d.number, d.title, d.status, d.live,
                snippet(\(index), -1, '\(open)', '\(close)', '…', 12) AS snippet,
                bm25(\(index), 10.0, 5.0, 3.0, 1.0) AS score
            FROM \(index) JOIN search_docs d ON d.doc = \(index).rowid
            WHERE \(index) MATCH ? \(conditions.map { "AND \($0)" }.joined(separator: " "))
            ORDER BY d.live DESC, score, d.number
            LIMIT ? OFFSET ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments + [limit, offset]).map(row)
    }

    /// Documents whose text contains every word as a substring (for words shorter than a
    /// trigram, such as two CJK characters).
    static func containing(_ words: [String], filters: SearchFilters, limit: Int, offset: Int, _ db: Database)
        throws
        -> [SearchRow]
    {
        var (conditions, arguments) = filterConditions(filters)
        for word in words {
            conditions.append(
                "instr(lower(d.title || ' ' || d.decision || ' ' || d.tags || ' ' || d.body), ?) > 0")
            arguments += [word.lowercased()]
        }
        return try listing(conditions, arguments, limit: limit, offset: offset, db)
    }

    /// Documents matching only filters, live first, by number.
    static func filtered(_ filters: SearchFilters, limit: Int, offset: Int, _ db: Database) throws
        -> [SearchRow]
    {
        let (conditions, arguments) = filterConditions(filters)
        return try listing(conditions, arguments, limit: limit, offset: offset, db)
    }

    /// The document of one record.
    static func document(type: String, ref: String, _ db: Database) throws -> SearchRow? {
        try listing(["d.type = ?", "d.ref = ?"], [type, ref], limit: 1, offset: 0, db).first
    }

    /// Whether the word index holds `term` (already folded as the tokenizer folds).
    ///
    /// Asks the index for one matching document: `search_vocab` would count every document
    /// that holds the word first.
    static func vocabularyHas(_ term: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1",
            arguments: ["\"" + term.replacing("\"", with: "\"\"") + "\""]) ?? false
    }

    /// Whether the word index holds a word that starts with `prefix`.
    static func vocabularyHasPrefix(_ prefix: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM search_vocab WHERE term >= ? AND substr(term, 1, ?) = ? LIMIT 1",
            arguments: [prefix, prefix.count, prefix]) ?? false
    }

    /// Indexed words that start with `prefix` and have a length in `lengths`, with how many
    /// documents hold each.
    ///
    /// `search_vocab` reads every document list in the range to count, so the cost grows with
    /// how often the words in the range are used: keep prefixes narrow.
    static func vocabulary(startingWith prefix: String, lengths: ClosedRange<Int>, _ db: Database) throws
        -> [(String, Int)]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT term, doc FROM search_vocab
                WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                """,
            arguments: [prefix, prefix + "\u{10FFFF}", lengths.lowerBound, lengths.upperBound]
        ).map { ($0["term"], $0["doc"]) }
    }

    /// How many documents hold the indexed word `term`; nil when the index does not hold it.
    static func vocabularyCount(_ term: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT doc FROM search_vocab WHERE term = ?", arguments: [term])
    }

    private static func listing(
        _ conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int, _ db: Database
    ) throws -> [SearchRow] {
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT d.type, d.ref, d.number, d.title, d.status, d.live,
                substr(CASE WHEN d.decision <> '' THEN d.decision ELSE d.body END, 1, 160) AS snippet, 0.0 AS score
            FROM search_docs d \(whereClause)
            ORDER BY d.live DESC, d.number LIMIT ? OFFSET ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments + [limit, offset]).map(row)
    }

    /// SQL conditions on `d` (search_docs) for the filters, with their arguments.
    private static func filterConditions(_ filters: SearchFilters) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func anyOf(_ values: [String], _ condition: String) {
            guard !values.isEmpty else { return }
            conditions.append(
                "(" + Array(repeating: condition, count: values.count).joined(separator: " OR ") + ")")
            for value in values { arguments += [value] }
        }
        anyOf(filters.types, "d.type = lower(?)")
        anyOf(filters.statuses, "d.status = ? COLLATE NOCASE")
        anyOf(filters.components, "instr(lower(d.components), '|' || lower(?) || '|') > 0")
        anyOf(filters.tags, "instr(lower(d.tag_list), '|' || lower(?) || '|') > 0")
        anyOf(filters.authors, "instr(lower(d.author), lower(?)) > 0")
        if let after = filters.after {
            conditions.append("d.date >= ?")
            arguments += [after]
        }
        if let before = filters.before {
            conditions.append("d.date < ?")
            arguments += [before]
        }
        return (conditions, arguments)
    }

    private static func row(_ row: Row) -> SearchRow {
        SearchRow(
            type: row["type"], ref: row["ref"], number: row["number"], title: row["title"],
            status: row["status"],
            live: row["live"], snippet: row["snippet"], score: row["score"])
    }
}
