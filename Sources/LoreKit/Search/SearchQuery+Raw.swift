extension SearchQuery {
    /// A query passed to FTS5 as written (`lore search --raw`), for experts.
    static func raw(_ text: String) -> SearchQuery {
        var query = SearchQuery.parse("")
        query.match = text
        return query
    }
}

extension SearchFilters {
    /// Adds another set of filters (command-line flags) to these (typed in the query).
    mutating func merge(_ other: SearchFilters) {
        types += other.types
        statuses += other.statuses
        components += other.components
        tags += other.tags
        authors += other.authors
        after = other.after ?? after
        before = other.before ?? before
    }
}

extension SearchFilters {
    /// The filters as a person would type them: `type:adr status:accepted after:2024-03-01`.
    var explained: String {
        var parts: [String] = []
        for (key, values) in [
            ("type", types), ("status", statuses), ("component", components), ("tag", tags),
            ("author", authors),
        ] {
            parts += values.map { "\(key):\($0)" }
        }
        if let after { parts.append("after:\(after)") }
        if let before { parts.append("before:\(before)") }
        return parts.joined(separator: " ")
    }
}
