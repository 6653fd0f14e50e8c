import Foundation
import GRDB

/// An event with its local position in this store's log.
public struct StoredEvent: Sendable, Hashable {
    /// The local position (the integer primary key); differs between replicas.
    public let pos: Int64
    public let event: Event
}

/// Which events to read from the log.
public struct EventFilter: Sendable {
    public var stream: String?
    public var kind: String?
    public init(stream: String? = nil, kind: String? = nil) {
        self.stream = stream
        self.kind = kind
    }
}

/// The SQL of the event log: insert, heads, clock, ordered reads.
enum EventLog {
    /// The projection order: (hlc, replica, seq), then id for forked duplicates.
    static let order = "e.hlc, e.replica, e.seq, e.id"
    private static let columns = "e.pos, e.id, e.body, e.sig, p.salt, p.payload"
    private static let from = "events e LEFT JOIN payloads p ON p.pos = e.pos"

    /// Inserts an event and its payload; returns its local position.
    static func insert(_ event: Event, _ db: Database) throws -> Int64 {
        let h = event.header
        try db.cachedStatement(
            sql:
                "INSERT INTO events (id, replica, seq, hlc, kind, stream, body, sig) VALUES (?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            event.id.bytes, h.replica.rawValue, h.seq, h.hlc.packed, h.kindName, h.stream, event.body,
            event.signature,
        ])
        let pos = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO payloads (pos, salt, payload) VALUES (?,?,?)")
            .execute(arguments: [pos, event.salt, event.payload])
        return pos
    }

    /// The highest event of a replica's chain.
    static func head(of replica: ReplicaID, _ db: Database) throws -> (seq: Int64, id: EventID)? {
        let row = try Row.fetchOne(
            db, sql: "SELECT seq, id FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1",
            arguments: [replica.rawValue])
        guard let row, let id = EventID(bytes: row["id"]) else { return nil }
        return (row["seq"], id)
    }

    /// The latest clock reading in the log; new local events sort after it.
    static func maxClock(_ db: Database) throws -> HLC {
        HLC(packed: try Int64.fetchOne(db, sql: "SELECT max(hlc) FROM events") ?? 0)
    }

    /// How many events the log holds.
    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
    }

    /// Events matching `filter`, in projection order.
    static func fetch(_ filter: EventFilter, _ db: Database) throws -> [StoredEvent] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let stream = filter.stream {
            conditions.append("e.stream = ?")
            arguments += [stream]
        }
        if let kind = filter.kind {
            conditions.append("e.kind = ?")
            arguments += [kind]
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(columns) FROM \(from)\(whereClause) ORDER BY \(order)"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(decode)
    }

    /// Calls `visit` with every event in projection order, one row at a time.
    static func forEach(_ db: Database, _ visit: (StoredEvent) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(from) ORDER BY \(order)")
        while let row = try rows.next() { try visit(try decode(row)) }
    }

    /// Calls `visit` with every stored row in local position order, without parsing, for
    /// verification that must see exactly what is on disk.
    static func forEachRaw(_ db: Database, _ visit: (RawEventRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT e.pos, e.id, e.replica, e.seq, e.hlc, e.kind, e.stream, e.body, e.sig, p.salt, p.payload, "
                + "p.pos IS NOT NULL AS has_payload_row FROM \(from) ORDER BY e.replica, e.seq, e.pos")
        while let row = try rows.next() {
            try visit(
                RawEventRow(
                    pos: row["pos"], id: row["id"], replica: row["replica"], seq: row["seq"], hlc: row["hlc"],
                    kind: row["kind"], stream: row["stream"], body: row["body"], sig: row["sig"],
                    salt: row["salt"], payload: row["payload"], hasPayloadRow: row["has_payload_row"]))
        }
    }

    private static func decode(_ row: Row) throws -> StoredEvent {
        let body: Data = row["body"]
        guard let id = EventID(bytes: row["id"]) else {
            throw EventError.malformedBody("stored id is not 32 bytes")
        }
        let event = Event(
            id: id, body: body, header: try EventBody.decode(body), payload: row["payload"],
            salt: row["salt"],
            signature: row["sig"])
        return StoredEvent(pos: row["pos"], event: event)
    }
}

/// One row of the log exactly as stored, for ``Store/verify()``.
struct RawEventRow {
    var pos: Int64
    var id: Data
    var replica: String
    var seq: Int64
    var hlc: Int64
    var kind: String
    var stream: String
    var body: Data
    var sig: Data
    var salt: Data?
    var payload: Data?
    var hasPayloadRow: Bool
}
