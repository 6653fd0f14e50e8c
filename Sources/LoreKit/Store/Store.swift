import Foundation
import GRDB

/// What a store knows about itself: its id and name, and the local replica writing to it.
public struct StoreInfo: Sendable, Hashable {
    public var id: StoreID
    public var name: String
    public var replica: ReplicaID
    public var site: String
    public var author: String
}

/// An open lore store: the append-only event log and its projections in one SQLite file.
public final class Store: Sendable {
    public let location: StoreLocation
    public let environment: LoreEnvironment
    let keyRing: KeyRing
    let queue: DatabaseQueue

    init(
        location: StoreLocation, keyRing: KeyRing, environment: LoreEnvironment,
        upgrading: (([String]) -> Void)? = nil
    ) throws {
        self.location = location
        self.keyRing = keyRing
        self.environment = environment
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // WAL with synchronous=FULL: a committed append survives power loss.
            // (GRDB's own WAL setup would choose NORMAL, so it is done here instead.)
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // A 64 MiB page cache (SQLite's default is 2 MiB): bulk appends and imports touch
            // index pages all over a file of hundreds of MB (content-hash ids are random), and
            // rereading them from the OS cost more than the inserts. Pages are allocated only
            // as they are used, so small stores do not pay for it.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Copy the WAL back into the database (a checkpoint: scattered writes and an fsync
            // of the whole file) once it holds 32 MiB, not SQLite's default 4 MiB. An
            // incremental import of 100 events writes about a thousand pages, so at the
            // default every import paid a checkpoint inside its commit (20-40 ms at 1M
            // events); now one in about eight does, pages that several writes changed are
            // copied once, and the database is synced once for all of them. Closing the last
            // connection still checkpoints whatever is left.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        let path = location.database.path
        queue = try StoreErrors.mapping(path: path) {
            try DatabaseQueue(path: path, configuration: config)
        }
        try StoreErrors.mapping(path: path) {
            // One read in the common case, a store already at this schema: the applied
            // migrations are exactly the registered ones. Only a new or older store takes
            // the migrator's write, which checks again under the write lock.
            let migrator = StoreMigrations.migrator
            let known = Set(migrator.migrations)
            let applied = try queue.inDatabase { db in try migrator.appliedIdentifiers(db) }
            if applied == known { return }
            if !applied.isSubset(of: known) { throw StoreError.newerSchema(path) }
            // An existing store written by an older lore (a new one has nothing applied).
            if !applied.isEmpty { upgrading?(migrator.migrations.filter { !applied.contains($0) }) }
            try migrator.migrate(queue)
        }
    }

    /// Opens an existing store.
    ///
    /// - Parameter upgrading: called with the migrations' names before a store written by an
    ///   older lore is migrated, which can take minutes on a large store (a new search
    ///   index is built), so that a command can say why it is slow this once.
    /// - Throws: ``StoreError`` when the folder holds no store, the file is damaged, or a
    ///   newer lore wrote it.
    public static func open(
        _ location: StoreLocation, keyRing: KeyRing, environment: LoreEnvironment = .live,
        upgrading: (([String]) -> Void)? = nil
    ) throws -> Store {
        guard FileManager.default.fileExists(atPath: location.database.path) else {
            throw StoreError.notAStore(location.folder.path)
        }
        let store = try Store(
            location: location, keyRing: keyRing, environment: environment, upgrading: upgrading)
        // One read: the facts every command needs (a store lacking them is damaged), and
        // whether a join stopped between committing its events and folding them.
        let values = try store.read { db in try StoreMetadata.values(db) }
        _ = try StoreMetadata.info(from: values, path: location.database.path)
        if values[.projectionsPending] != nil { try store.foldPendingProjections() }
        return store
    }

    /// Creates a new store with a new replica key and records the replica's enrolment.
    ///
    /// - Parameters:
    ///   - name: the knowledge base's human name.
    ///   - site: this site's name, shown to other sites.
    ///   - author: `Name <email>` written into every event from here.
    /// - Throws: ``StoreError/alreadyExists(_:)`` when a store is already there.
    public static func create(
        _ location: StoreLocation, name: String, site: String, author: String,
        keyRing: KeyRing, environment: LoreEnvironment = .live, storeID: StoreID? = nil
    ) throws -> Store {
        let fm = FileManager.default
        if fm.fileExists(atPath: location.database.path) {
            throw StoreError.alreadyExists(location.folder.path)
        }
        let createdFolder = !fm.fileExists(atPath: location.folder.path)
        do {
            try fm.createDirectory(at: location.folder, withIntermediateDirectories: true)
            let key = try keyRing.createKey()
            let store = try Store(location: location, keyRing: keyRing, environment: environment)
            let storeID = storeID ?? StoreID(environment.newUUID().uuidString.lowercased())
            try store.write { db, appender in
                try StoreMetadata.set(
                    [
                        .storeID: storeID.rawValue, .name: name, .replica: key.replica.rawValue,
                        .site: site, .author: author,
                    ], in: db)
                try appender.enroll(key: key, db)
            }
            return store
        } catch {
            if createdFolder { try? fm.removeItem(at: location.folder) }
            throw error
        }
    }

    /// The store's id, name and local replica.
    public func info() throws -> StoreInfo {
        try read { db in try StoreMetadata.info(db) }
    }

    /// Runs read-only work in a consistent snapshot (one deferred transaction: see
    /// `Database.transaction` for why not GRDB's `read`), turning SQLite failures into
    /// ``StoreError``.
    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try StoreErrors.mapping(path: location.database.path) {
            try queue.inDatabase { db in try db.transaction(.deferred) { try work(db) } }
        }
    }

    /// Runs a write as one immediate transaction: every event it appends, the projections and
    /// their checkpoint commit together or not at all.
    ///
    /// - Parameter rollback: run the work and then undo it (a dry run).
    func write<T>(rollback: Bool = false, _ work: (Database, Appender) throws -> T) throws -> T {
        try writeTransaction(rollback: rollback) { db in
            let appender = Appender(store: self)
            let result = try work(db, appender)
            try appender.finish(db)
            return result
        }
    }

    /// Runs `work` as one immediate transaction without an ``Appender``: for writes that append
    /// nothing and rework the projections themselves (rebuilds).
    func writeTransaction<T>(rollback: Bool = false, _ work: (Database) throws -> T) throws -> T {
        try StoreErrors.mapping(path: location.database.path) {
            try queue.writeWithoutTransaction { db in
                try db.transaction(.immediate, rollback: rollback) { try work(db) }
            }
        }
    }
}
