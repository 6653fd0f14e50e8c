public import Foundation
import GRDB

/// Problems with a search.
public enum SearchError: LocalizedError, Equatable {
    case badRawQuery(String, reason: String)
    case badLimit(Int)

    public var errorDescription: String? {
        switch self {
        case .badRawQuery(let query, let reason):
            "FTS5 cannot read the raw query '\(query)': \(reason); drop --raw to search the words as typed"
        case .badLimit(let value): "\(value) is not a result count; give --limit 1 or more"
        }
    }
}

extension Store {
    /// Searches every record: an exact reference first, then word matches ranked by field
    /// and liveness, then substrings when words find nothing; suggestions for words that
    /// match nothing.
    ///
    /// - Parameters:
    ///   - text: what the person typed; never an error unless `options.raw` is set.
    /// - Throws: ``SearchError/badRawQuery(_:reason:)`` only for `--raw` queries FTS5 rejects.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        guard options.limit >= 1 else { throw SearchError.badLimit(options.limit) }
        var query = options.raw ? SearchQuery.raw(text) : SearchQuery.parse(text)
        query.filters.merge(options.filters)
        return try read { db in
            var engine = SearchEngine(query: query, options: options, db: db)
            let hits = try engine.run(raw: options.raw, text: text)
            return SearchResults(
                query: text, hits: hits,
                suggestions: try engine.suggestions(
                    found: hits.contains { $0.matched == "reference" || $0.matched == "words" }),
                explain: engine.explain)
        }
    }
}

/// One search's steps: reference, words, substrings, suggestions.
struct SearchEngine {
    let query: SearchQuery
    let options: SearchOptions
    let db: Database
    private(set) var explain: [String] = []
    /// How many documents hold each phrase, counted once for all the steps.
    private let counts = PhraseCounts()

    init(query: SearchQuery, options: SearchOptions, db: Database) {
        self.query = query
        self.options = options
        self.db = db
    }

    mutating func run(raw: Bool, text: String) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        var seen = Set<String>()
        if let reference = query.reference, options.offset == 0, let row = try referenced(reference) {
            explain.append("reference \(reference) → \(row.type) \(row.ref)")
            hits.append(hit(row, matched: "reference"))
            seen.insert(row.ref)
        }
        let limit = options.limit + seen.count
        if let match = query.match {
            explain.append("search_fts MATCH \(match)" + (query.exclude.map { " NOT \($0)" } ?? ""))
            let rows = try words(match, raw: raw, text: text, limit: limit)
            hits += rows.filter { !seen.contains($0.ref) }.map { hit($0, matched: "words") }
            // A question ("why kafka not rabbitmq") rarely has every word in one record: then
            // records with some of the words, best first (bm25 rewards those with more).
            if hits.isEmpty, !raw, query.words.count > 1 {
                let relaxed = query.words.map(SearchTerm.quoted).joined(separator: " OR ")
                explain.append("no record has every word; search_fts MATCH \(relaxed)")
                hits += try words(relaxed, raw: false, text: text, limit: limit).filter {
                    !seen.contains($0.ref)
                }
                .map { hit($0, matched: "some words") }
            }
        }
        // The fallbacks widen a search that found nothing; a referenced record is an answer.
        if hits.isEmpty, !query.words.isEmpty || !query.text.isEmpty {
            hits += try substrings(limit: limit).filter { !seen.contains($0.ref) }.map {
                hit($0, matched: "substring")
            }
        }
        if query.match == nil && query.text.trimmingCharacters(in: .whitespaces).isEmpty
            && !query.filters.isEmpty
        {
            explain.append("filters only")
            hits += try SearchQueries.filtered(query.filters, limit: limit, offset: options.offset, db)
                .filter { !seen.contains($0.ref) }.map { hit($0, matched: "filters") }
        }
        if !query.filters.isEmpty { explain.append("filters \(query.filters.explained)") }
        return Array(hits.prefix(options.limit))
    }

    /// Word search; a raw FTS5 error becomes a message.
    private mutating func words(_ match: String, raw: Bool, text: String, limit: Int) throws -> [SearchRow] {
        let matches = RankedMatches(
            index: "search_fts", match: match, exclude: raw ? nil : query.exclude, isCanonical: !raw,
            narrowing: raw ? nil : query.filters.narrowing, filters: query.filters)
        do {
            return try ranked(matches, limit: limit)
        } catch let error as DatabaseError where raw {
            throw SearchError.badRawQuery(text, reason: error.message ?? "syntax error")
        }
    }

    /// A page of `matches`, saying in ``explain`` when only the newest were ranked.
    private mutating func ranked(_ matches: RankedMatches, limit: Int) throws -> [SearchRow] {
        let page = try SearchRanking.using(db) {
            try matches.page(limit: limit, offset: options.offset, counts: counts, db)
        }
        if let window = page.window {
            explain.append("\(window) or more records match; ranked the newest \(window)")
        }
        return page.rows
    }

    /// How many of the newest documents a substring search reads at most: walking the
    /// trigrams of a rare substring through 100,000 documents took up to 6 ms.
    static let substringReach: Int64 = 25_000
    /// How many of the newest documents that hold a substring search's trigrams have their
    /// text checked at first (more when fewer than a page pass).
    static let substringWindow = 250

    /// Substring search in the newest ``substringReach`` documents: the documents that hold
    /// the trigrams of the pieces of 3 or more characters, newest first, or every document
    /// when no piece is that long (two CJK characters, say), checked for every piece; those
    /// with all the pieces in the title first, then the newest (see ``Substrings``).
    private mutating func substrings(limit: Int) throws -> [SearchRow] {
        let pieces = query.text.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !pieces.isEmpty else { return [] }
        let newest = try counts.newest(db)
        let since = newest > Self.substringReach ? newest - Self.substringReach + 1 : 0
        if since > 0 { explain.append("substrings only in the newest \(Self.substringReach) documents") }
        var found: [(row: SearchRow, fields: [String])]
        if let prefilter = Substrings.prefilter(pieces) {
            explain.append("search_trigram MATCH \(prefilter), then the text checked for \(pieces)")
            var window = max(Self.substringWindow, 4 * (limit + options.offset))
            while true {
                let docs = try SearchQueries.newestMatchingDocuments(
                    prefilter, in: "search_trigram", since: since, upTo: window, db)
                found = try SearchQueries.substrings(
                    pieces, docs: docs, filters: query.filters, limit: limit, offset: options.offset, db)
                guard docs.count == window, found.count < limit, Int64(window) < Self.substringReach else {
                    break
                }
                window *= 4
            }
        } else {
            explain.append("substring scan for \(pieces)")
            found = try SearchQueries.substrings(
                pieces, docs: nil, since: since, filters: query.filters, limit: limit, offset: options.offset,
                db)
        }
        return found.map { row, fields in
            var row = row
            row.snippet = Substrings.snippet(fields: fields, pieces: pieces)
            return row
        }
    }

    private func referenced(_ reference: String) throws -> SearchRow? {
        guard let adr = try? ADRReference.resolve(reference, db) else { return nil }
        return try SearchQueries.document(type: "adr", ref: adr.rawValue, db)
    }

    /// Close indexed words for every query word the index does not hold.
    ///
    /// - Parameter found: whether the query was answered in full (a reference, or records
    ///   with every word); then no word needs a suggestion and the vocabulary is not read.
    func suggestions(found: Bool) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        guard !found else { return result }
        for word in query.words where word.count >= 3 && !Suggestions.questionWords.contains(word) {
            let folded = Suggestions.fold(word)
            let counted = counts.known("\"" + folded + "\"", in: "search_fts")
            guard !(try counted.map { $0 != 0 } ?? SearchQueries.vocabularyHas(folded, db)) else { continue }
            // `reconcil*` matched `reconcile`: a prefix that matched needs no suggestion.
            if query.match?.contains("\"\(word)\"*") == true,
                try SearchQueries.vocabularyHasPrefix(folded, db)
            {
                continue
            }
            let close = try Suggestions.indexed(closeTo: folded, db)
            if !close.isEmpty { result[word] = close }
        }
        return result
    }

    private func hit(_ row: SearchRow, matched: String) -> SearchHit {
        let (plain, parts) = Snippet.parts(row.snippet)
        return SearchHit(
            type: row.type, id: row.ref, number: row.number, title: row.title, status: row.status,
            live: row.live,
            snippet: plain, parts: parts, matched: matched, score: row.score)
    }
}
