import Foundation
import GRDB

/// How many documents hold each phrase, counted once per search: the words of a question
/// are counted for the search of every word, then again for the search of some of them,
/// then for suggestions.
///
/// A count is what `lore_rank` takes (see ``SearchRanking``): the number of documents when
/// fewer than ``sample`` hold the phrase, else minus the share of documents that do,
/// estimated from how densely the newest ``sample`` occur among the newest documents.
final class PhraseCounts {
    /// How many of the newest documents that hold a phrase are counted.
    static let sample = 100

    private var counts: [String: Double] = [:]
    private var newest: Int64?

    /// The count of `phrase` in `index`, counting it if this search has not yet; when only
    /// documents from rowid `since` on are searched, the share among those.
    func count(_ phrase: String, in index: String, since: Int64 = 0, _ db: Database) throws -> Double {
        if let known = counts[key(phrase, index, since)] { return known }
        let (count, oldest) = try SearchQueries.newestMatches(
            phrase, in: index, since: since, upTo: Self.sample, db)
        let value = try self.value(count, complete: count < Self.sample, oldest: oldest, since: since, db)
        counts[key(phrase, index, since)] = value
        return value
    }

    /// The count for `count` documents found newest first from rowid `since` on, down to
    /// `oldest`: all there are when `complete`.
    func value(_ count: Int, complete: Bool, oldest: Int64?, since: Int64, _ db: Database) throws -> Double {
        if complete && since == 0 { return Double(count) }
        return -Self.share(count, oldest: complete ? since : oldest ?? since, newest: try newest(db))
    }

    /// The count of `phrase` in `index` if this search has it.
    func known(_ phrase: String, in index: String, since: Int64 = 0) -> Double? {
        counts[key(phrase, index, since)]
    }

    /// Records a count found along the way.
    func record(_ phrase: String, in index: String, since: Int64 = 0, _ count: Double) {
        counts[key(phrase, index, since)] = count
    }

    private func key(_ phrase: String, _ index: String, _ since: Int64) -> String {
        "\(index) \(since) \(phrase)"
    }

    /// The newest document's rowid.
    func newest(_ db: Database) throws -> Int64 {
        if let newest { return newest }
        let found = try SearchQueries.newestDocument(db)
        newest = found
        return found
    }

    /// The share of documents that hold a phrase when `count` of them lie between `oldest`
    /// and the newest document.
    static func share(_ count: Int, oldest: Int64, newest: Int64) -> Double {
        Double(count) / Double(max(1, newest - oldest + 1))
    }

    /// bm25's inverse document frequency of a phrase held by `documents` of `rows` documents.
    static func inverseFrequency(_ documents: Double, rows: Double) -> Double {
        let idf = log((rows - documents + 0.5) / (documents + 0.5))
        return idf > 0 ? idf : 1e-6
    }
}
