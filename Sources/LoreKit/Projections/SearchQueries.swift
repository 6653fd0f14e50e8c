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

/// The best of the newest documents that match: see ``SearchQueries/ranked(_:in:documents:window:filters:limit:_:)``.
struct RankedWindow {
    /// The best documents, best first, by rowid.
    var rows: [(doc: Int64, row: SearchRow)]
    /// How many documents were ranked.
    var ranked: Int
    /// The oldest of those (nil when none).
    var oldest: Int64?
    /// How many documents the index holds.
    var documents: Int
}

/// The SQL of searching: FTS5 matches with filters, the vocabulary, substring fallbacks.
enum SearchQueries {
    /// Marks around matched words inside snippets (private-use characters, never in text).
    static let open = "\u{E000}"
    static let close = "\u{E001}"

    /// How many of the newest `cap` documents from rowid `since` on match `expression` in
    /// `index`, and the oldest of them: all the documents that match, when fewer than `cap` do.
    ///
    /// FTS5 walks its document lists newest first and stops there.
    static func newestMatches(
        _ expression: String, in index: String, since: Int64 = 0, upTo cap: Int, _ db: Database
    ) throws -> (count: Int, oldest: Int64?) {
        let sql = """
            SELECT count(*), min(rowid) FROM
            (SELECT rowid FROM \(index) WHERE \(index) MATCH ? AND rowid >= ? ORDER BY rowid DESC LIMIT ?)
            """
        let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [expression, since, cap])
        return (row?[0] ?? 0, row?[1])
    }

    /// The newest `cap` documents from rowid `since` on, and before `before`, that match
    /// `expression` in `index`, newest first.
    static func newestMatchingDocuments(
        _ expression: String, in index: String, since: Int64 = 0, before: Int64 = .max, upTo cap: Int,
        _ db: Database
    ) throws -> [Int64] {
        let sql = """
            SELECT rowid FROM \(index) WHERE \(index) MATCH ? AND rowid >= ? AND rowid < ?
            ORDER BY rowid DESC LIMIT ?
            """
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: [expression, since, before, cap])
    }

    /// Which of these documents pass `filters`.
    static func passing(_ docs: [Int64], _ filters: SearchFilters, _ db: Database) throws -> [Int64] {
        guard !docs.isEmpty else { return [] }
        let (conditions, arguments) = filterConditions(filters)
        let sql = """
            SELECT d.doc FROM search_docs d WHERE d.doc IN (SELECT value FROM json_each(?))
            \(conditions.map { "AND \($0)" }.joined(separator: " "))
            """
        let list = "[" + docs.map(String.init).joined(separator: ",") + "]"
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: [list] + arguments)
    }

    /// The newest document's rowid (0 when there are none).
    static func newestDocument(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, cached: "SELECT coalesce(max(doc), 0) FROM search_docs") ?? 0
    }

    /// The best `limit` by `lore_rank` (see ``SearchRanking``) of the newest `window`
    /// documents from rowid `since` on (and `among` these, when given) that match `expression`
    /// in `index` and pass `filters`: best first, without snippets.
    ///
    /// FTS5 starts again at each of `among` (a few lookups per word each), unless `walking`:
    /// then it walks the matches between the first and the last of them once.
    ///
    /// FTS5 walks the document lists newest first and stops after `window` documents, so
    /// only those are scored; search_docs rows are read for the filters and for the best.
    ///
    /// - Parameter documents: for each phrase of `expression`, in order, what `lore_rank`
    ///   takes: a document count, a negative share, or nil for a phrase that does not count;
    ///   an empty list has `lore_rank` count, as `bm25` does.
    static func ranked(
        _ expression: String, in index: String, documents: [Double?], since: Int64 = 0,
        among: [Int64]? = nil, walking: Bool = false, window: Int, filters: SearchFilters, limit: Int,
        _ db: Database
    ) throws -> RankedWindow {
        let (conditions, arguments) = filterConditions(filters)
        let join = conditions.isEmpty ? "" : "JOIN search_docs d ON d.doc = \(index).rowid"
        let rank = ([index] + documents.map { _ in "?" }).joined(separator: ", ")
        let listed = "(SELECT value FROM json_each(?))"
        let sql = """
            SELECT best.doc, best.ranked, best.oldest, best.documents, d.type, d.ref, d.number, d.title,
                d.status, d.live, '' AS snippet, best.score AS score
            FROM (
                SELECT doc, score, count(*) OVER () AS ranked, min(doc) OVER () AS oldest,
                    max(documents) OVER () AS documents
                FROM (
                    SELECT \(index).rowid AS doc, \(SearchRanking.function)(\(rank)) AS score,
                        \(SearchRanking.rowsFunction)(\(index)) AS documents
                    FROM \(index) \(join)
                    WHERE \(index) MATCH ? AND \(index).rowid >= ?
                    \(among == nil ? "" : walking ? "AND \(index).rowid <= ? AND +\(index).rowid IN \(listed)" : "AND \(index).rowid IN \(listed)")
                    \(conditions.map { "AND \($0)" }.joined(separator: " "))
                    ORDER BY \(index).rowid DESC LIMIT ?)
                ORDER BY score, doc LIMIT ?) AS best
            JOIN search_docs d ON d.doc = best.doc
            ORDER BY best.score, best.doc
            """
        let values: [(any DatabaseValueConvertible)?] =
            documents + [expression, since]
            + (among.map {
                (walking ? [$0.max() ?? 0] : []) + ["[" + $0.map(String.init).joined(separator: ",") + "]"]
            } ?? [])
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: sql), arguments: StatementArguments(values) + arguments + [window, limit])
        return RankedWindow(
            rows: rows.map { ($0["doc"], Self.row($0)) }, ranked: rows.first?["ranked"] ?? 0,
            oldest: rows.first?["oldest"], documents: rows.first?["documents"] ?? 0)
    }

    /// The best passage of each of these documents for `expression`, with matched words
    /// marked by ``open`` and ``close``, by rowid.
    ///
    /// - Parameter walking: walk the matches between the first and the last of the documents
    ///   once (`+rowid` keeps SQLite from starting FTS5 over for each), cheap when matches
    ///   are dense there; otherwise FTS5 starts at each document, cheap when matching means
    ///   comparing positions across long lists (a phrase, a rare combination of words).
    static func snippets(_ expression: String, in index: String, docs: [Int64], walking: Bool, _ db: Database)
        throws -> [Int64: String]
    {
        guard let first = docs.min(), let last = docs.max() else { return [:] }
        let sql = """
            SELECT rowid, snippet(\(index), -1, '\(open)', '\(close)', '…', 12) FROM \(index)
            WHERE \(index) MATCH ? AND rowid BETWEEN ? AND ?
            AND \(walking ? "+rowid" : "rowid") IN (SELECT value FROM json_each(?))
            """
        let list = "[" + docs.map(String.init).joined(separator: ",") + "]"
        var snippets: [Int64: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [expression, first, last, list])
        {
            snippets[row[0]] = row[1]
        }
        return snippets
    }

    /// The name of the SQL function that folds case for substring checks of text that is not
    /// ASCII (SQLite's `lower` folds only ASCII letters).
    static let foldFunction = "lore_fold"

    /// Documents whose text holds every piece, case folded, with each field's text: live
    /// first, then those with every piece in the title, then newest; `offset` skipped,
    /// at most `limit`.
    ///
    /// - Parameter docs: the documents to check, or nil for every document from rowid `since` on.
    static func substrings(
        _ pieces: [String], docs: [Int64]?, since: Int64 = 0, filters: SearchFilters, limit: Int, offset: Int,
        _ db: Database
    ) throws -> [(row: SearchRow, fields: [String])] {
        let ascii = pieces.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }
        let fold = ascii ? "lower" : foldFunction
        // Defined once per connection: defining a function again expires every prepared
        // statement on it.
        if !ascii,
            try
                !(Bool.fetchOne(
                    db, cached: "SELECT 1 FROM pragma_function_list WHERE name = ?", arguments: [foldFunction]
                ) ?? false)
        {
            db.add(
                function: DatabaseFunction(foldFunction, argumentCount: 1, pure: true) {
                    String.fromDatabaseValue($0[0])?.lowercased()
                })
        }
        var (conditions, arguments) = filterConditions(filters)
        if let docs {
            conditions.insert("d.doc IN (SELECT value FROM json_each(?))", at: 0)
            arguments = ["[" + docs.map(String.init).joined(separator: ",") + "]"] + arguments
        } else {
            conditions.insert("d.doc >= ?", at: 0)
            arguments = [since] + arguments
        }
        let folded = pieces.map { $0.lowercased() }
        for piece in folded {
            conditions.append(
                "("
                    + ["title", "decision", "tags", "body"].map { "instr(\(fold)(d.\($0)), ?) > 0" }
                    .joined(separator: " OR ") + ")")
            arguments += [piece, piece, piece, piece]
        }
        let inTitle = folded.map { _ in "instr(\(fold)(d.title), ?) > 0" }.joined(separator: " AND ")
        let sql = """
            SELECT d.type, d.ref, d.number, d.title, d.status, d.live, '' AS snippet, 0.0 AS score,
                d.decision, d.tags, d.body, \(inTitle) AS in_title
            FROM search_docs d WHERE \(conditions.joined(separator: " AND "))
            ORDER BY d.live DESC, in_title DESC, d.doc DESC LIMIT ? OFFSET ?
            """
        let values = StatementArguments(folded) + arguments + [limit, offset]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: values).map {
            (row($0), [$0["title"], $0["decision"], $0["tags"], $0["body"]])
        }
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
            db, cached: "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1",
            arguments: ["\"" + term.replacing("\"", with: "\"\"") + "\""]) ?? false
    }

    /// Whether the word index holds a word that starts with `prefix`.
    static func vocabularyHasPrefix(_ prefix: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, cached: "SELECT 1 FROM search_vocab WHERE term >= ? AND substr(term, 1, ?) = ? LIMIT 1",
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
            cached: """
                SELECT term, doc FROM search_vocab
                WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                """,
            arguments: [prefix, prefix + "\u{10FFFF}", lengths.lowerBound, lengths.upperBound]
        ).map { ($0["term"], $0["doc"]) }
    }

    /// How many documents hold the indexed word `term`; nil when the index does not hold it.
    static func vocabularyCount(_ term: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(db, cached: "SELECT doc FROM search_vocab WHERE term = ?", arguments: [term])
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
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments + [limit, offset]).map(row)
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
