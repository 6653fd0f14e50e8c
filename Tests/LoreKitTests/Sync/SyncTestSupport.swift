import Foundation

@testable import LoreKit

/// Sites for sync tests: stores of one knowledge base, each with its own key ring.
enum Sites {
    /// A first site, and `count - 1` more that joined it through a bundle.
    static func make(_ count: Int, in folder: URL) throws -> [Store] {
        let first = try Store.create(
            StoreLocation(folder: folder.appendingPathComponent("site0/.lore")), name: "shared",
            site: "site0",
            author: "Site 0 <s0@example.com>", keyRing: KeyRing(home: folder.appendingPathComponent("home0")),
            environment: TestStore.environment())
        var sites = [first]
        let seed = folder.appendingPathComponent("seed.bundle")
        try first.exportBundle(to: seed)
        for index in 1..<count {
            let (store, _) = try Store.join(
                StoreLocation(folder: folder.appendingPathComponent("site\(index)/.lore")), from: seed,
                site: "site\(index)", author: "Site \(index) <s\(index)@example.com>",
                keyRing: KeyRing(home: folder.appendingPathComponent("home\(index)")),
                environment: TestStore.environment(
                    start: Date(timeIntervalSince1970: 1_710_403_200 + Double(index) * 7),
                    namespace: UInt32(index)))
            sites.append(store)
        }
        return sites
    }

    /// Sends what `to` lacks from `from`, through a bundle made for `to`'s have file.
    @discardableResult
    static func send(from: Store, to: Store, via folder: URL) throws -> SyncReport {
        let file = folder.appendingPathComponent("b-\(UUID().uuidString).bundle")
        try from.exportBundle(to: file, for: try to.have())
        return try to.importBundles([file])
    }

    /// The bytes of a store's files, to prove a refused import changed nothing.
    static func fileBytes(_ store: Store) -> [Data?] {
        let path = store.location.database.path
        return [path, path + "-wal"].map { FileManager.default.contents(atPath: $0) }
    }
}
