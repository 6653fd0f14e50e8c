/// Varied search queries as newcomers type them: single common and rare words, several
/// words, questions, phrases, prefixes, filters, record references and typos.
struct QueryGenerator {
    /// What sort of query, for per-class figures.
    enum Kind: String, CaseIterable {
        case commonWord = "common-word"
        case rareWord = "rare-word"
        case twoWords = "two-words"
        case question
        case phrase
        case prefix
        case filtered
        case reference
        case typo
    }

    let vocabulary: Vocabulary
    let components: [String]
    let records: Int
    private var random: SeededRandom

    init(seed: UInt64, vocabulary: Vocabulary, components: [String], records: Int) {
        self.vocabulary = vocabulary
        self.components = components
        self.records = records
        random = SeededRandom(seed: seed, stream: "queries")
    }

    /// The mix: mostly words, some of each other kind.
    private static let weights: [(Kind, Int)] = [
        (.commonWord, 25), (.rareWord, 15), (.twoWords, 20), (.question, 10), (.phrase, 5), (.prefix, 5),
        (.filtered, 8), (.reference, 5), (.typo, 7),
    ]

    mutating func next() -> (kind: Kind, text: String) {
        var roll = random.below(Self.weights.reduce(0) { $0 + $1.1 })
        var kind = Kind.commonWord
        for (candidate, weight) in Self.weights {
            if roll < weight {
                kind = candidate
                break
            }
            roll -= weight
        }
        return (kind, text(kind))
    }

    private mutating func text(_ kind: Kind) -> String {
        switch kind {
        case .commonWord: return vocabulary.contentWord(&random)
        case .rareWord: return vocabulary.rareWord(&random)
        case .twoWords: return "\(vocabulary.contentWord(&random)) \(vocabulary.contentWord(&random))"
        case .question:
            let asks = ["why", "how", "who owns", "what about", "when did we"]
            return
                "\(random.pick(asks)) \(vocabulary.contentWord(&random)) \(vocabulary.contentWord(&random))"
        case .phrase: return "\"\(vocabulary.contentWord(&random)) \(vocabulary.word(&random))\""
        case .prefix:
            let word = vocabulary.contentWord(&random)
            return String(word.prefix(max(2, min(4, word.count - 1)))) + "*"
        case .filtered:
            return "component:\(random.pick(components)) \(vocabulary.contentWord(&random))"
        case .reference: return "ADR-\(1 + random.below(max(records, 1)))"
        case .typo:
            var letters = Array(vocabulary.contentWord(&random))
            if letters.count > 3 { letters.swapAt(1, 2) } else { letters.append("x") }
            return String(letters)
        }
    }

    /// Single words for the end-to-end comparison with grep and rg (which know no ranking or
    /// query language): a third common, a third in the middle of the ranks, a third rare.
    mutating func plainWords(_ count: Int) -> [String] {
        (0..<count).map { index in
            switch index % 3 {
            case 0: vocabulary.word(rank: vocabulary.functionWordCount + random.below(60))
            case 1: vocabulary.word(rank: vocabulary.functionWordCount + 100 + random.below(300))
            default: vocabulary.rareWord(&random)
            }
        }
    }
}
