import Foundation
import GRDB
import Testing

@testable import LoreKit

/// Ranking a page of matches without ranking every match: the same order and scores as
/// FTS5's bm25 while few documents match, the newest window when many do.
@Suite struct RankedMatchesTests {
    static let drafts = [
        ADRDraft(title: "Use Kafka for events", context: "Consumers read the events in order."),
        ADRDraft(title: "Kafka retention", decision: "Keep events for seven days in Kafka."),
        ADRDraft(title: "Replay events", context: "A long context about replay and events and more events."),
        ADRDraft(title: "RabbitMQ for commands", consequences: "Kafka stays for events; rabbits stay home."),
        ADRDraft(title: "Event sourcing", tags: ["kafka", "events"], components: ["billing-api"]),
        ADRDraft(
            title: "Billing ledger", context: "Kafka, but nothing about queues.", components: ["billing"]),
    ]

    /// FTS5's own bm25 of every match, by record.
    static func bm25(_ expression: String, _ db: Database) throws -> [String: Double] {
        let sql = """
            SELECT d.ref, bm25(search_fts, 10.0, 5.0, 3.0, 1.0) FROM search_fts
            JOIN search_docs d ON d.doc = search_fts.rowid WHERE search_fts MATCH ?
            """
        var scores: [String: Double] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [expression]) { scores[row[0]] = row[1] }
        return scores
    }

    static func page(_ matches: RankedMatches, limit: Int = 50, offset: Int = 0, _ db: Database) throws
        -> [SearchRow]
    {
        try SearchRanking.using(db) {
            try matches.page(limit: limit, offset: offset, counts: PhraseCounts(), db)
        }.rows
    }

    @Test(
        arguments: [
            ("\"kafka\"", nil), ("\"kafka\" AND \"events\"", nil), ("(\"kafka\" OR \"replay\")", nil),
            ("\"rabbit\"*", nil), ("\"events\"", "\"kafka\""), ("\"kafka retention\"", nil),
        ] as [(String, String?)])
    func fewMatchesRankAsBm25Does(_ match: String, _ exclude: String?) throws {
        let (store, folder) = try TestStore.make(recording: Self.drafts)
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            let matches = RankedMatches(index: "search_fts", match: match, exclude: exclude)
            let rows = try Self.page(matches, db)
            let expected = try Self.bm25(matches.expression, db)
            #expect(!rows.isEmpty)
            #expect(Set(rows.map(\.ref)) == Set(expected.keys))
            for row in rows {
                let score = try #require(expected[row.ref])
                #expect(abs(row.score - score) <= abs(score) * 1e-12, "\(row.title)")
            }
            #expect(rows.map(\.score) == rows.map(\.score).sorted())
        }
    }

    /// Eight records with Kafka in the title of the even ones (equal scores, so ordered by
    /// number) and in the body of all.
    static let kafkaInEvenTitles = (1...8).map {
        ADRDraft(title: $0 % 2 == 0 ? "Kafka \($0)" : "Record \($0)", context: "kafka")
    }

    @Test func manyMatchesRankTheNewestWindow() throws {
        let (store, folder) = try TestStore.make(recording: Self.kafkaInEvenTitles)
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            var matches = RankedMatches(index: "search_fts", match: "\"kafka\"")
            matches.window = 3
            // 6, 7 and 8 are ranked; 2 and 4 are older than the window.
            #expect(try Self.page(matches, limit: 2, db).map(\.number) == [6, 8])
            // A page that reaches past the window widens it: 5 to 8, where only 6 and 8 are
            // named for kafka; the older 2 and 4 are, and are ranked too.
            #expect(try Self.page(matches, limit: 2, offset: 2, db).map(\.number) == [6, 8])
            #expect(
                try SearchRanking.using(db) {
                    try matches.page(limit: 2, offset: 0, counts: PhraseCounts(), db)
                }.window == 3)
            matches.window = 100
            #expect(
                try SearchRanking.using(db) {
                    try matches.page(limit: 2, offset: 0, counts: PhraseCounts(), db)
                }.window == nil)
            #expect(try Self.page(matches, limit: 2, db).map(\.number) == [2, 4])
            #expect(try Self.page(matches, limit: 2, offset: 2, db).map(\.number) == [6, 8])
        }
    }

    @Test func olderRecordsWithTheWordInTheTitleAreRankedBesidesTheWindow() throws {
        // Kafka in the title of the first only, in the body of all.
        let (store, folder) = try TestStore.make(
            recording: (1...8).map {
                ADRDraft(title: $0 == 1 ? "Kafka" : "Record \($0)", context: "kafka, at some length")
            })
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            var matches = RankedMatches(index: "search_fts", match: "\"kafka\"")
            matches.window = 3
            #expect(try Self.page(matches, limit: 2, db).map(\.number) == [1, 6])
            // The same scores as when every match is ranked.
            var all = matches
            all.window = 100
            let scores = Dictionary(uniqueKeysWithValues: try Self.page(all, db).map { ($0.ref, $0.score) })
            for row in try Self.page(matches, limit: 2, db) { #expect(row.score == scores[row.ref]) }
            // Starting FTS5 at each older title match instead of walking finds the same page.
            var starting = matches
            starting.walkInsteadOfStarts = 0
            #expect(
                try Self.page(starting, limit: 2, db).map { "\($0.ref) \($0.score) \($0.snippet)" }
                    == Self.page(matches, limit: 2, db).map { "\($0.ref) \($0.score) \($0.snippet)" })
            // Only the newest `titleWindow` of them.
            matches.titleWindow = 0
            #expect(try Self.page(matches, limit: 2, db).map(\.number) == [6, 7])
        }
    }

    @Test func olderDocumentsThanTheReachAreNotSearched() throws {
        let (store, folder) = try TestStore.make(recording: Self.kafkaInEvenTitles)
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            let docs = try SearchRanking.using(db) {
                try SearchQueries.ranked(
                    "\"kafka\"", in: "search_fts", documents: [], window: 100, filters: SearchFilters(),
                    limit: 10,
                    db)
            }
            let sixth = try #require(docs.rows.first { $0.row.number == 6 }?.doc)
            var matches = RankedMatches(index: "search_fts", match: "\"kafka\"")
            matches.since = sixth
            #expect(try Self.page(matches, db).map(\.number) == [6, 8, 7])
            matches.filters = SearchFilters(types: ["adr"])
            #expect(try Self.page(matches, db).map(\.number) == [6, 8, 7])
            // The trigram index, which substring search walks, stops there too.
            let trigrams = try #require(Substrings.prefilter(["kafka"]))
            let found = try SearchQueries.newestMatchingDocuments(
                trigrams, in: "search_trigram", since: sixth, upTo: 100, db)
            #expect(found.count == 3 && found.allSatisfy { $0 >= sixth })
        }
    }

    @Test func liveRecordsComeFirstEvenWhenTheBestScoresAreNotLive() throws {
        var drafts = (1...12).map { ADRDraft(title: "Kafka kafka \($0)") }
        drafts += (13...30).map {
            ADRDraft(title: "Record \($0)", context: "Mentions kafka once, at length.")
        }
        let (store, folder) = try TestStore.make(recording: drafts)
        defer { TestStore.cleanUp(folder) }
        for number in 1...12 { try store.supersedeADR(String(number), by: "30") }
        let hits = try store.search("kafka", options: SearchOptions(limit: 10)).hits
        #expect(hits.count == 10)
        #expect(hits.allSatisfy { $0.live })
        #expect(hits.map(\.score) == hits.map(\.score).sorted())
        let all = try store.search("kafka", options: SearchOptions(limit: 40)).hits
        #expect(all.map(\.live) == Array(repeating: true, count: 18) + Array(repeating: false, count: 12))
        #expect(Array(all.prefix(10)) == hits)
    }

    @Test func narrowingByFiltersChangesNeitherTheMatchesNorTheirScores() throws {
        let (store, folder) = try TestStore.make(recording: Self.drafts)
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            for filters in [
                SearchFilters(components: ["billing-api"]),
                SearchFilters(components: ["billing", "billing-api"]),
                SearchFilters(tags: ["kafka"]), SearchFilters(components: ["BILLING"]),
            ] {
                let plain = RankedMatches(index: "search_fts", match: "\"kafka\"", filters: filters)
                var narrowed = plain
                narrowed.narrowing = filters.narrowing
                #expect(narrowed.narrowing != nil)
                let expected = try Self.page(plain, db).map { "\($0.ref) \($0.score) \($0.snippet)" }
                #expect(!expected.isEmpty)
                let found = try Self.page(narrowed, db).map { "\($0.ref) \($0.score) \($0.snippet)" }
                #expect(found == expected, "\(filters)")
            }
        }
    }

    @Test func phrasesAreTheQuotedStringsInOrder() {
        #expect(
            RankedMatches.phrases(in: #"("a" OR "b c"*) AND "say ""hi""" NOT ("x")"#) == [
                #""a""#, #""b c"*"#, #""say ""hi""""#, #""x""#,
            ])
        #expect(RankedMatches.phrases(in: #"{title tags} : ("billing api")"#) == [#""billing api""#])
    }
}
