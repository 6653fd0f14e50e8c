import Foundation
import Testing

@testable import LoreKit

/// Random operations at three sites, random exchanges in random order: once every site has
/// every event, every site shows exactly the same views.
@Suite struct ConvergenceTests {
    @Test(arguments: 1...6)
    func sitesConvergeWhateverTheSyncOrder(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919)
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(3, in: folder)
        let titles = [
            "Use Kafka", "Use Postgres", "Retry with idempotency keys", "café décision", "API & \"REST\"",
        ]
        for step in 0..<40 {
            let site = sites[Int.random(in: 0..<sites.count, using: &random)]
            let count = try site.adrs().count
            func ref() -> String { "\(Int.random(in: 1...max(1, count), using: &random))" }
            do {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3:
                    try site.recordADR(ADRDraft(title: "\(titles.randomElement(using: &random)!) \(step)"))
                case 4:
                    try site.setADRStatus(
                        ref(), to: ["accepted", "rejected", "in review"].randomElement(using: &random)!)
                case 5: try site.supersedeADR(ref(), by: ref())
                case 6: try site.linkADR(ref(), "Amends", ref())
                case 7:
                    try site.registerComponent(
                        ["billing", "search", "ledger"].randomElement(using: &random)!)
                default:
                    let other = sites[Int.random(in: 0..<sites.count, using: &random)]
                    if other !== site { try Sites.send(from: site, to: other, via: folder) }
                }
            } catch is ADRError {
            } catch is DirectoryError {
            }
        }
        // Exchange until everyone has everything, in a random order of pairs.
        for _ in 0..<2 {
            for (a, b) in [(0, 1), (1, 2), (2, 0), (1, 0), (2, 1), (0, 2)].shuffled(using: &random) {
                try Sites.send(from: sites[a], to: sites[b], via: folder)
            }
        }
        let digests = try sites.map { try $0.checkProjections() }
        #expect(digests.allSatisfy { $0.matches })
        #expect(Set(digests.map(\.live)).count == 1, "\(digests.map(\.live))")
        let counts = try sites.map { try $0.events().count }
        #expect(Set(counts).count == 1)
        for site in sites { #expect(try site.verify().ok) }
        if seed == 1 { try TestStore.writeSamples(sites[0], name: "sync-convergence") }
    }

    @Test func aSharedFolderCarriesEverythingAndNeverHasTwoWriters() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let usb = folder.appendingPathComponent("usb")
        let sites = try Sites.make(3, in: folder)
        try sites[0].recordADR(ADRDraft(title: "From London"))
        try sites[1].recordADR(ADRDraft(title: "From Pune"))
        try sites[2].recordADR(ADRDraft(title: "From Lisbon"))
        for _ in 0..<2 { for site in sites { _ = try site.syncDirectory(usb) } }
        let digests = try sites.map { try $0.checkProjections().live }
        #expect(Set(digests).count == 1)
        let titles = try sites[2].adrs().map(\.title)
        let notices = try sites[2].verify().notices
        #expect(titles.count == 3, "\(titles) \(notices)")
        // Each replica wrote only under its own folder.
        let store = usb.appendingPathComponent(try sites[0].info().id.rawValue)
        let owners = try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
        let replicas = try sites.map { try $0.info().replica.rawValue }.sorted()
        #expect(owners == replicas)
        // A sync with nothing new writes no new bundle.
        let before = try SyncFolder.bundles(in: store).count
        let again = try sites[0].syncDirectory(usb)
        #expect(again.published == 0 && again.imported.added == 0)
        #expect(try SyncFolder.bundles(in: store).count == before)
    }

    @Test func aForkReachesEverySiteThroughTheFolderAndADamagedFileDoesNotBlockIt() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let usb = folder.appendingPathComponent("usb")
        let sites = try Sites.make(1, in: folder)
        let original = sites[0]
        try original.recordADR(ADRDraft(title: "Before the copy"))
        let copyFolder = folder.appendingPathComponent("copy/.lore")
        try FileManager.default.createDirectory(
            at: copyFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original.location.folder, to: copyFolder)
        let copy = try Store.open(
            StoreLocation(folder: copyFolder), keyRing: original.keyRing,
            environment: TestStore.environment(
                start: Date(timeIntervalSince1970: 1_710_403_900), namespace: 9))
        try copy.recordADR(ADRDraft(title: "Written in the copy"))
        try original.recordADR(ADRDraft(title: "Written in the original"))
        _ = try copy.syncDirectory(usb)
        // A stray file in the folder is skipped and named, the rest still syncs.
        let stray = usb.appendingPathComponent(try original.info().id.rawValue)
            .appendingPathComponent(try copy.info().replica.rawValue).appendingPathComponent("broken.bundle")
        try Data("not a bundle\n".utf8).write(to: stray)
        let first = try original.syncDirectory(usb)
        #expect(first.refused.count == 1)
        _ = try copy.syncDirectory(usb)
        _ = try original.syncDirectory(usb)
        #expect(try original.events().count == copy.events().count)
        #expect(try original.checkProjections().live == copy.checkProjections().live)
        #expect(
            Set(try original.adrs().map(\.title)) == [
                "Before the copy", "Written in the copy", "Written in the original",
            ])
    }
}
