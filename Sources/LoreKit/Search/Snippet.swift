/// Splits an FTS5 snippet with match markers into plain text and parts.
enum Snippet {
    static func parts(_ marked: String) -> (plain: String, parts: [SnippetPart]) {
        var parts: [SnippetPart] = []
        var current = ""
        var inMatch = false
        func flush() {
            if !current.isEmpty { parts.append(SnippetPart(text: current, match: inMatch)) }
            current = ""
        }
        for character in marked {
            switch String(character) {
            case SearchQueries.open:
                flush()
                inMatch = true
            case SearchQueries.close:
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
