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
    static let columns = "e.pos, e.id, e.body, e.sig, p.salt, p.payload"
    static let from = "events e LEFT JOIN payloads p ON p.pos = e.pos"

    /// Inserts an event and its payload and extends its replica's chain; returns its local
    /// position.
    ///
    /// - Parameter extendingChain: false when the caller keeps the chain itself and stores it
    ///   with ``setChain(_:seq:head:_:)`` (the appender, for the local replica's own events).
    static func insert(_ event: Event, extendingChain: Bool = true, _ db: Database) throws -> Int64 {
        let h = event.header
        try db.cachedStatement(
            sql:
                "INSERT INTO events (id, replica, seq, hlc, kind, stream, prev, body, sig) VALUES (?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            event.id.bytes, h.replica.rawValue, h.seq, h.hlc.packed, h.kindName, h.stream, h.prev?.bytes,
            event.body,
            event.signature,
        ])
        let pos = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO payloads (pos, salt, payload) VALUES (?,?,?)")
            .execute(arguments: [pos, event.salt, event.payload])
        if extendingChain { try extendChain(h.replica.rawValue, inserted: event, db) }
        return pos
    }

    /// Stores a replica's unbroken chain: its highest contiguous seq and that event's id.
    static func setChain(_ replica: String, seq: Int64, head: Data, _ db: Database) throws {
        try db.execute(
            cached: "INSERT INTO chains (replica, contiguous, head) VALUES (?, ?, ?) "
                + "ON CONFLICT (replica) DO UPDATE SET contiguous = excluded.contiguous, head = excluded.head",
            arguments: [replica, seq, head])
    }

    /// A replica's unbroken chain: the highest contiguous seq and its id.
    static func chain(_ replica: String, _ db: Database) throws -> (seq: Int64, head: Data?) {
        guard
            let row = try Row.fetchOne(
                db, cached: "SELECT contiguous, head FROM chains WHERE replica = ?", arguments: [replica])
        else { return (0, nil) }
        return (row["contiguous"], row["head"])
    }

    /// Every replica's unbroken chain.
    static func chains(_ db: Database) throws -> [String: (seq: Int64, head: Data)] {
        var result: [String: (seq: Int64, head: Data)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT replica, contiguous, head FROM chains") {
            result[row["replica"]] = (row["contiguous"], row["head"])
        }
        return result
    }

    /// Advances a replica's chain over every stored event that links to its head, starting
    /// with `inserted` (the usual case: the next event, so no lookup is needed for it).
    private static func extendChain(_ replica: String, inserted: Event, _ db: Database) throws {
        let (seq, head) = try chain(replica, db)
        // An event that does not link to the head changes nothing: every stored event that
        // could follow the head was linked when it arrived.
        guard inserted.header.seq == seq + 1, inserted.header.prev?.bytes == head else { return }
        try extendChain(replica, from: (seq + 1, inserted.id.bytes), db)
    }

    /// Advances a replica's chain over every stored event that links to its stored head:
    /// after events were inserted without extending it (a bundle import does this once per
    /// replica, not once per event).
    static func extendChain(_ replica: String, _ db: Database) throws {
        let (seq, head) = try chain(replica, db)
        guard let next = try nextInChain(replica, after: seq, head: head, db) else { return }
        try extendChain(replica, from: (seq + 1, next), db)
    }

    /// Stores the chain reaching `from` and every later event linking to it.
    private static func extendChain(_ replica: String, from: (seq: Int64, head: Data), _ db: Database) throws
    {
        var (seq, head) = from
        while let next = try nextInChain(replica, after: seq, head: head, db) {
            seq += 1
            head = next
        }
        try setChain(replica, seq: seq, head: head, db)
    }

    private static func nextInChain(_ replica: String, after seq: Int64, head: Data?, _ db: Database) throws
        -> Data?
    {
        try Data.fetchOne(
            db,
            cached: "SELECT id FROM events WHERE replica = ? AND seq = ? AND prev IS ? ORDER BY id LIMIT 1",
            arguments: [replica, seq + 1, head])
    }

    /// The highest event of a replica's chain.
    static func head(of replica: ReplicaID, _ db: Database) throws -> (seq: Int64, id: EventID)? {
        let row = try Row.fetchOne(
            db, sql: "SELECT seq, id FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1",
            arguments: [replica.rawValue])
        guard let row, let id = EventID(bytes: row["id"]) else { return nil }
        return (row["seq"], id)
    }

    /// The latest clock reading in the log no later than `limit`; new local events sort
    /// after it. Readings from far in the future (a site with a wrong clock) do not drag
    /// the local clock along.
    static func maxClock(notAfter limit: HLC, _ db: Database) throws -> HLC {
        HLC(
            packed: try Int64.fetchOne(
                db, sql: "SELECT max(hlc) FROM events WHERE hlc <= ?", arguments: [limit.packed]) ?? 0)
    }

    /// How many events the log holds.
    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
    }

    /// Events matching `filter`, in projection order.
    static func fetch(_ filter: EventFilter, _ db: Database) throws -> [StoredEvent] {
        var conditions = SQLConditions()
        conditions.add("e.stream = ?", filter.stream)
        conditions.add("e.kind = ?", filter.kind)
        let sql = "SELECT \(columns) FROM \(from) \(conditions.whereClause) ORDER BY \(order)"
        return try Row.fetchAll(db, sql: sql, arguments: conditions.arguments).map(decode)
    }

    /// Calls `visit` with every projectable event (within its replica's unbroken chain) in
    /// projection order, one row at a time: all of them, or those that sort after `key`.
    static func forEach(after key: OrderKey? = nil, _ db: Database, _ visit: (StoredEvent) throws -> Void)
        throws
    {
        let after = key == nil ? "" : "WHERE (e.hlc, e.replica, e.seq, e.id) > (?, ?, ?, ?) "
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT \(columns) FROM \(from) JOIN chains c ON c.replica = e.replica AND e.seq <= c.contiguous "
                + "\(after)ORDER BY \(order)",
            arguments: key.map { [$0.hlc, $0.replica, $0.seq, $0.id] } ?? [])
        while let row = try rows.next() { try visit(try decode(row)) }
    }

    /// Calls `visit` with every stored row in local position order, without parsing, for
    /// verification that must see exactly what is on disk.
    static func forEachRaw(_ db: Database, _ visit: (RawEventRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT e.pos, e.id, e.replica, e.seq, e.hlc, e.kind, e.stream, e.prev, e.body, e.sig, p.salt, p.payload, "
                + "p.pos IS NOT NULL AS has_payload_row FROM \(from) ORDER BY e.replica, e.seq, e.pos")
        while let row = try rows.next() {
            try visit(
                RawEventRow(
                    pos: row["pos"], id: row["id"], replica: row["replica"], seq: row["seq"], hlc: row["hlc"],
                    kind: row["kind"], stream: row["stream"], prev: row["prev"], body: row["body"],
                    sig: row["sig"],
                    salt: row["salt"], payload: row["payload"], hasPayloadRow: row["has_payload_row"]))
        }
    }

    static func decode(_ row: Row) throws -> StoredEvent {
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
    var prev: Data?
    var body: Data
    var sig: Data
    var salt: Data?
    var payload: Data?
    var hasPayloadRow: Bool
}

extension EventLog {
    /// A recursive common table `replicas`: each replica with events, one index probe each.
    private static let replicaWalk = """
        replicas (replica) AS (
            SELECT min(replica) FROM events
            UNION ALL
            SELECT (SELECT min(replica) FROM events WHERE replica > r.replica) FROM replicas r
            WHERE r.replica IS NOT NULL
        )
        """

    /// Every replica that has events here, found by skipping through the (replica, seq)
    /// index (a DISTINCT read every index entry: 80 ms of an incremental export at 1M events).
    static func replicas(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            cached: """
                WITH RECURSIVE \(replicaWalk)
                SELECT replica FROM replicas WHERE replica IS NOT NULL
                """)
    }

    /// The lowest and highest seq of a replica's events past `after`, and how many there are.
    static func range(_ replica: String, after: Int64, _ db: Database) throws -> (
        from: Int64, to: Int64, count: Int
    )? {
        let row = try Row.fetchOne(
            db, sql: "SELECT min(seq), max(seq), count(*) FROM events WHERE replica = ? AND seq > ?",
            arguments: [replica, after])
        guard let row, let from: Int64 = row[0], let to: Int64 = row[1] else { return nil }
        return (from, to, row[2])
    }

    /// A replica's events past `after`, by seq, one at a time.
    static func forEach(replica: String, after: Int64, _ db: Database, _ visit: (StoredEvent) throws -> Void)
        throws
    {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(columns) FROM \(from) WHERE e.replica = ? AND e.seq > ? ORDER BY e.seq, e.id",
            arguments: [replica, after])
        while let row = try rows.next() { try visit(try decode(row)) }
    }

    /// The id of a replica's event at `seq`, if stored (the first by id when forked).
    static func id(of replica: String, seq: Int64, _ db: Database) throws -> Data? {
        try Data.fetchOne(
            db, cached: "SELECT id FROM events WHERE replica = ? AND seq = ? ORDER BY id LIMIT 1",
            arguments: [replica, seq])
    }

    /// Whether a bundle file was already imported by a directory sync.
    static func seen(_ file: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM sync_seen WHERE file = ?", arguments: [file]) ?? false
    }

    static func markSeen(_ file: String, events: Int, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO sync_seen (file, events) VALUES (?, ?)", arguments: [file, events])
    }
}

extension EventLog {
    /// The smallest order key among a replica's events with seq in `from...to`.
    static func earliest(_ replica: String, from: Int64, to: Int64, _ db: Database) throws -> OrderKey? {
        try Row.fetchOne(
            db,
            sql: "SELECT hlc, replica, seq, id FROM events WHERE replica = ? AND seq BETWEEN ? AND ? "
                + "ORDER BY hlc, seq, id LIMIT 1", arguments: [replica, from, to]
        ).map { OrderKey(hlc: $0["hlc"], replica: $0["replica"], seq: $0["seq"], id: $0["id"]) }
    }

    /// Per replica, the seqs missing after its unbroken chain and how many later events wait.
    /// Walks the replicas through the (replica, seq) index, so the cost follows the replicas
    /// and the held events, not the length of the log.
    static func heldRanges(_ db: Database) throws -> [HeldRange] {
        try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(replicaWalk),
                waiting AS (
                    SELECT r.replica, coalesce(c.contiguous, 0) AS contiguous FROM replicas r
                    LEFT JOIN chains c ON c.replica = r.replica WHERE r.replica IS NOT NULL
                )
                SELECT w.replica, w.contiguous, min(e.seq) AS next, count(*) AS held,
                    (SELECT json_extract(p.payload, '$.site') FROM events k JOIN payloads p ON p.pos = k.pos
                     WHERE k.replica = w.replica AND k.kind = 'key.enrolled' LIMIT 1) AS site
                FROM waiting w JOIN events e ON e.replica = w.replica AND e.seq > w.contiguous
                GROUP BY w.replica ORDER BY w.replica
                """
        ).map { row in
            let contiguous: Int64 = row["contiguous"]
            let next: Int64 = row["next"]
            return HeldRange(
                replica: row["replica"], site: row["site"], missingFrom: contiguous + 1, missingTo: next - 1,
                held: row["held"])
        }
    }
}
