/// A piece of a snippet: text, and whether it is a matched word.
public struct SnippetPart: Sendable, Hashable, Codable {
    public var text: String
    public var match: Bool
}

/// One search result.
public struct SearchHit: Sendable, Hashable, Codable {
    /// `adr` (later also `note`, `component`, `handoff`).
    public var type: String
    /// The record's permanent id.
    public var id: String
    public var number: Int?
    public var title: String
    public var status: String
    /// False for superseded, rejected, deprecated or retracted records: ranked below live ones.
    public var live: Bool
    /// The best passage, plain.
    public var snippet: String
    /// The same passage split into matched and unmatched parts.
    public var parts: [SnippetPart]
    /// How it matched: `reference`, `words`, `some words` (no record had them all),
    /// `substring` or `filters`.
    public var matched: String
    /// The bm25 score (lower is better), with the number of records holding each word
    /// estimated when there are many; 0 for references and filter-only listings.
    public var score: Double
}

/// What `lore search` found.
public struct SearchResults: Sendable, Hashable, Codable {
    public var query: String
    public var hits: [SearchHit]
    /// Close words from the index for query words that match nothing ("did you mean").
    public var suggestions: [String: [String]]
    /// The FTS5 expressions and filters that ran, for `--explain`.
    public var explain: [String]
}

/// Which results to return.
public struct SearchOptions: Sendable {
    public var limit: Int
    public var offset: Int
    /// Pass the query to FTS5 as written (for experts).
    public var raw: Bool
    /// Filters added by command-line flags (`--type`, `--component`, `--status`).
    public var filters: SearchFilters

    public init(limit: Int = 20, offset: Int = 0, raw: Bool = false, filters: SearchFilters = SearchFilters())
    {
        self.limit = limit
        self.offset = offset
        self.raw = raw
        self.filters = filters
    }
}
