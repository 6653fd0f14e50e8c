/// Splits an FTS5 snippet with match markers into plain text and parts.
enum Snippet {
    private static let open = Character(SearchQueries.open)
    private static let close = Character(SearchQueries.close)

    static func parts(_ marked: String) -> (plain: String, parts: [SnippetPart]) {
        var parts: [SnippetPart] = []
        var current = ""
        var inMatch = false
        func flush() {
            if !current.isEmpty { parts.append(SnippetPart(text: current, match: inMatch)) }
            current = ""
        }
        for character in marked {
            switch character {
            case open:
                flush()
                inMatch = true
            case close:
                flush()
                inMatch = false
            case "\n", "\r", "\t": current.append(" ")
            default: current.append(character)
            }
        }
        flush()
        return (parts.map(\.text).joined(), parts)
    }
}
