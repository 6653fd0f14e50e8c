public import Foundation
import GRDB

/// What `lore sync dir` did.
public struct DirectorySyncReport: Sendable, Hashable, Codable {
    public var folder: String
    public var imported: SyncReport
    /// Events this replica wrote to the folder, and the bundle they went into.
    public var published: Int
    public var bundle: String?
    /// Bundles in the folder that could not be read, with the reason; the rest still synced.
    public var refused: [String] = []
}

extension Store {
    /// Syncs through a shared folder: imports the bundles other replicas wrote under
    /// `root/<store>/<replica>/`, then writes what the folder lacks as one new immutable bundle
    /// under its own folder, and its have file. No file ever has two writers.
    public func syncDirectory(_ root: URL, progress: ProgressReport? = nil) throws -> DirectorySyncReport {
        let storeID = try info().id
        let folder = root.appendingPathComponent(storeID.rawValue)
        let bundles = try SyncFolder.bundles(in: folder)
        var unseen = try read { db in try bundles.filter { !(try EventLog.seen($0.relative, db)) } }
        // One damaged or foreign file must not block the folder: it is named and left out.
        var refused: [String] = []
        unseen = unseen.filter { bundle in
            do {
                _ = try BundleReader(url: bundle.url).check(store: storeID)
                return true
            } catch {
                refused.append("\(bundle.relative): \(error.localizedDescription)")
                return false
            }
        }
        var imported = SyncReport()
        if !unseen.isEmpty {
            imported = try importBundles(unseen.map(\.url), progress: progress)
            try markSeen(unseen)
        }
        let info = try info()
        let mine = folder.appendingPathComponent(info.replica.rawValue)
        do {
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        } catch {
            throw SyncError.unwritable(mine.path, error.localizedDescription)
        }
        var coverage = try SyncFolder.coverage(of: try SyncFolder.bundles(in: folder))
        // A fork (same replica and seq, another event) hides behind the seq: publish ours again.
        for fork in imported.forks { coverage[fork.replica] = min(coverage[fork.replica] ?? 0, fork.seq - 1) }
        let missing = try read { db in try EventLog.countBeyond(coverage, db) }
        var published = 0
        var name: String?
        if missing > 0 {
            let file =
                "\(environment.nowMillis)-\(environment.newUUID().uuidString.prefix(8).lowercased()).bundle"
            let have = HaveFile(
                store: info.id.rawValue, replica: info.replica.rawValue,
                have: coverage.mapValues { HaveEntry(seq: $0, id: "") })
            published = try exportBundle(to: mine.appendingPathComponent(file), for: have)
            name = info.replica.rawValue + "/" + file
            try write { db, _ in try EventLog.markSeen(name!, events: published, db) }
        }
        try SyncFolder.writeAtomically(
            try BundleWriter.encoder.encode(try have()), to: mine.appendingPathComponent("have.json"))
        return DirectorySyncReport(
            folder: folder.path, imported: imported, published: published, bundle: name, refused: refused)
    }

    /// Remembers bundles as imported so later syncs skip them.
    func markSeen(_ bundles: [SyncFolder.Bundle]) throws {
        try write { db, _ in
            for bundle in bundles { try EventLog.markSeen(bundle.relative, events: 0, db) }
        }
    }
}

/// The files of a sync folder.
enum SyncFolder {
    struct Bundle {
        var url: URL
        /// `<replica>/<file>`, the key under which an import is remembered.
        var relative: String
    }

    /// Every bundle under `folder/<replica>/`, sorted by replica and name.
    static func bundles(in folder: URL) throws -> [Bundle] {
        let fm = FileManager.default
        guard let replicas = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        var result: [Bundle] = []
        for replica in replicas.sorted() where ReplicaID(replica) != nil {
            let directory = folder.appendingPathComponent(replica)
            let files = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".bundle") && !file.hasPrefix(".") {
                result.append(
                    Bundle(url: directory.appendingPathComponent(file), relative: "\(replica)/\(file)"))
            }
        }
        return result
    }

    /// Per replica, the highest seq any bundle in the folder holds.
    static func coverage(of bundles: [Bundle]) throws -> [String: Int64] {
        var coverage: [String: Int64] = [:]
        for bundle in bundles {
            guard let header = try? BundleReader.header(bundle.url) else { continue }
            for (replica, range) in header.ranges ?? [:] where range.count == 2 {
                coverage[replica] = max(coverage[replica] ?? 0, range[1])
            }
        }
        return coverage
    }

    /// The one store folder under `root` (or `root` itself when it is one).
    static func storeFolder(_ root: URL) throws -> (id: String, folder: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        if entries.contains(where: { ReplicaID($0) != nil }) { return (root.lastPathComponent, root) }
        let stores = entries.filter { entry in
            let sub = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(entry).path)) ?? []
            return sub.contains { ReplicaID($0) != nil }
        }
        guard !stores.isEmpty else { throw SyncError.noStoreInFolder(root.path) }
        guard stores.count == 1 else { throw SyncError.severalStores(root.path, stores.sorted()) }
        return (stores[0], root.appendingPathComponent(stores[0]))
    }

    /// Writes to a temporary name in the same folder and renames over the target.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).lore-tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SyncError.unwritable(url.path, error.localizedDescription)
        }
    }
}

extension EventLog {
    /// How many stored events lie beyond `coverage` (per replica, the highest seq covered).
    static func countBeyond(_ coverage: [String: Int64], _ db: Database) throws -> Int {
        var total = 0
        for replica in try replicas(db) {
            total += try range(replica, after: coverage[replica] ?? 0, db)?.count ?? 0
        }
        return total
    }
}
