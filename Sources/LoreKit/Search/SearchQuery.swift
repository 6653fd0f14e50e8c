/// A parsed search: text to match and filters to apply.
///
/// ``parse(_:)`` accepts anything a person types, never fails, and never produces an
/// expression that FTS5 rejects: every user token reaches FTS5 inside double quotes with
/// `"` doubled, so FTS5 syntax (`NEAR(...)`, `col:value`, `^start`, `{a b}`, `+`) is
/// only ever text.
///
/// The grammar, in order of precedence:
///
/// - **Words** are separated by whitespace (control characters count as whitespace) and
///   implicitly AND-ed. `"exact phrases"` match adjacent words; an unterminated quote runs
///   to the end of the input. A trailing `*` makes a prefix query: `rabbit*` → `"rabbit"*`,
///   `"event sour"*` → `"event sour"*`.
/// - **Operators** are `AND`, `OR` and `NOT`, only in capitals and standing alone; `and`,
///   `or` and `not` are ordinary words. `OR` binds tighter than the implicit AND and chains:
///   `x y OR z OR w` → `"x" AND ("y" OR "z" OR "w")`. `AND` is the implicit AND written out.
///   Dangling operators (`x OR`, `OR x`, a lone `NOT`, `AND AND`) are dropped.
/// - **Exclusions**: `-word`, `-"a phrase"` and `NOT word` put the term in ``exclude``, not
///   ``match``, because FTS5's `NOT` is binary. A `-` followed by whitespace or another `-`
///   is text (`--force` searches for `force`).
/// - **Filters**: `type:`, `status:`, `component:`, `tag:`, `author:`, `after:` and
///   `before:` (key in any case; value may be quoted: `component:"billing api"`). See
///   ``SearchFilters``. An unknown `key:value` (`foo:bar`, `http://x`, `10:30`) is text; a
///   filter with an empty value, a bad date, or a `-`/`NOT` in front is dropped.
/// - **Parentheses** are punctuation, not grouping.
///
/// A term reaches FTS5 only if it holds a letter or a number (Unicode categories L and N);
/// terms of pure punctuation, symbols or emoji (`*`, `%`, `🚀`) stay in ``text`` but not
/// in ``match``, since FTS5 would read them as a phrase with no tokens.
///
/// The canonical spelling of ``match`` joins terms with an explicit ` AND ` and wraps each
/// `OR` chain in parentheses: `why kafka not rabbitmq` → `"why" AND "kafka" AND "not" AND
/// "rabbitmq"`; `kafka OR rabbit* -celery` → match `("kafka" OR "rabbit"*)`, exclude
/// `"celery"`. Repeated terms and repeated exclusions appear once.
public struct SearchQuery: Sendable, Hashable {
    /// The FTS5 expression for what must match, every user token double-quoted; nil when the query has no positive text.
    public var match: String?
    /// An FTS5 expression for what must not match (`-word`, `NOT word`), OR-ed together; nil when none.
    public var exclude: String?
    public var filters: SearchFilters
    /// The query is a record reference (`ADR-12`, `adr 12`, `#12`, `12`, `0012`, or 4+ hex/dash chars that could be an id prefix like `1b4e` or `1b4eb7ea-538a`): the text as typed, trimmed.
    ///
    /// A hint, not a verdict: the other fields are filled in as for any query, and words
    /// such as `cafe` or `decade` look like id prefixes too.
    public var reference: String?
    /// The plain words of the positive text, lowercased, without quotes or `*` (for "did you mean" and trigram fallback).
    ///
    /// Each kept term split into its runs of letters and numbers (`don't` → `don`, `t`),
    /// each word once, in order of first appearance.
    public var words: [String]
    /// The positive text as typed minus filters and operators (for the substring fallback).
    ///
    /// Terms joined by single spaces; a phrase without its quotes, a prefix without its
    /// `*`. Terms of pure punctuation stay (`50 %` → `50 %`, `"` → `"`).
    public var text: String

    /// Makes a query from its parts.
    public init(
        match: String? = nil, exclude: String? = nil, filters: SearchFilters = SearchFilters(),
        reference: String? = nil, words: [String] = [], text: String = ""
    ) {
        self.match = match
        self.exclude = exclude
        self.filters = filters
        self.reference = reference
        self.words = words
        self.text = text
    }

    /// ``match`` with ``exclude`` taken away, as one FTS5 expression: `(match) NOT (exclude)`.
    ///
    /// Nil when there is no positive text; a query with only exclusions has to list
    /// everything and remove the rows ``exclude`` matches.
    public var expression: String? {
        guard let match else { return nil }
        guard let exclude else { return match }
        return "(\(match)) NOT (\(exclude))"
    }

    /// Parses anything a person types.
    ///
    /// - Parameter input: The search as typed.
    /// - Returns: The query; never fails, whatever the input.
    public static func parse(_ input: String) -> SearchQuery {
        var builder = Builder()
        for token in SearchToken.scan(input) {
            builder.add(token)
        }
        return SearchQuery(
            match: builder.match, exclude: builder.exclude, filters: builder.filters,
            reference: reference(in: input), words: builder.words,
            text: builder.textPieces.joined(separator: " "))
    }
}

extension SearchQuery {
    /// Folds the scanned tokens into OR-groups, exclusions and filters.
    private struct Builder {
        /// Positive terms: the outer list is AND-ed, each inner list OR-ed.
        var groups: [[SearchTerm]] = []
        var excluded: [SearchTerm] = []
        var filters = SearchFilters()
        var textPieces: [String] = []
        /// An `OR` follows a positive term and waits for the next one.
        var pendingOr = false
        /// A `NOT` waits for the term it excludes.
        var pendingNot = false
        /// The last thing seen was a positive term that an `OR` may extend.
        var lastWasPositive = false

        mutating func add(_ token: SearchToken) {
            switch token {
            case .and:
                pendingOr = false
                lastWasPositive = false
            case .or:
                if !pendingNot && lastWasPositive { pendingOr = true }
                lastWasPositive = false
            case .not:
                pendingNot = true
                pendingOr = false
                lastWasPositive = false
            case .filter(let key, let value, let isExcluded):
                // Filters are outside the text: they neither break nor extend an OR chain.
                // Negated filters are not supported and are dropped with their `NOT`.
                if !isExcluded && !pendingNot { filters.add(key, value) }
                pendingNot = false
            case .term(let term):
                add(term)
            }
        }

        private mutating func add(_ term: SearchTerm) {
            if term.isExcluded || pendingNot {
                if term.isSearchable { excluded.append(term) }
                pendingNot = false
                pendingOr = false
                lastWasPositive = false
                return
            }
            textPieces.append(term.textPiece)
            guard term.isSearchable else {
                // Matches nothing, so it ends an OR chain like any other term would.
                pendingOr = false
                lastWasPositive = false
                return
            }
            if pendingOr, !groups.isEmpty {
                groups[groups.count - 1].append(term)
            } else {
                groups.append([term])
            }
            pendingOr = false
            lastWasPositive = true
        }

        var match: String? {
            var seen: Set<String> = []
            let rendered = groups.compactMap { group -> String? in
                let alternatives = unique(group.map(\.expression))
                let either = alternatives.joined(separator: " OR ")
                let text = alternatives.count == 1 ? either : "(\(either))"
                return seen.insert(text).inserted ? text : nil
            }
            return rendered.isEmpty ? nil : rendered.joined(separator: " AND ")
        }

        var exclude: String? {
            let rendered = unique(excluded.map(\.expression))
            return rendered.isEmpty ? nil : rendered.joined(separator: " OR ")
        }

        var words: [String] {
            unique(groups.joined().flatMap { SearchTerm.words(in: $0.text) })
        }

        private func unique(_ items: [String]) -> [String] {
            var seen: Set<String> = []
            return items.filter { seen.insert($0).inserted }
        }
    }

    /// The whole input when it names a record: a display number in any common spelling, or
    /// a prefix of a permanent id (a lowercase UUID, so dashes only where a UUID has them).
    static func reference(in input: String) -> String? {
        let trimmed = SearchToken.trimmed(input)
        guard !trimmed.isEmpty else { return nil }
        var rest = Substring(trimmed)
        if rest.prefix(3).lowercased() == "adr" {
            rest = rest.dropFirst(3).drop(while: { $0 == "-" || $0 == "_" || $0 == " " })
        } else if rest.first == "#" {
            rest = rest.dropFirst()
        }
        if !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), Int(rest) != nil {
            return trimmed
        }
        return isIDPrefix(trimmed) ? trimmed : nil
    }

    /// `1b4e`, `1B4EB7EA-538a`: 4 to 36 hex digits with dashes only at a UUID's dash positions.
    private static func isIDPrefix(_ text: String) -> Bool {
        let dashes: Set<Int> = [8, 13, 18, 23]
        guard (4...36).contains(text.count) else { return false }
        return text.enumerated().allSatisfy { offset, character in
            dashes.contains(offset) ? character == "-" : character.isASCII && character.isHexDigit
        }
    }
}
