extension SearchFilters {
    /// An FTS5 condition on `search_fts` that every document passing the component and tag
    /// filters meets, for FTS5 to check before any row is read: the name's words, in a row,
    /// in the title or tags field (where the index puts a record's tags and components, and a
    /// component's own name). Nil when those filters are not set or a name has no words.
    var narrowing: String? {
        var conditions: [String] = []
        for names in [components, tags] where !names.isEmpty {
            guard names.allSatisfy({ $0.contains(where: SearchTerm.isWordCharacter) }) else { continue }
            let phrases = names.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }
            conditions.append("{title tags} : (" + phrases.joined(separator: " OR ") + ")")
        }
        return conditions.isEmpty ? nil : conditions.joined(separator: " AND ")
    }
}
