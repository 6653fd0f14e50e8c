import Foundation
import Testing

@testable import LoreKit

@Suite struct BundleTests {
    @Test func aJoinedSiteSeesTheSameViewsAndReimportChangesNothing() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        try sites[0].registerComponent("billing")
        try sites[0].recordADR(ADRDraft(title: "Use Kafka", components: ["billing"]))
        let first = try Sites.send(from: sites[0], to: sites[1], via: folder)
        #expect(first.added == 2)
        #expect(try sites[1].adr("1").title == "Use Kafka")
        #expect(try sites[1].checkProjections().live == sites[0].checkProjections().live)
        let file = folder.appendingPathComponent("all.bundle")
        try sites[0].exportBundle(to: file)
        let before = try sites[1].events().count
        let again = try sites[1].importBundles([file])
        #expect(again.added == 0 && again.alreadyHad == before - 1)
        #expect(try sites[1].events().count == before)
        #expect(try sites[1].verify().ok)
    }

    /// A small import writes the events its check kept; a bigger one reads its files again.
    @Test func anImportTooBigToKeepReadsItsFilesAgainAndAddsTheSame() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(3, in: folder)
        try sites[0].registerComponent("billing")
        for title in ["Use Kafka", "Use Postgres", "Use Redis"] {
            try sites[0].recordADR(ADRDraft(title: title, components: ["billing"]))
        }
        let file = folder.appendingPathComponent("all.bundle")
        try sites[0].exportBundle(to: file, for: try sites[1].have())
        let kept = try sites[1].importBundles([file], checked: nil)
        let reread = try sites[2].importBundles([file], checked: nil, keeping: 2)
        #expect(kept.added == 4 && reread.added == 4)
        #expect(kept.files == [file.path] && reread.files == [file.path])
        let digest = try sites[0].checkProjections().live
        #expect(try sites[1].checkProjections().live == digest)
        #expect(try sites[2].checkProjections().live == digest)
    }

    /// Every way a file can be wrong is refused before anything is written.
    @Test(arguments: [
        "payload byte", "body byte", "signature", "truncated", "trailer hash", "other store", "newer",
        "not a bundle", "empty",
    ])
    func aDamagedBundleIsRefusedAndTheStoreIsUnchanged(_ damage: String) throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        try sites[0].recordADR(ADRDraft(title: "Zanzibar decision", decision: "Quokka"))
        let file = folder.appendingPathComponent("x.bundle")
        try sites[0].exportBundle(to: file, for: try sites[1].have())
        var text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch damage {
        case "payload byte": text = text.replacingOccurrences(of: "Quokka", with: "Quokkb")
        case "body byte": text = text.replacingOccurrences(of: "Site 0 <s0@", with: "Site 9 <s0@")
        case "signature":
            let index = lines.firstIndex { $0.contains("Zanzibar") }!
            let range = lines[index].range(of: "\"sig\":\"")!
            var line = lines[index]
            let at = range.upperBound
            line.replaceSubrange(at...at, with: line[at] == "A" ? "B" : "A")
            lines[index] = line
            text = lines.joined(separator: "\n")
        case "truncated": text = lines.dropLast(2).joined(separator: "\n") + "\n"
        case "trailer hash": text = text.replacingOccurrences(of: "\"sha256\":\"", with: "\"sha256\":\"0")
        case "other store":
            text = text.replacingOccurrences(of: try sites[0].info().id.rawValue, with: "another-store")
        case "newer": text = text.replacingOccurrences(of: "\"min_reader\":1", with: "\"min_reader\":99")
        case "not a bundle": text = "# A markdown file\n"
        default: text = ""
        }
        try Data(text.utf8).write(to: file)
        let bytes = Sites.fileBytes(sites[1])
        let events = try sites[1].events().count
        #expect(throws: SyncError.self) { try sites[1].importBundles([file]) }
        #expect(Sites.fileBytes(sites[1]) == bytes)
        #expect(try sites[1].events().count == events)
    }

    @Test func eventsPastAGapAreHeldUntilItFills() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        for n in 1...4 { try sites[0].recordADR(ADRDraft(title: "Decision \(n)")) }
        let origin = try sites[0].info().replica.rawValue
        // A bundle made for someone who already had everything up to seq 3: seqs 4 and 5 only.
        var have = try sites[1].have()
        have.have[origin] = HaveEntry(seq: 3, id: "")
        let late = folder.appendingPathComponent("late.bundle")
        try sites[0].exportBundle(to: late, for: have)
        let report = try sites[1].importBundles([late])
        #expect(report.added == 2)
        #expect(
            report.held == [HeldRange(replica: origin, site: "site0", missingFrom: 2, missingTo: 3, held: 2)])
        #expect(try sites[1].adrs().isEmpty, "held events are not projected")
        #expect(try sites[1].verify().ok, "a gap in another site's chain is a notice, not damage")
        #expect(!(try sites[1].verify().notices.isEmpty))
        let rest = try Sites.send(from: sites[0], to: sites[1], via: folder)
        #expect(rest.held.isEmpty)
        #expect(try sites[1].adrs().map(\.title) == (1...4).map { "Decision \($0)" })
        #expect(try sites[1].checkProjections().live == sites[0].checkProjections().live)
    }

    @Test func aClonedStoreIsAForkBothSidesKeepAndTheCloneMovesToANewReplica() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(1, in: folder)
        let original = sites[0]
        try original.recordADR(ADRDraft(title: "Before the copy"))
        let copyFolder = folder.appendingPathComponent("copy/.lore")
        try FileManager.default.createDirectory(
            at: copyFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original.location.folder, to: copyFolder)
        // Same machine, same key ring: the copy can sign as the original's replica.
        let copy = try Store.open(
            StoreLocation(folder: copyFolder), keyRing: original.keyRing,
            environment: TestStore.environment(start: Date(timeIntervalSince1970: 1_710_403_900)))
        try copy.recordADR(ADRDraft(title: "Written in the copy"))
        try original.recordADR(ADRDraft(title: "Written in the original"))
        let replica = try original.info().replica
        let report = try Sites.send(from: copy, to: original, via: folder)
        #expect(report.forks == [ForkNote(replica: replica.rawValue, seq: 3)])
        let moved = try #require(report.newReplica)
        #expect(moved != replica.rawValue)
        #expect(try original.info().replica.rawValue == moved)
        #expect(try original.verify().ok)
        #expect(
            try original.events().filter { $0.event.header.seq == 3 && $0.event.header.replica == replica }
                .count == 2)
    }

    @Test func aClockFarAheadIsFlaggedAndDoesNotDragTheLocalClock() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(1, in: folder)
        let future = Date().addingTimeInterval(3 * 86_400)
        let ahead = try Store.create(
            StoreLocation(folder: folder.appendingPathComponent("ahead/.lore")), name: "x", site: "ahead",
            author: "A <a@example.com>", keyRing: KeyRing(home: folder.appendingPathComponent("home-ahead")),
            environment: TestStore.environment(start: future), storeID: try sites[0].info().id)
        try ahead.recordADR(ADRDraft(title: "From the future"))
        let live = try Store.open(sites[0].location, keyRing: sites[0].keyRing, environment: .live)
        let report = try Sites.send(from: ahead, to: live, via: folder)
        #expect(report.farFuture == 2)
        let mine = try live.recordADR(ADRDraft(title: "Written now"))
        let event = try #require(try live.events(EventFilter(stream: "adr/\(mine.id)")).first)
        #expect(event.event.header.hlc.wallMillis < Int64(future.timeIntervalSince1970 * 1000) - 86_400_000)
    }
}
