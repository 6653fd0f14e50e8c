import GRDB

/// One page of the documents that match an FTS5 expression: live records first, then by
/// bm25 (``SearchRanking``), then by number.
///
/// Ranking costs per matching document (FTS5 reads each one's positions and length), so
/// when more than ``window`` documents match, only the newest ``window`` are ranked. Each
/// step reads only what it needs: FTS5 walks the document lists newest first and stops
/// after the window, search_docs rows are read only for filters and for the best few, and
/// snippets only for the page.
struct RankedMatches {
    /// How many of the newest documents that hold a phrase are counted; when more hold it,
    /// the share among those estimates how many.
    static let sample = 100

    /// `search_fts` or `search_trigram`.
    var index: String
    /// What must match, as the person meant it: ranked and highlighted.
    var match: String
    /// What must not match.
    var exclude: String?
    /// Whether lore wrote `expression` (every phrase double-quoted), so that its phrases can
    /// be counted; a `--raw` expression is ranked exactly as `bm25` ranks it.
    var isCanonical = true
    /// FTS5 conditions that every document passing `filters` meets: they narrow the
    /// candidates cheaply and do not count towards the score.
    var narrowing: String?
    var filters = SearchFilters()
    /// How many of the newest matching documents are ranked at most (more when a page
    /// reaches further).
    var window = 250

    /// ``match`` without ``exclude``, as one FTS5 expression.
    var expression: String { exclude.map { "(\(match)) NOT (\($0))" } ?? match }

    /// The rows `offset..<offset + limit` of the ranking, and the size of the window when at
    /// least as many documents matched (so that only the newest were ranked).
    func page(limit: Int, offset: Int, _ db: Database) throws -> (rows: [SearchRow], window: Int?) {
        let wanted = limit + offset
        let window = max(self.window, wanted)
        let candidates = narrowing.map { "(\(expression)) AND \($0)" } ?? expression
        let documents = try phraseDocuments(db)
        var fetch = wanted + max(5, wanted / 2)
        while true {
            let (scored, ranked) = try SearchQueries.ranked(
                candidates, in: index, documents: documents, window: window, filters: filters,
                limit: fetch + 1,
                db)
            let complete = scored.count <= fetch
            let top = Array(scored.prefix(fetch))
            // Unless every candidate was read, the best `wanted` must all be live (a live
            // record further down outranks any that is not) and no tie may straddle the cut.
            let live = top.filter(\.row.live).count
            if complete || (live >= wanted && scored[fetch - 1].row.score != scored[fetch].row.score) {
                return (
                    try rowsOfPage(top, limit: limit, offset: offset, db), ranked == window ? window : nil
                )
            }
            fetch *= 4
        }
    }

    private func rowsOfPage(_ scored: [(doc: Int64, row: SearchRow)], limit: Int, offset: Int, _ db: Database)
        throws -> [SearchRow]
    {
        let ordered = scored.sorted { a, b in
            if a.row.live != b.row.live { return a.row.live }
            if a.row.score != b.row.score { return a.row.score < b.row.score }
            // SQLite sorts a missing number first.
            if a.row.number != b.row.number { return (a.row.number ?? .min) < (b.row.number ?? .min) }
            return a.doc < b.doc
        }
        let page = Array(ordered.dropFirst(offset).prefix(limit))
        let snippets = try SearchQueries.snippets(expression, in: index, docs: page.map(\.doc), db)
        return page.map { doc, row in
            var row = row
            row.snippet = snippets[doc] ?? ""
            return row
        }
    }

    /// What `lore_rank` takes for each phrase of the candidates' expression: how many
    /// documents hold each phrase of ``match`` (a share of them, estimated from the newest
    /// ``sample``, when more do); nil for those of ``exclude`` and ``narrowing``.
    private func phraseDocuments(_ db: Database) throws -> [Double?] {
        guard isCanonical else { return [] }
        var documents: [Double?] = []
        var newest: Int64?
        for phrase in Self.phrases(in: match) {
            let (count, oldest) = try SearchQueries.newestMatches(phrase, in: index, upTo: Self.sample, db)
            if count < Self.sample {
                documents.append(Double(count))
            } else {
                let last = try newest ?? SearchQueries.newestDocument(db)
                newest = last
                documents.append(-Double(count) / Double(max(1, last - (oldest ?? last) + 1)))
            }
        }
        let uncounted = [exclude, narrowing].compactMap { $0 }.map { Self.phrases(in: $0).count }.reduce(0, +)
        return documents + [Double?](repeating: nil, count: uncounted)
    }

    /// The phrases of an expression lore wrote, in order: each double-quoted string (`""`
    /// inside is a quote), with the `*` that may follow.
    static func phrases(in expression: String) -> [String] {
        var phrases: [String] = []
        var characters = expression.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            guard character == "\"" else { continue }
            var phrase = "\""
            while let inner = pending {
                pending = characters.next()
                phrase.append(inner)
                if inner == "\"" {
                    guard pending == "\"" else { break }
                    phrase.append("\"")
                    pending = characters.next()
                }
            }
            if pending == "*" {
                phrase.append("*")
                pending = characters.next()
            }
            phrases.append(phrase)
        }
        return phrases
    }
}
