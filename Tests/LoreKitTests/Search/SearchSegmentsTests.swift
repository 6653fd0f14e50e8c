import Foundation
import GRDB
import Testing

@testable import LoreKit

/// The indexes stay in few segments: FTS5 looks every query word up in each one.
@Suite struct SearchSegmentsTests {
    /// How many segments an FTS5 index has, from its structure record (`%_data` row 10: a
    /// 4-byte cookie, then varints: levels, segments, …).
    static func segments(_ index: String, _ db: Database) throws -> Int {
        let block = try #require(try Data.fetchOne(db, sql: "SELECT block FROM \(index)_data WHERE id = 10"))
        var position = block.startIndex + 4
        func varint() -> Int {
            var value = 0
            for step in 0..<9 {
                let byte = Int(block[position])
                position += 1
                if step == 8 { return value << 8 | byte }
                value = value << 7 | (byte & 0x7f)
                if byte & 0x80 == 0 { break }
            }
            return value
        }
        _ = varint()  // levels
        return varint()
    }

    static func segmentCounts(_ store: Store) throws -> [Int] {
        try store.read { db in
            try ["search_fts", "search_trigram", "search_title"].map { try segments($0, db) }
        }
    }

    /// Words enough that indexing them fills FTS5's pending-terms buffer several times.
    static func text(_ seed: Int) -> String {
        (0..<300).map { "w\(($0 * 7919 + seed * 104_729) % 50_021)x" }.joined(separator: " ")
    }

    @Test func aBulkWriteAndARebuildLeaveOneSegmentPerIndex() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let batch = (1...SearchProjection.bulkDocuments + 200).map { number in
            let adr = ADRID(UUID())
            let payload = EventPayload.adrRecorded(
                ADRRecorded(
                    adr: adr, number: number, title: "Record \(number)", status: "proposed",
                    date: "2024-01-01",
                    context: Self.text(number)))
            return (stream: adr.stream, payload: payload, deps: [EventID]())
        }
        try store.append(batch)
        #expect(try Self.segmentCounts(store) == [1, 1, 1])
        #expect(try Self.mergeSettings(store) == Self.defaultMergeSettings)
        try store.rebuild()
        #expect(try Self.segmentCounts(store) == [1, 1, 1])
        #expect(try Self.mergeSettings(store) == Self.defaultMergeSettings)
        #expect(try store.search("w5x").hits.isEmpty == false)

        // Bulk writes turn FTS5's own merging off while they run; the writes after them
        // merge again, so twenty single records do not leave twenty segments.
        for number in 1...20 {
            try store.recordADR(ADRDraft(title: "Small \(number)", context: Self.text(number)))
        }
        #expect(try Self.segmentCounts(store).allSatisfy { $0 < 12 })
    }

    /// FTS5's merge settings as each index stores them, in index order.
    static func mergeSettings(_ store: Store) throws -> [[String: Int]] {
        try store.read { db in
            try ["search_fts", "search_trigram", "search_title"].map { index in
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db,
                        sql:
                            "SELECT k, v FROM \(index)_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')"
                    ).map { ($0["k"] as String, $0["v"] as Int) })
            }
        }
    }

    /// FTS5's defaults, written back after a bulk write to indexes that had no settings.
    static let defaultMergeSettings = Array(repeating: SearchProjection.defaultMergeSettings, count: 3)

    @Test func aBulkWriteKeepsAnIndexsOwnMergeSettings() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.write { db, _ in
            try db.execute(sql: "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8)")
        }
        let batch = (1...SearchProjection.bulkDocuments + 10).map { number in
            let adr = ADRID(UUID())
            let payload = EventPayload.adrRecorded(
                ADRRecorded(
                    adr: adr, number: number, title: "Record \(number)", status: "proposed",
                    date: "2024-01-01"))
            return (stream: adr.stream, payload: payload, deps: [EventID]())
        }
        try store.append(batch)
        #expect(try Self.mergeSettings(store)[0]["automerge"] == 8)
        #expect(try Self.mergeSettings(store)[1] == SearchProjection.defaultMergeSettings)
    }
}
