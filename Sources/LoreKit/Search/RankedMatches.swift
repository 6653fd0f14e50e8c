import GRDB

/// One page of the documents that match an FTS5 expression: live records first, then by
/// bm25 (``SearchRanking``), then by number.
///
/// Ranking costs per matching document (FTS5 reads each one's positions and length), so
/// when more than ``window`` documents match, only the newest ``window`` are ranked, with the
/// older ones that have a phrase in the title when the window has too few of those for the
/// page. Each step reads only what it needs: FTS5 walks the document lists newest first and
/// stops after the window, search_docs rows are read only for filters and for the best few,
/// and snippets only for the page.
struct RankedMatches {
    /// `search_fts` (the word index; the title step reads `search_title` beside it).
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
    var window = 100
    /// Documents older than this rowid are not searched.
    var since: Int64 = 0

    /// ``match`` without ``exclude``, as one FTS5 expression.
    var expression: String { exclude.map { "(\(match)) NOT (\($0))" } ?? match }

    /// The rows `offset..<offset + limit` of the ranking, and the size of the window when at
    /// least as many documents matched (so that only the newest were ranked).
    ///
    /// - Parameter counts: the search's phrase counts, used and added to.
    func page(limit: Int, offset: Int, counts: PhraseCounts, _ db: Database) throws
        -> (rows: [SearchRow], window: Int?)
    {
        let wanted = limit + offset
        let window = max(self.window, wanted)
        let candidates = narrowing.map { "(\(expression)) AND \($0)" } ?? expression
        let phrases = isCanonical ? Self.phrases(in: match) : []
        // One phrase and nothing else: the ranked documents are the phrase's own, so its
        // count comes with the ranking (scored with a stand-in count, then scaled).
        let alone =
            phrases.count == 1 && exclude == nil && narrowing == nil && filters.isEmpty
            && counts.known(phrases[0], in: index, since: since) == nil
        // One phrase, and filters: when it is rare, its documents are all read at once, and
        // if none passes the filters there is nothing to rank.
        if isCanonical, phrases.count == 1, exclude == nil, !filters.isEmpty,
            counts.known(phrases[0], in: index, since: since) == nil
        {
            let docs = try SearchQueries.newestMatchingDocuments(
                phrases[0], in: index, since: since, upTo: PhraseCounts.sample, db)
            let complete = docs.count < PhraseCounts.sample
            let count = try counts.value(docs.count, complete: complete, oldest: docs.last, since: since, db)
            counts.record(phrases[0], in: index, since: since, count)
            if complete, try SearchQueries.passing(docs, filters, db).isEmpty { return ([], nil) }
        }
        var documents: [Double?] = []
        if alone {
            documents = [0]
        } else if isCanonical {
            documents = try phrases.map { try counts.count($0, in: index, since: since, db) }
            // Every phrase must match (no OR) and one matches nothing: nothing to rank.
            if !match.contains(" OR ") && documents.contains(0) { return ([], nil) }
            let uncounted = [exclude, narrowing].compactMap { $0 }.map { Self.phrases(in: $0).count }
            documents += [Double?](repeating: nil, count: uncounted.reduce(0, +))
        }
        var fetch = wanted + max(5, wanted / 2)
        while true {
            var found = try SearchQueries.ranked(
                candidates, in: index, documents: documents, since: since, window: window, filters: filters,
                limit: fetch + 1, db)
            if alone { try scale(&found, for: phrases[0], window: window, counts: counts, db) }
            if found.ranked == window, let oldest = found.oldest, !phrases.isEmpty,
                !phrases.contains(where: { $0.hasSuffix("*") })
            {
                let counted = alone ? [counts.known(phrases[0], in: index, since: since)] : documents
                found.rows = try withTitleMatches(
                    found.rows, before: oldest, candidates: candidates, phrases: phrases, documents: counted,
                    wanted: wanted, window: window, counts: counts, limit: fetch + 1, db)
            }
            let scored = found.rows
            let complete = scored.count <= fetch
            let top = Array(scored.prefix(fetch))
            // Unless every candidate was read, the best `wanted` must all be live (a live
            // record further down outranks any that is not) and no tie may straddle the cut.
            let live = top.filter(\.row.live).count
            if complete || (live >= wanted && scored[fetch - 1].row.score != scored[fetch].row.score) {
                // Walking the matches again for snippets is cheap when they are dense (the
                // window filled up), a single word or a prefix (merged once per statement);
                // after a long walk through a phrase or a rare combination, start at each.
                let simple =
                    index == "search_fts" && phrases.count == 1 && exclude == nil && narrowing == nil
                    && !phrases[0].contains(" ")
                let walking = found.ranked == window || simple || expression.contains("*")
                let page = try rowsOfPage(
                    top, limit: limit, offset: offset, walking: walking,
                    olderThan: found.ranked == window ? found.oldest : nil, window: window, counts: counts, db
                )
                return (page, found.ranked == window ? window : nil)
            }
            fetch *= 4
        }
    }

    /// How many of the older documents that match with a word in the title are ranked besides
    /// the window, at most.
    var titleWindow = 100

    /// `rows` (the best of the window) and the best of the newest older documents that match
    /// with a phrase in the title, together, best first, at most `limit`: a record named for
    /// the words ranks high however old it is.
    ///
    /// When the window holds `wanted` documents with a phrase in the title, those fill the
    /// page and nothing older is read; otherwise as many older ones as are missing (up to
    /// ``titleWindow``). The title index (`search_title`) holds only titles, so finding them
    /// walks only the records named for a phrase, however many mention it elsewhere; each is
    /// then scored on its own (FTS5 starts again at each one).
    ///
    /// - Parameter documents: what `lore_rank` takes for the phrases of `candidates`, so that
    ///   the scores equal the window's.
    private func withTitleMatches(
        _ rows: [(doc: Int64, row: SearchRow)], before oldest: Int64, candidates: String, phrases: [String],
        documents: [Double?], wanted: Int, window: Int, counts: PhraseCounts, limit: Int, _ db: Database
    ) throws -> [(doc: Int64, row: SearchRow)] {
        let named = phrases.joined(separator: " OR ")
        let recent = try SearchQueries.newestMatches(
            named, in: "search_title", since: oldest, upTo: wanted, db)
        let missing = min(titleWindow, wanted - recent.count)
        guard missing > 0 else { return rows }
        let titled = try SearchQueries.newestMatchingDocuments(
            named, in: "search_title", since: since, before: oldest, upTo: missing, db)
        // Newest first: the last is the oldest document named for the query's words.
        guard let first = titled.last else { return rows }
        let older = try SearchQueries.ranked(
            candidates, in: index, documents: documents, since: max(since, first),
            among: titled,
            walking: try walkable(from: first, to: oldest, window: window, counts: counts, db),
            window: missing,
            filters: filters, limit: limit, db)
        guard !older.rows.isEmpty else { return rows }
        let merged = (rows + older.rows).sorted {
            $0.row.score != $1.row.score ? $0.row.score < $1.row.score : $0.doc < $1.doc
        }
        return Array(merged.prefix(limit))
    }

    /// How many matches FTS5 may walk past rather than start again at each of a few
    /// documents: a start costs about as much as walking this many.
    var walkInsteadOfStarts = 500

    /// Whether walking the matches from rowid `first` to `oldest` (the oldest of a full window
    /// of `window` documents) is cheaper than starting at each document there: the window's
    /// density of matches estimates how many lie between.
    private func walkable(
        from first: Int64, to oldest: Int64, window: Int, counts: PhraseCounts, _ db: Database
    ) throws -> Bool {
        let span = Double(max(1, try counts.newest(db) - oldest + 1))
        return Double(window) / span * Double(oldest - first) <= Double(walkInsteadOfStarts)
    }

    /// Scales scores computed with a count of 0 for `phrase` to its count, found from the
    /// window: all its documents, or the newest `window` of them.
    private func scale(
        _ found: inout RankedWindow, for phrase: String, window: Int, counts: PhraseCounts, _ db: Database
    ) throws {
        let value = try counts.value(
            found.ranked, complete: found.ranked < window, oldest: found.oldest, since: since, db)
        counts.record(phrase, in: index, since: since, value)
        guard !found.rows.isEmpty else { return }
        let rows = Double(found.documents)
        let count = value < 0 ? -value * rows : value
        let factor =
            PhraseCounts.inverseFrequency(count, rows: rows) / PhraseCounts.inverseFrequency(0, rows: rows)
        for index in found.rows.indices { found.rows[index].row.score *= factor }
    }

    private func rowsOfPage(
        _ scored: [(doc: Int64, row: SearchRow)], limit: Int, offset: Int, walking: Bool,
        olderThan oldest: Int64?, window: Int, counts: PhraseCounts, _ db: Database
    ) throws -> [SearchRow] {
        let ordered = scored.sorted { a, b in
            if a.row.live != b.row.live { return a.row.live }
            if a.row.score != b.row.score { return a.row.score < b.row.score }
            // SQLite sorts a missing number first.
            if a.row.number != b.row.number { return (a.row.number ?? .min) < (b.row.number ?? .min) }
            return a.doc < b.doc
        }
        let page = Array(ordered.dropFirst(offset).prefix(limit))
        // Title matches older than the window are far from it: their snippets are found apart.
        let older = page.map(\.doc).filter { $0 < oldest ?? .min }
        var snippets = try SearchQueries.snippets(
            expression, in: index, docs: page.map(\.doc).filter { $0 >= oldest ?? .min }, walking: walking, db
        )
        if let oldest, let first = older.min() {
            let walk = try walkable(from: first, to: oldest, window: window, counts: counts, db)
            snippets.merge(try SearchQueries.snippets(expression, in: index, docs: older, walking: walk, db))
            { a, _ in a }
        }
        return page.map { doc, row in
            var row = row
            row.snippet = snippets[doc] ?? ""
            return row
        }
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
