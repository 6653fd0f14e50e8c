import Foundation
import LoreKit

/// In-process search timing, and the words the end-to-end comparison with grep uses.
enum SearchCommands {
    /// `search`: `--queries` varied queries against an existing store, each timed alone after
    /// a warm-up; percentiles overall and per kind of query, and the slowest queries.
    static func search(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let count = try arguments.int("queries")
        let limit = try arguments.int("limit", default: 10)
        let store = try Store.open(location, keyRing: keys)
        if let text = try? arguments.string("text") {
            return try one(text, store: store, count: count, limit: limit)
        }
        let components = try store.components().map(\.name)
        let records = try store.stats().adrsByStatus.values.reduce(0, +)
        let vocabulary = Vocabulary()
        let options = SearchOptions(limit: limit)
        var warmUp = QueryGenerator(
            seed: try arguments.seed ^ 0xa5a5, vocabulary: vocabulary, components: components,
            records: records)
        for _ in 0..<min(100, count) { _ = try store.search(warmUp.next().text, options: options) }
        var queries = QueryGenerator(
            seed: try arguments.seed, vocabulary: vocabulary, components: components, records: records)
        var timed: [(kind: QueryGenerator.Kind, text: String, seconds: Double, hits: Int)] = []
        for _ in 0..<count {
            let (kind, text) = queries.next()
            let (results, seconds) = try Measure.time { try store.search(text, options: options) }
            timed.append((kind, text, seconds, results.hits.count))
        }
        let times = timed.map(\.seconds)
        var line = ResultLine("search")
        line.add("records", records)
        line.add("queries", count)
        line.add("p50_s", Measure.percentile(times, 50))
        line.add("p90_s", Measure.percentile(times, 90))
        line.add("p99_s", Measure.percentile(times, 99))
        line.add("max_s", times.max() ?? 0)
        line.add("answered", timed.filter { $0.hits > 0 }.count)
        for kind in QueryGenerator.Kind.allCases {
            let some = timed.filter { $0.kind == kind }.map(\.seconds)
            if !some.isEmpty { line.add("p50_\(kind.rawValue)_s", Measure.percentile(some, 50)) }
            if !some.isEmpty { line.add("p99_\(kind.rawValue)_s", Measure.percentile(some, 99)) }
        }
        line.add(
            "slowest",
            timed.sorted { $0.seconds > $1.seconds }.prefix(8).map {
                String(format: "%.2f ms ", $0.seconds * 1000)
                    + "\($0.kind.rawValue) '\($0.text)' \($0.hits) hits"
            })
        line.emit()
    }

    /// `search --text QUERY`: one query, timed `--queries` times after a warm-up (for a
    /// profiler), with what it found and how.
    private static func one(_ text: String, store: Store, count: Int, limit: Int) throws {
        let options = SearchOptions(limit: limit)
        let results = try store.search(text, options: options)
        var times: [Double] = []
        for _ in 0..<count { times.append(try Measure.time { try store.search(text, options: options) }.1) }
        var line = ResultLine("search-one")
        line.add("text", text)
        line.add("queries", count)
        line.add("p50_s", Measure.percentile(times, 50))
        line.add("p99_s", Measure.percentile(times, 99))
        line.add("hits", results.hits.count)
        line.add("explain", results.explain)
        line.emit()
    }

    /// `words`: `--count` single words, common to rare, for `lore search` vs grep and rg.
    static func words(_ arguments: Arguments) throws {
        var queries = QueryGenerator(
            seed: try arguments.seed, vocabulary: Vocabulary(), components: ["none"], records: 1)
        var line = ResultLine("words")
        line.add("words", queries.plainWords(try arguments.int("count")))
        line.emit()
    }
}
