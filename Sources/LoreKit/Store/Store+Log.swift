import Foundation
import GRDB

/// Counts for `lore stats`.
public struct StoreStats: Sendable, Hashable, Codable {
    public var store: String
    public var name: String
    public var replica: String
    public var site: String
    public var events: Int
    public var replicas: Int
    public var eventsByKind: [String: Int]
    public var adrsByStatus: [String: Int]
    public var databaseBytes: Int64

    enum CodingKeys: String, CodingKey {
        case store, name, replica, site, events, replicas
        case eventsByKind = "events_by_kind"
        case adrsByStatus = "adrs_by_status"
        case databaseBytes = "database_bytes"
    }
}

extension Store {
    /// Events matching `filter`, in projection order (hlc, replica, seq).
    public func events(_ filter: EventFilter = EventFilter()) throws -> [StoredEvent] {
        try read { db in try EventLog.fetch(filter, db) }
    }

    /// Appends events written by the local replica in one transaction: the batch API for
    /// importers. Either all are stored and projected, or none.
    ///
    /// - Parameter batch: stream, payload and register deps of each event, in order.
    /// - Returns: how many events were appended (the events themselves are not collected, so
    ///   a batch of a million costs no more memory than the batch; read them with
    ///   ``events(_:)``).
    @discardableResult
    public func append(_ batch: [(stream: String, payload: EventPayload, deps: [EventID])]) throws -> Int {
        try write { db, appender in
            try appender.append(batch: batch, db)
            return appender.appendedCount
        }
    }

    /// Sizes and counts of the store.
    public func stats() throws -> StoreStats {
        let info = try info()
        let (events, replicas, kinds, statuses) = try read { db in
            (
                try EventLog.count(db),
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT replica) FROM events") ?? 0,
                try Self.counts("SELECT kind, count(*) FROM events GROUP BY kind", db),
                try ADRQueries.statusCounts(db)
            )
        }
        let files = [location.database.path, location.database.path + "-wal"]
        let bytes = files.compactMap {
            try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int64
        }
        .reduce(0, +)
        return StoreStats(
            store: info.id.rawValue, name: info.name, replica: info.replica.rawValue, site: info.site,
            events: events,
            replicas: replicas, eventsByKind: kinds, adrsByStatus: statuses, databaseBytes: bytes)
    }

    static func counts(_ sql: String, _ db: Database) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) { result[row[0]] = row[1] }
        return result
    }
}
