public import Foundation
import GRDB

extension Store {
    /// This replica's have file: per replica, the highest contiguous seq and its id.
    public func have() throws -> HaveFile {
        try read { db in
            let info = try StoreMetadata.info(db)
            var have: [String: HaveEntry] = [:]
            for (replica, chain) in try EventLog.chains(db) {
                have[replica] = HaveEntry(seq: chain.seq, id: chain.head.hexString)
            }
            return HaveFile(store: info.id.rawValue, replica: info.replica.rawValue, have: have)
        }
    }

    /// Writes a bundle of what the receiver lacks according to `have` (nil: everything).
    ///
    /// - Returns: how many events it holds.
    @discardableResult
    public func exportBundle(to url: URL, for have: HaveFile? = nil, progress: ProgressReport? = nil) throws
        -> Int
    {
        try read { db in
            let info = try StoreMetadata.info(db)
            if let have, have.store != info.id.rawValue {
                throw SyncError.otherStore(url.path, bundle: have.store, store: info.id.rawValue)
            }
            return try BundleWriter.write(to: url, store: info, have: have?.have, progress: progress, db)
                .count
        }
    }

    /// Imports bundles in one transaction: every new event appended and the projections
    /// brought up to date, or nothing.
    ///
    /// Each file is read once: a second thread reads, parses and checks its lines while this
    /// one appends the events already checked, and the transaction commits only after every
    /// file has passed to its trailer; a problem anywhere rolls everything back.
    ///
    /// - Throws: ``SyncError`` for a file that is not a bundle, is damaged, truncated, newer,
    ///   or of another store; the store is then unchanged.
    public func importBundles(_ urls: [URL], progress: ProgressReport? = nil) throws -> SyncReport {
        try importBundles(urls, progress: progress, deferringProjections: false)
    }

    /// Imports bundles; with `deferringProjections`, events that need the projections rebuilt
    /// are committed with the store marked as pending that rebuild instead
    /// (``foldPendingProjections()`` does it, and ``open(_:keyRing:environment:upgrading:)``
    /// finishes it after a crash).
    func importBundles(_ urls: [URL], progress: ProgressReport? = nil, deferringProjections: Bool) throws
        -> SyncReport
    {
        let storeID = try info().id
        // The headers say how many events follow (the trailers prove it), for the progress bar.
        let total = try urls.reduce(0) { $0 + (try BundleReader.header($1)).count }
        return try write { db, appender in
            var importer = BundleImporter(db: db, limit: environment.clockLimit)
            try importer.begin()
            var done = 0
            progress?(0, total)
            for url in urls {
                _ = try HandOff<Event, BundleReader.Checked>.run(
                    produce: { emit in try BundleReader(url: url).check(store: storeID, emit) },
                    consume: { event in
                        try importer.add(event)
                        done += 1
                        if done % 1000 == 0 { progress?(done, total) }
                    })
                importer.report.files.append(url.path)
            }
            progress?(total, total)
            try importer.finish(appender, deferringRebuild: deferringProjections)
            return importer.report
        }
    }
}

/// Appends verified foreign events and works out what became projectable, what is held,
/// and what is forked.
struct BundleImporter {
    let db: Database
    let limit: HLC
    var report = SyncReport()
    private var before: [String: (seq: Int64, head: Data)] = [:]
    private var local = ""
    private var earliestFork: OrderKey?
    private var cloned = false
    /// Replicas that got events; their chains are extended once, at the end.
    private var touched: Set<String> = []

    init(db: Database, limit: HLC) {
        self.db = db
        self.limit = limit
    }

    mutating func begin() throws {
        before = try EventLog.chains(db)
        local = try StoreMetadata.info(db).replica.rawValue
    }

    mutating func add(_ event: Event) throws {
        let replica = event.header.replica.rawValue
        // One lookup: is the event here, is its place in the chain taken (a fork).
        let found = try Row.fetchOne(
            db,
            cached: "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?), "
                + "EXISTS (SELECT 1 FROM events WHERE replica = ? AND seq = ?)",
            arguments: [event.id.bytes, replica, event.header.seq])
        guard let found, !(found[0] as Bool) else {
            report.alreadyHad += 1
            return
        }
        let known = before[replica]?.seq ?? 0
        let taken: Bool = found[1]
        if event.header.seq <= known || taken {
            report.forks.append(ForkNote(replica: replica, seq: event.header.seq))
            if event.header.seq <= known {
                earliestFork = min(earliestFork ?? OrderKey(event), OrderKey(event))
            }
        }
        if replica == local { cloned = true }
        if event.header.hlc > limit { report.farFuture += 1 }
        _ = try EventLog.insert(event, extendingChain: false, db)
        touched.insert(replica)
        report.added += 1
    }

    /// Projects what became projectable (or, when that means a rebuild and `deferringRebuild`,
    /// marks the store as pending it), lists held ranges, and moves off a cloned replica.
    mutating func finish(_ appender: Appender, deferringRebuild: Bool) throws {
        for replica in touched.sorted() { try EventLog.extendChain(replica, db) }
        let after = try EventLog.chains(db)
        var earliest = earliestFork
        for (replica, chain) in after where chain.seq > (before[replica]?.seq ?? 0) {
            if let key = try EventLog.earliest(
                replica, from: (before[replica]?.seq ?? 0) + 1, to: chain.seq, db)
            {
                earliest = min(earliest ?? key, key)
            }
        }
        try appender.settle(db)
        if deferringRebuild, !cloned, try Projector.needsRebuild(earliest: earliest, db) {
            try StoreMetadata.set([.projectionsPending: "rebuild"], in: db)
        } else {
            try Projector.catchUp(earliest: earliest, db)
        }
        report.held = try EventLog.heldRanges(db)
        if cloned {
            report.newReplica = try appender.moveToNewReplica(db).rawValue
        }
    }
}
