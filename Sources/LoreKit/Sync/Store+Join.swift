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
        // Every header is read before the store exists, so a file that is no bundle of this
        // store (the usual mistake) leaves nothing behind; a file damaged further in is found
        // by the import, which then removes the new store and its key.
        let bundles: [URL]
        let headers: [BundleHeader]
        let storeID: String
        var folderBundles: [SyncFolder.Bundle] = []
        if isDirectory.boolValue {
            let (id, folder) = try SyncFolder.storeFolder(source)
            storeID = id
            folderBundles = try SyncFolder.bundles(in: folder)
            bundles = folderBundles.map(\.url)
            guard !bundles.isEmpty else { throw SyncError.noStoreInFolder(source.path) }
            headers = try bundles.map(BundleReader.header)
        } else {
            headers = [try BundleReader.header(source)]
            storeID = headers[0].store
            bundles = [source]
        }
        if let other = headers.first(where: { $0.store != storeID }) {
            throw SyncError.otherStore(source.path, bundle: other.store, store: storeID)
        }
        let store = try create(
            location, name: headers[0].name ?? "", site: site, author: author, keyRing: keyRing,
            environment: environment,
            storeID: StoreID(storeID))
        // Two transactions: the events, then the projections folded from them with the log
        // read and decoded on a second core (a join is mostly a rebuild).
        let report: SyncReport
        do {
            report = try store.importBundles(bundles, deferringProjections: true)
        } catch {
            let replica = try? store.info().replica
            try? FileManager.default.removeItem(at: location.folder)
            if let replica { try? FileManager.default.removeItem(at: keyRing.keyFile(for: replica)) }
            throw error
        }
        // The events are committed: a fold that fails (or another process that opened the
        // new store first and is folding it) leaves the store marked, and whichever command
        // opens it next finishes the fold, so nothing is removed from here on.
        try store.foldPendingProjections()
        try store.markSeen(folderBundles)
        return (store, report)
    }
}
