import GRDB

extension Suggestions {
    /// A part of the word index to read for suggestions.
    enum Probe: Hashable {
        /// The indexed words that start with these letters.
        case prefix(String)
        /// This one word, if the index holds it.
        case word(String)
    }

    /// Up to `count` indexed words close to `word`, as ``best(for:in:count:)`` ranks them,
    /// read from only the parts of the index where a typical slip would put them.
    ///
    /// Reading a range of `search_vocab` costs as much as the documents its words are in
    /// (the whole vocabulary took 300 ms at 100,000 records, a range of words sharing three
    /// letters up to 2 ms), so the candidates are the words that ``probes(for:)`` names; when
    /// none of them is one edit away, the words that share the first three letters, then the
    /// first two, are read too.
    ///
    /// - Parameter word: a word the index does not hold, folded as the index folds.
    static func indexed(closeTo word: String, count: Int = 3, _ db: Database) throws -> [String] {
        let limit = distanceLimit(word.count)
        let lengths = max(1, word.count - limit)...(word.count + limit)
        var candidates: [String: Int] = [:]
        func read(_ probe: Probe) throws {
            switch probe {
            case .prefix(let prefix):
                for (term, docs) in try SearchQueries.vocabulary(startingWith: prefix, lengths: lengths, db) {
                    candidates[term] = docs
                }
            case .word(let term):
                if let docs = try SearchQueries.vocabularyCount(term, db) { candidates[term] = docs }
            }
        }
        let probes = probes(for: word)
        for probe in probes { try read(probe) }
        var close = ranked(for: word, in: candidates.map { ($0.key, $0.value) })
        for wider in [3, 2] where close.first.map({ $0.distance > 1 }) ?? true {
            let prefix = Probe.prefix(String(word.prefix(wider)))
            guard !probes.contains(prefix) else { continue }
            try read(prefix)
            close = ranked(for: word, in: candidates.map { ($0.key, $0.value) })
        }
        return close.prefix(count).map(\.term)
    }

    /// Where the words close to `word` are, when the slip that made `word` is a typical one.
    ///
    /// Words that keep its first letters (four of a word of 6 characters or more, else
    /// three), which covers any slip after them; and the words that `word` becomes when a
    /// slip among those letters is undone: two neighbouring letters swapped back (`kfaka` →
    /// `kafka`, `tema` → `team`), or an extra letter taken out (`kaafka` → `kafka`). With two
    /// edits allowed (words of 5 characters or more) a second slip may follow, so those are
    /// prefixes too; with one, exact words.
    ///
    /// - Parameter word: a folded word of 3 characters or more.
    static func probes(for word: String) -> [Probe] {
        let letters = Array(word)
        guard letters.count >= 3 else { return [.prefix(word)] }
        let kept = letters.count >= 6 ? 4 : 3
        func swapped(_ index: Int) -> [Character] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            return swapped
        }
        func dropped(_ index: Int) -> [Character] {
            var dropped = letters
            dropped.remove(at: index)
            return dropped
        }
        let swaps = (0..<min(kept, letters.count - 1)).map(swapped)
        let drops = (0..<kept).map(dropped)
        let oneEdit = distanceLimit(letters.count) == 1
        var probes: [Probe] = [.prefix(String(letters.prefix(kept)))]
        for candidate in swaps + drops {
            let probe: Probe =
                oneEdit || candidate.count < 3
                ? .word(String(candidate)) : .prefix(String(candidate.prefix(kept)))
            if !probes.contains(probe) { probes.append(probe) }
        }
        return probes
    }
}
