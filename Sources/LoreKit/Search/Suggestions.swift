import Foundation

/// "Did you mean": close words from the index for words that match nothing.
enum Suggestions {
    /// Words people type in questions that are not worth a "did you mean".
    static let questionWords: Set<String> = [
        "why", "what", "who", "whom", "when", "where", "which", "how", "not", "the", "and", "for", "with",
        "does",
        "did", "are", "was", "were", "should", "would", "could", "can", "our", "use", "used", "instead",
        "than",
    ]

    /// The word as the index folds it: lowercase, diacritics removed.
    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Up to `count` indexed words within edit distance 2 (1 for short words), closest
    /// first, then most frequent.
    static func best(for word: String, in vocabulary: [(String, Int)], count: Int = 3) -> [String] {
        ranked(for: word, in: vocabulary).prefix(count).map(\.term)
    }

    /// The words of `vocabulary` within edit distance 2 (1 for words of 4 characters or
    /// fewer) of `word`, closest first, then most frequent.
    static func ranked(for word: String, in vocabulary: [(String, Int)]) -> [(term: String, distance: Int)] {
        let target = Array(fold(word))
        let limit = distanceLimit(target.count)
        var scored: [(term: String, distance: Int, docs: Int)] = []
        for (term, docs) in vocabulary {
            let candidate = Array(term)
            guard abs(candidate.count - target.count) <= limit, candidate != target else { continue }
            let distance = editDistance(target, candidate, limit: limit)
            if distance <= limit { scored.append((term, distance, docs)) }
        }
        scored.sort { ($0.distance, -$0.docs, $0.term) < ($1.distance, -$1.docs, $1.term) }
        return scored.map { ($0.term, $0.distance) }
    }

    /// How many edits a suggestion may be away from a word of `length` characters.
    static func distanceLimit(_ length: Int) -> Int { length <= 4 ? 1 : 2 }

    /// Damerau-Levenshtein (optimal string alignment) distance, giving up past `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
