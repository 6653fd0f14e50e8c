import Foundation
import Testing

@testable import LoreKit

/// "Did you mean" reads a few narrow parts of the word index, and finds what reading all of
/// it found for the slips people make.
@Suite struct SuggestionsTests {
    /// Words with close neighbours, as a technical vocabulary has them.
    static let words = [
        "kafka", "kanban", "karma", "replica", "replicas", "replay", "reply", "retention", "payment",
        "payments", "pavement", "cache", "caches", "catch", "cash", "team", "teams", "tram", "queue",
        "queues", "shard", "shared", "share", "token", "tokens", "taken", "ledger", "leader", "ladder",
        "idempotency", "reconciliation", "partition", "petition", "postgres", "postgresql", "rabbitmq",
        "schema", "scheme", "deploy", "deployment", "employ", "latency", "legacy", "outage", "outages",
    ]

    static func store() throws -> (Store, URL) {
        let (store, folder) = try TestStore.make()
        // Frequencies differ, so that ranking by how many records hold a word matters.
        for (index, word) in words.enumerated() {
            let others = words.dropFirst(index + 1).prefix(index % 4).joined(separator: " ")
            try store.recordADR(ADRDraft(title: "About \(word)", context: others))
        }
        return (store, folder)
    }

    /// The slips the bounded lookup is meant to undo, each word with its position.
    static func typicalSlips(of word: String) -> [String] {
        let letters = Array(word)
        var slips: [String] = []
        for index in letters.indices {
            var swapped = letters
            if index + 1 < letters.count {
                swapped.swapAt(index, index + 1)
                slips.append(String(swapped))
            }
            var doubled = letters
            doubled.insert(letters[index], at: index)
            slips.append(String(doubled))
            var extra = letters
            extra.insert("x", at: index)
            slips.append(String(extra))
            guard index >= 3 else { continue }
            var dropped = letters
            dropped.remove(at: index)
            slips.append(String(dropped))
            var wrong = letters
            wrong[index] = wrong[index] == "z" ? "y" : "z"
            slips.append(String(wrong))
        }
        return slips
    }

    /// The word a slip came from is suggested whenever reading the whole index suggested it,
    /// and the first suggestion is as close; it is the same word in all but a few cases, where
    /// an equally close and more frequent word starts differently (`cach`: `cash` before
    /// `cache`). Further suggestions may be fewer.
    @Test func typicalSlipsGetWhatReadingTheWholeIndexGave() throws {
        let (store, folder) = try Self.store()
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            let everything = try SearchQueries.vocabulary(startingWith: "", lengths: 1...100, db)
            let indexed = Set(everything.map(\.0))
            #expect(Set(Self.words).isSubset(of: indexed))
            var checked = 0
            var sameFirst = 0
            for word in Self.words {
                for slip in Self.typicalSlips(of: word) where !indexed.contains(slip) {
                    let expected = Suggestions.ranked(for: slip, in: everything)
                    let found = try Suggestions.indexed(closeTo: slip, db)
                    if expected.contains(where: { $0.term == word }) {
                        #expect(found.contains(word), "\(slip) (for \(word)): \(found)")
                    }
                    #expect(
                        found.first.map { Suggestions.ranked(for: slip, in: [($0, 1)]).first?.distance }
                            == expected.first.map(\.distance), "\(slip): \(found)")
                    checked += 1
                    if found.first == expected.first?.term { sameFirst += 1 }
                }
            }
            #expect(checked > 1000)
            #expect(checked - sameFirst <= checked / 100, "\(checked - sameFirst) of \(checked) differ")
        }
    }

    @Test func aLetterDroppedOrMistypedAmongTheFirstFourIsFoundByTheWiderLooks() throws {
        let (store, folder) = try Self.store()
        defer { TestStore.cleanUp(folder) }
        try store.read { (db) throws in
            // The fourth letter: the words sharing the first three.
            #expect(try Suggestions.indexed(closeTo: "recnciliation", db) == ["reconciliation"])
            #expect(try Suggestions.indexed(closeTo: "recxnciliation", db) == ["reconciliation"])
            // The third: the words sharing the first two.
            #expect(try Suggestions.indexed(closeTo: "idmpotency", db) == ["idempotency"])
            #expect(try Suggestions.indexed(closeTo: "rexonciliation", db) == ["reconciliation"])
            #expect(try Suggestions.indexed(closeTo: "kaka", db) == ["kafka"])
        }
    }

    @Test func probesAreTheKeptPrefixAndTheSlipsUndone() {
        #expect(
            Suggestions.probes(for: "kfaka") == [
                .prefix("kfa"), .prefix("fka"), .prefix("kaf"), .prefix("kfk"), .prefix("fak"),
                .prefix("kak"),
            ])
        // Six letters or more: four are kept.
        #expect(
            Suggestions.probes(for: "replcia") == [
                .prefix("repl"), .prefix("erpl"), .prefix("rpel"), .prefix("relp"), .prefix("repc"),
                .prefix("eplc"), .prefix("rplc"), .prefix("relc"),
            ])
        // One edit allowed: the undone slips are whole words.
        #expect(
            Suggestions.probes(for: "tema") == [
                .prefix("tem"), .word("etma"), .word("tmea"), .word("team"), .word("ema"), .word("tma"),
                .word("tea"),
            ])
        #expect(
            Suggestions.probes(for: "teh") == [
                .prefix("teh"), .word("eth"), .word("the"), .word("eh"), .word("th"), .word("te"),
            ])
    }

    @Test func searchSuggestsForEachMissingWord() throws {
        let (store, folder) = try Self.store()
        defer { TestStore.cleanUp(folder) }
        let results = try store.search("rpelica kafak")
        #expect(results.hits.isEmpty)
        #expect(results.suggestions["rpelica"]?.first == "replica")
        #expect(results.suggestions["kafak"] == ["kafka"])
    }
}
