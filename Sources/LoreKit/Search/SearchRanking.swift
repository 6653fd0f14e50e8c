import GRDB
import GRDBSQLite

/// `lore_rank(index, documents…)`: FTS5's `bm25` with lore's column weights (title 10,
/// decision 5, tags 3, body 1), told how many documents hold each phrase instead of counting.
///
/// `bm25` counts the documents of every phrase once per query, reading the whole document
/// list of each word: a millisecond for a common word at 100,000 records, however few rows
/// are ranked. `lore_rank` takes one argument per phrase of the expression, in order:
///
/// - a count `n` ≥ 0: `n` documents hold the phrase (the same score as `bm25`);
/// - a fraction `-f` < 0: a share `f` of the documents hold it (an estimate);
/// - `NULL`: the phrase does not count towards the score (a filter, an exclusion);
/// - no argument: count the documents, as `bm25` does.
///
/// `lore_rows(index)` is how many documents the index holds, for scaling a score that was
/// computed with a stand-in count.
enum SearchRanking {
    static let function = "lore_rank"
    static let rowsFunction = "lore_rows"

    /// Runs `work`, which uses ``function`` or ``rowsFunction``, first registering them on
    /// this connection if it does not have them yet.
    static func using<T>(_ db: Database, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError
            where [function, rowsFunction].contains(where: { error.message == "no such function: \($0)" })
        {
            let api = FTS5.api(db)
            let creating = UnsafeMutablePointer(mutating: api)
            for (name, body) in [(function, rank), (rowsFunction, documentCount)] {
                let code = api.pointee.xCreateFunction(creating, name, nil, body, nil)
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            }
            return try work()
        }
    }
}

/// The FTS5 auxiliary function `lore_rows`: the number of documents in the index.
private let documentCount: fts5_extension_function = { api, fts, context, _, _ in
    var rows: sqlite3_int64 = 0
    guard let api = api?.pointee, let fts, api.xRowCount(fts, &rows) == SQLITE_OK else {
        sqlite3_result_error_code(context, SQLITE_ERROR)
        return
    }
    sqlite3_result_int64(context, rows)
}

/// Column weights, in the order of the index's columns.
private let weights: [Double] = [10, 5, 3, 1]

/// What `rank` works out once per query: the phrase count, the mean document length, and
/// each phrase's inverse document frequency.
private func queryData(
    _ api: Fts5ExtensionApi, _ fts: OpaquePointer, _ count: Int32,
    _ values: UnsafeMutablePointer<OpaquePointer?>?
) -> UnsafeMutablePointer<Double>? {
    if let cached = api.xGetAuxdata(fts, 0) { return cached.assumingMemoryBound(to: Double.self) }
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK else {
        return nil
    }
    let phrases = Int(api.xPhraseCount(fts))
    let data = UnsafeMutablePointer<Double>.allocate(capacity: phrases + 2)
    data[0] = Double(phrases)
    data[1] = rows > 0 ? Double(tokens) / Double(rows) : 1
    for phrase in 0..<phrases {
        var documents: Double
        if phrase < Int(count), let value = values?[phrase] {
            guard sqlite3_value_type(value) != SQLITE_NULL else {
                data[phrase + 2] = 0
                continue
            }
            documents = sqlite3_value_double(value)
            if documents < 0 { documents = -documents * Double(rows) }
        } else {
            var hits: sqlite3_int64 = 0
            let code = api.xQueryPhrase(fts, Int32(phrase), &hits) { _, _, hits in
                hits?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else {
                data.deallocate()
                return nil
            }
            documents = Double(hits)
        }
        data[phrase + 2] = PhraseCounts.inverseFrequency(documents, rows: Double(rows))
    }
    guard api.xSetAuxdata(fts, data, { $0?.deallocate() }) == SQLITE_OK else { return nil }
    return data
}

/// The FTS5 auxiliary function: bm25 (k1 = 1.2, b = 0.75), negated so that lower is better.
private let rank: fts5_extension_function = { api, fts, context, count, values in
    guard let api = api?.pointee, let fts, let data = queryData(api, fts, count, values) else {
        sqlite3_result_error_code(context, SQLITE_ERROR)
        return
    }
    let phrases = Int(data[0])
    let averageLength = data[1]
    var instances: Int32 = 0
    var length: Int32 = 0
    guard api.xInstCount(fts, &instances) == SQLITE_OK, api.xColumnSize(fts, -1, &length) == SQLITE_OK else {
        sqlite3_result_error_code(context, SQLITE_ERROR)
        return
    }
    let k1 = 1.2
    let b = 0.75
    let score = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(phrases, 1)) { frequency in
        frequency.initialize(repeating: 0)
        for instance in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            guard api.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK, phrase < phrases else {
                continue
            }
            frequency[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
        }
        var score = 0.0
        for phrase in 0..<phrases where frequency[phrase] > 0 {
            let f = frequency[phrase]
            score +=
                data[phrase + 2] * ((f * (k1 + 1)) / (f + k1 * (1 - b + b * Double(length) / averageLength)))
        }
        return score
    }
    sqlite3_result_double(context, -score)
}
