public import Foundation

extension Store {
    /// Creates a new replica of an existing store from a bundle file or a sync folder: its
    /// own key and id, the other sites' events imported and projected.
    ///
    /// - Throws: ``SyncError`` when the source holds no store or a bundle lore cannot read;
    ///   nothing is created then.
    public static func join(
        _ location: StoreLocation, from source: URL, site: String, author: String, keyRing: KeyRing,
        environment: LoreEnvironment = .live
    ) throws -> (Store, SyncReport) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
            throw SyncError.unreadable(source.path, "no such file or folder")
        }
        var bundles: [URL]
        var storeID: String
        var folderBundles: [SyncFolder.Bundle] = []
        if isDirectory.boolValue {
            let (id, folder) = try SyncFolder.storeFolder(source)
            storeID = id
            folderBundles = try SyncFolder.bundles(in: folder)
            bundles = folderBundles.map(\.url)
            guard !bundles.isEmpty else { throw SyncError.noStoreInFolder(source.path) }
        } else {
            storeID = try BundleReader.header(source).store
            bundles = [source]
        }
        let header = try BundleReader.header(bundles[0])
        // Checked here, before the store exists, so a bad bundle leaves nothing behind.
        let checked = try bundles.reduce(0) {
            $0 + (try BundleReader(url: $1).check(store: StoreID(storeID))).count
        }
        let store = try create(
            location, name: header.name ?? "", site: site, author: author, keyRing: keyRing,
            environment: environment,
            storeID: StoreID(storeID))
        do {
            let report = try store.importBundles(bundles, checked: checked)
            try store.markSeen(folderBundles)
            return (store, report)
        } catch {
            try? FileManager.default.removeItem(at: location.folder)
            throw error
        }
    }
}
