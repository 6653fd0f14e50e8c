/// One piece of a search as typed: a term, a filter or an operator.
enum SearchToken: Hashable {
    case term(SearchTerm)
    /// A known `key:value`; `isExcluded` when written `-key:value`.
    case filter(SearchFilters.Key, String, isExcluded: Bool)
    case and
    case or
    case not

    /// Splits what a person typed into tokens, left to right.
    ///
    /// Control characters become spaces first: FTS5 reads a NUL inside a quoted string as
    /// the end of the expression ("unterminated string").
    static func scan(_ input: String) -> [SearchToken] {
        var scanner = Scanner(characters: input.map { isControl($0) ? " " : $0 })
        var tokens: [SearchToken] = []
        while let token = scanner.next() {
            tokens.append(token)
        }
        return tokens
    }

    /// The text without leading and trailing whitespace or control characters.
    static func trimmed(_ text: some StringProtocol) -> String {
        let isBlank = { (character: Character) in character.isWhitespace || isControl(character) }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
            let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

/// Reads tokens from characters that hold no control characters.
private struct Scanner {
    let characters: [Character]
    var index = 0

    init(characters: [Character]) {
        self.characters = characters
    }

    mutating func next() -> SearchToken? {
        while index < characters.count, characters[index].isWhitespace {
            index += 1
        }
        guard index < characters.count else { return nil }
        let isExcluded = characters[index] == "-" && startsTerm(at: index + 1)
        if isExcluded { index += 1 }
        if characters[index] == "\"" { return .term(phrase(isExcluded: isExcluded)) }
        if let filter = filter(isExcluded: isExcluded) { return filter }
        let word = read(until: \.isWhitespace)
        if !isExcluded {
            switch word {
            case "AND": return .and
            case "OR": return .or
            case "NOT": return .not
            default: break
            }
        }
        return .term(SearchTerm(word: word, isExcluded: isExcluded))
    }

    /// Whether a `-` just before `index` excludes: it must touch a term, and `--` is text.
    private func startsTerm(at index: Int) -> Bool {
        index < characters.count && !characters[index].isWhitespace && characters[index] != "-"
    }

    /// `"a phrase"`, `"a prefix phrase"*`, or `"runs to the end` when unterminated.
    private mutating func phrase(isExcluded: Bool) -> SearchTerm {
        let start = index
        let (content, isClosed) = quoted()
        var isPrefix = false
        while isClosed, index < characters.count, characters[index] == "*" {
            isPrefix = true
            index += 1
        }
        return SearchTerm(
            text: content, raw: String(characters[start..<index]), isPrefix: isPrefix, isExcluded: isExcluded)
    }

    /// Reads from an opening quote to the closing one, or to the end when there is none.
    private mutating func quoted() -> (content: String, isClosed: Bool) {
        index += 1
        let content = read(until: { $0 == "\"" })
        guard index < characters.count else { return (content, false) }
        index += 1
        return (content, true)
    }

    /// `status:accepted`, `component:"billing api"`; nil (and nothing read) for any other text.
    private mutating func filter(isExcluded: Bool) -> SearchToken? {
        var colon = index
        while colon < characters.count, colon - index <= 9, characters[colon].isLetter {
            colon += 1
        }
        guard colon < characters.count, characters[colon] == ":",
            let key = SearchFilters.Key(rawValue: String(characters[index..<colon]).lowercased())
        else { return nil }
        index = colon + 1
        let isQuoted = index < characters.count && characters[index] == "\""
        let value = isQuoted ? quoted().content : read(until: \.isWhitespace)
        return .filter(key, value, isExcluded: isExcluded)
    }

    private mutating func read(until stop: (Character) -> Bool) -> String {
        let start = index
        while index < characters.count, !stop(characters[index]) {
            index += 1
        }
        return String(characters[start..<index])
    }
}
