import Foundation
import GRDB
import Testing

@testable import LoreKit

/// Joining a store: the events are committed first, then folded into the projections.
@Suite struct JoinTests {
    static let drafts = (1...5).map { ADRDraft(title: "Decision \($0)", context: "Why \($0)") }

    /// A joining site's clock, a day after the first site's: its enrolment sorts after every
    /// imported event, so the import needs the projections rebuilt, as in a real join.
    static func later() -> LoreEnvironment {
        TestStore.environment(start: Date(timeIntervalSince1970: 1_710_403_200 + 86_400), namespace: 1)
    }

    @Test func aJoinThatStopsBeforeFoldingIsFinishedByTheNextOpen() throws {
        let (source, folder) = try TestStore.make(recording: Self.drafts)
        defer { TestStore.cleanUp(folder) }
        let bundle = folder.appendingPathComponent("all.bundle")
        try source.exportBundle(to: bundle)

        // The join's first transaction alone, as if the process stopped right after it.
        let location = StoreLocation(folder: folder.appendingPathComponent("joiner/.lore"))
        let keyRing = KeyRing(home: folder.appendingPathComponent("joiner-home"))
        let joiner = try Store.create(
            location, name: "test", site: "pune", author: "Bo <bo@example.com>", keyRing: keyRing,
            environment: Self.later(), storeID: try source.info().id)
        _ = try joiner.importBundles([bundle], deferringProjections: true)
        #expect(try joiner.adrs().isEmpty, "the projections wait for the fold")
        #expect(try joiner.read { try StoreMetadata.get(.projectionsPending, $0) } == "rebuild")

        let reopened = try Store.open(location, keyRing: keyRing)
        #expect(try reopened.adrs().map(\.title) == Self.drafts.map(\.title))
        #expect(try reopened.search("Why").hits.count == Self.drafts.count)
        #expect(try reopened.read { try StoreMetadata.get(.projectionsPending, $0) } == nil)
    }

    @Test func aJoinedStoreHasTheSameViewsAsOneFoldedInOneTransaction() throws {
        let (source, folder) = try TestStore.make(recording: Self.drafts)
        defer { TestStore.cleanUp(folder) }
        let bundle = folder.appendingPathComponent("all.bundle")
        try source.exportBundle(to: bundle)
        let (joined, report) = try Store.join(
            StoreLocation(folder: folder.appendingPathComponent("joined/.lore")), from: bundle, site: "pune",
            author: "Bo <bo@example.com>",
            keyRing: KeyRing(home: folder.appendingPathComponent("home-joined")),
            environment: Self.later())
        #expect(report.added == (try source.read { try EventLog.count($0) }))
        #expect(try joined.read { try StoreMetadata.get(.projectionsPending, $0) } == nil)

        // The same events imported the old way, catching up inside the import's transaction.
        let other = try Store.create(
            StoreLocation(folder: folder.appendingPathComponent("other/.lore")), name: "test", site: "pune",
            author: "Bo <bo@example.com>",
            keyRing: KeyRing(home: folder.appendingPathComponent("home-other")),
            environment: Self.later(), storeID: try source.info().id)
        _ = try other.importBundles([bundle])
        let digests = try [joined, other].map { store in try store.read { try Projector.digest($0) } }
        #expect(digests[0] == digests[1])
        let checkpoints = try [joined, other].map { store in
            try store.read { try Projector.checkpoint($0).map { [$0.hlc, $0.seq] } }
        }
        #expect(checkpoints[0] != nil && checkpoints[0] == checkpoints[1])
        #expect(try joined.verify().ok)
    }
}
