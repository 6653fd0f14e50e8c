/// Substring search over the trigram index, which records only which documents hold each
/// trigram (`detail = 'none'`): the trigrams of the pieces find the candidates, the text is
/// checked for each piece (``SearchQueries/substrings(_:docs:since:filters:limit:offset:_:)``),
/// and the snippet is cut and marked here.
enum Substrings {
    /// At most this many trigrams of one piece go to FTS5, spread along it: each is a
    /// document list to walk, and the text check catches what fewer let through.
    static let trigramsPerPiece = 12

    /// An FTS5 expression for `search_trigram` that every document holding all the pieces
    /// matches: the trigrams of each piece of 3 or more characters, AND-ed (a phrase of
    /// trigrams needs positions, which the index does not keep). Nil when no piece is long
    /// enough.
    static func prefilter(_ pieces: [String]) -> String? {
        var seen = Set<String>()
        var trigrams: [String] = []
        for piece in pieces {
            let scalars = Array(piece.lowercased().unicodeScalars)
            guard scalars.count >= 3 else { continue }
            let starts = Array(0...(scalars.count - 3))
            let step = max(1, (starts.count + trigramsPerPiece - 1) / trigramsPerPiece)
            var chosen = stride(from: 0, to: starts.count, by: step).map { starts[$0] }
            if chosen.last != starts.last { chosen.append(starts.count - 1) }
            for start in chosen {
                var trigram = String.UnicodeScalarView()
                trigram.append(contentsOf: scalars[start..<start + 3])
                let text = String(trigram)
                if seen.insert(text).inserted { trigrams.append(text) }
            }
        }
        guard !trigrams.isEmpty else { return nil }
        return trigrams.map(SearchTerm.quoted).joined(separator: " AND ")
    }

    /// Characters of context before the first match in a snippet, and its whole length, about
    /// as much as the dozen words of the word index's snippets.
    static let lead = 30
    static let length = 100

    /// The passage of the field that holds the most pieces (the first such field in index
    /// order: title, decision, tags, body), with every occurrence of a piece marked by
    /// ``SearchQueries/open`` and ``SearchQueries/close`` and `…` where the field goes on,
    /// as FTS5's `snippet` writes it.
    static func snippet(fields: [String], pieces: [String]) -> String {
        let needles = pieces.map { Array($0).map(fold) }.filter { !$0.isEmpty }
        var best: (text: [Character], marks: [Range<Int>], held: Int)?
        for field in fields {
            let text = Array(field)
            let folded = text.map(fold)
            var marks: [Range<Int>] = []
            var held = 0
            for needle in needles {
                let found = occurrences(of: needle, in: folded)
                if !found.isEmpty { held += 1 }
                marks += found
            }
            if held > (best?.held ?? 0) { best = (text, marks, held) }
        }
        guard let best, let first = best.marks.min(by: { $0.lowerBound < $1.lowerBound }) else { return "" }
        let text = best.text
        var start = max(0, first.lowerBound - lead)
        while start > 0, start < first.lowerBound, !text[start - 1].isWhitespace { start += 1 }
        var end = min(text.count, max(start + length, first.upperBound))
        while end < text.count, end > first.upperBound, !text[end].isWhitespace { end -= 1 }
        var marked = start > 0 ? "…" : ""
        var position = start
        for mark in best.marks.sorted(by: { $0.lowerBound < $1.lowerBound })
        where mark.lowerBound >= position && mark.upperBound <= end {
            marked +=
                String(text[position..<mark.lowerBound]) + SearchQueries.open
                + String(text[mark]) + SearchQueries.close
            position = mark.upperBound
        }
        marked += String(text[position..<end]) + (end < text.count ? "…" : "")
        return marked
    }

    /// A character as the text check compares it: lowercased.
    private static func fold(_ character: Character) -> String { character.lowercased() }

    /// Where `needle` starts in `text`, without overlaps.
    private static func occurrences(of needle: [String], in text: [String]) -> [Range<Int>] {
        guard needle.count <= text.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + needle.count <= text.count {
            if text[index] == needle[0], text[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
