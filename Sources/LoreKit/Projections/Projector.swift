import Foundation
import GRDB

/// A view folded from the log in projection order. Every projection is a pure function of
/// the events it has seen, so a rebuild gives the same bytes on every replica.
protocol Projection {
    /// The projection's tables, each with the columns that order its rows for the digest.
    static var tables: [ProjectionTable] { get }
    /// Creates the tables (inside a migration).
    static func createTables(_ db: Database) throws
    /// Applies one event; events of kinds the projection ignores are no-ops.
    static func apply(_ event: StoredEvent, payload: EventPayload, _ db: Database) throws
    /// Whether a rebuild folds events through ``apply(_:payload:_:)``; a derived view (the
    /// search index) may instead be filled once from the other projections at the end.
    static var foldsDuringRebuild: Bool { get }
    /// Called after a rebuild's fold.
    static func afterRebuild(_ db: Database) throws
    /// Empties the projection before a rebuild.
    static func reset(_ db: Database) throws
}

extension Projection {
    static var foldsDuringRebuild: Bool { true }
    static func afterRebuild(_ db: Database) throws {}
    static func reset(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DELETE FROM \(table.name)") }
    }
}

/// A projection table and the order in which its rows enter the digest.
struct ProjectionTable {
    var name: String
    var orderBy: String
    /// The columns that enter the digest: all but local row ids.
    var columns = "*"
}

/// Runs the projections: incrementally on append, from scratch on rebuild.
enum Projector {
    /// In order: the search index reads what the ADR projection wrote for the same event.
    static var projections: [any Projection.Type] {
        [
            ADRProjection.self, NoteProjection.self, DirectoryProjection.self, OwnershipProjection.self,
            HandoffProjection.self, RegisterProjection.self, SearchProjection.self,
        ]
    }

    /// Creates the checkpoint and every projection's tables.
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE projection_checkpoint (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    hlc INTEGER NOT NULL,
                    replica TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    event BLOB NOT NULL
                ) STRICT;
                """)
        for projection in projections { try projection.createTables(db) }
    }

    /// Projects a just-stored event: applied directly when it sorts after the checkpoint,
    /// otherwise the projections are rebuilt so the fold stays in order.
    ///
    /// - Parameter checkpoint: the checkpoint as the caller last saw it (``checkpoint(_:)``),
    ///   so a write of many events reads it once.
    /// - Returns: the new checkpoint, which the caller stores (``setCheckpoint(_:_:)``) once
    ///   at the end of its write; a rebuild has stored its own.
    static func project(_ stored: StoredEvent, payload: EventPayload?, checkpoint: OrderKey?, _ db: Database)
        throws -> OrderKey
    {
        let key = OrderKey(stored.event)
        if let checkpoint, !(checkpoint < key) {
            return try rebuild(db) ?? key
        }
        if let payload {
            for projection in projections { try projection.apply(stored, payload: payload, db) }
        }
        return key
    }

    /// Whether ``catchUp(earliest:_:)`` would rebuild every projection: something new sorts
    /// at or before the checkpoint.
    static func needsRebuild(earliest: OrderKey?, _ db: Database) throws -> Bool {
        guard let earliest else { return false }
        return try foldStart(earliest: earliest, db) == nil
    }

    /// The checkpoint to fold on from, when everything that became projectable sorts after
    /// it; nil when the projections must be rebuilt instead.
    private static func foldStart(earliest: OrderKey, _ db: Database) throws -> OrderKey? {
        guard let checkpoint = try checkpoint(db), checkpoint < earliest else { return nil }
        return checkpoint
    }

    /// Brings the projections up to date after foreign events arrived: when the earliest
    /// newly projectable event sorts after the checkpoint, the new events are folded in
    /// order; otherwise everything is rebuilt, so the fold stays in (hlc, replica, seq) order.
    ///
    /// - Parameter earliest: the smallest order key among events that became projectable.
    static func catchUp(earliest: OrderKey?, _ db: Database) throws {
        guard let earliest else { return }
        guard let checkpoint = try foldStart(earliest: earliest, db) else {
            try rebuild(db)
            return
        }
        var last = checkpoint
        let newer = events(in: db, after: checkpoint)
        try newer { stored, payload in
            if let payload {
                for projection in projections { try projection.apply(stored, payload: payload, db) }
            }
            last = OrderKey(stored.event)
        }
        try setCheckpoint(last, db)
    }

    /// The projectable events in projection order, each with its payload decoded (nil when
    /// erased or of a kind this build does not know).
    typealias EventSource = (_ visit: (StoredEvent, EventPayload?) throws -> Void) throws -> Void

    /// The log as `db` sees it (all of it, or what sorts after `key`), read and decoded on
    /// the caller's thread.
    static func events(in db: Database, after key: OrderKey? = nil) -> EventSource {
        { visit in
            try EventLog.forEach(after: key, db) { stored in
                try visit(stored, try? stored.event.decodedPayload())
            }
        }
    }

    /// Empties every projection and folds the whole log again, in order.
    ///
    /// - Parameter source: where the events come from: `db` itself unless the caller reads
    ///   the same log elsewhere (``Store/rebuild(progress:)`` reads and decodes it on a
    ///   second connection and thread).
    /// - Returns: the new checkpoint: the last event folded.
    @discardableResult
    static func rebuild(_ db: Database, progress: ProgressReport? = nil, source: EventSource? = nil) throws
        -> OrderKey?
    {
        let total = progress == nil ? 0 : try EventLog.count(db)
        var done = 0
        progress?(0, total)
        for projection in projections { try projection.reset(db) }
        let folding = projections.filter { $0.foldsDuringRebuild }
        try db.execute(sql: "DELETE FROM projection_checkpoint")
        var lastKey: OrderKey?
        try (source ?? events(in: db)) { stored, payload in
            if let payload {
                for projection in folding { try projection.apply(stored, payload: payload, db) }
            }
            lastKey = OrderKey(stored.event)
            done += 1
            if done % 500 == 0 { progress?(done, total) }
        }
        progress?(done, total)
        for projection in projections { try projection.afterRebuild(db) }
        if let lastKey { try setCheckpoint(lastKey, db) }
        return lastKey
    }

    /// SHA-256 over every projection row in a fixed order: equal digests mean equal views.
    static func digest(_ db: Database) throws -> String {
        try ProjectionDigest.of(projections, db)
    }

    /// The last event the projections folded, if any.
    static func checkpoint(_ db: Database) throws -> OrderKey? {
        guard
            let row = try Row.fetchOne(
                db, cached: "SELECT hlc, replica, seq, event FROM projection_checkpoint")
        else { return nil }
        return OrderKey(hlc: row["hlc"], replica: row["replica"], seq: row["seq"], id: row["event"])
    }

    static func setCheckpoint(_ key: OrderKey, _ db: Database) throws {
        try db.execute(
            cached:
                "INSERT OR REPLACE INTO projection_checkpoint (id, hlc, replica, seq, event) VALUES (1, ?, ?, ?, ?)",
            arguments: [key.hlc, key.replica, key.seq, key.id])
    }
}

/// An event's place in the projection order: (hlc, replica, seq, id).
struct OrderKey: Comparable {
    var hlc: Int64
    var replica: String
    var seq: Int64
    var id: Data

    init(hlc: Int64, replica: String, seq: Int64, id: Data) {
        self.hlc = hlc
        self.replica = replica
        self.seq = seq
        self.id = id
    }

    init(_ event: Event) {
        self.init(
            hlc: event.header.hlc.packed, replica: event.header.replica.rawValue, seq: event.header.seq,
            id: event.id.bytes)
    }

    static func < (a: OrderKey, b: OrderKey) -> Bool {
        if a.hlc != b.hlc { return a.hlc < b.hlc }
        if a.replica != b.replica { return a.replica < b.replica }
        if a.seq != b.seq { return a.seq < b.seq }
        return a.id.lexicographicallyPrecedes(b.id)
    }
}
