import Foundation
import GRDB

/// One thing `lore verify` found wrong.
public struct VerifyProblem: Sendable, Hashable, Codable {
    /// The event's id as stored (hex), when the problem is about one event.
    public var event: String?
    public var replica: String?
    public var seq: Int64?
    public var message: String
}

/// What `lore verify` checked and found.
public struct VerifyReport: Sendable, Hashable, Codable {
    public var events: Int
    public var replicas: Int
    public var redacted: Int
    public var liveDigest: String
    public var rebuiltDigest: String
    public var problems: [VerifyProblem]
    /// Things worth knowing that are not damage: events held behind a gap in another site's
    /// chain, and forks (two events with one replica and seq) kept from a cloned store.
    public var notices: [VerifyProblem] = []
    public var ok: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case events, replicas, redacted, problems, notices
        case liveDigest = "live_digest"
        case rebuiltDigest = "rebuilt_digest"
    }
}

/// The live projections' digest next to a fresh rebuild's.
public struct ProjectionCheck: Sendable, Hashable, Codable {
    public var live: String
    public var rebuilt: String
    public var events: Int
    /// Whether FTS5's integrity check passed on both search indexes.
    public var indexIntact = true
    public var matches: Bool { live == rebuilt && indexIntact }

    enum CodingKeys: String, CodingKey {
        case live, rebuilt, events
        case indexIntact = "index_intact"
    }
}

extension Store {
    /// Recomputes every id, chain link, payload hash and signature, and compares the
    /// projections with a fresh rebuild. Changes nothing.
    public func verify() throws -> VerifyReport {
        var problems: [VerifyProblem] = []
        var notices: [VerifyProblem] = []
        let (events, replicas, redacted) = try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if integrity != ["ok"] {
                problems.append(
                    VerifyProblem(
                        message:
                            "the database file is damaged: \(integrity.prefix(3).joined(separator: "; "))"))
            }
            let info = try StoreMetadata.info(db)
            return try LogVerifier.check(
                storeID: info.id, local: info.replica.rawValue, db, into: &problems, notices: &notices)
        }
        var check = ProjectionCheck(live: "", rebuilt: "", events: events)
        do {
            check = try checkProjections()
            if !check.indexIntact {
                problems.append(
                    VerifyProblem(
                        message:
                            "the search index fails FTS5's integrity check; run `lore rebuild` to rebuild it")
                )
            }
            if check.live != check.rebuilt {
                let advice =
                    problems.isEmpty
                    ? "run `lore rebuild`"
                    : "restore the store from a backup or another site; the log itself is damaged"
                problems.append(
                    VerifyProblem(
                        message:
                            "the projections differ from a rebuild of the log (live \(check.live.prefix(12)), "
                            + "rebuilt \(check.rebuilt.prefix(12))); \(advice)"))
            }
        } catch {
            problems.append(
                VerifyProblem(message: "the projections cannot be rebuilt: \(error.localizedDescription)"))
        }
        return VerifyReport(
            events: events, replicas: replicas, redacted: redacted, liveDigest: check.live,
            rebuiltDigest: check.rebuilt, problems: problems, notices: notices)
    }

    /// Compares the live projections with a rebuild done in a savepoint that is rolled back.
    public func checkProjections() throws -> ProjectionCheck {
        try StoreErrors.mapping(path: location.database.path) {
            try queue.write { db in
                let live = try Projector.digest(db)
                var indexIntact = true
                do { try SearchProjection.integrityCheck(db) } catch is DatabaseError { indexIntact = false }
                var rebuilt = ""
                try db.inSavepoint {
                    try Projector.rebuild(db)
                    rebuilt = try Projector.digest(db)
                    return .rollback
                }
                return ProjectionCheck(
                    live: live, rebuilt: rebuilt, events: try EventLog.count(db), indexIntact: indexIntact)
            }
        }
    }

    /// Empties the projections and folds the whole log again, in one transaction.
    ///
    /// The check of the log (folding altered events would make tampering look like a repair)
    /// and the digest of the projections being replaced read the last commit on a second
    /// connection, on another core, while this one folds; the fold commits only once the
    /// check has passed.
    ///
    /// - Returns: the digest of the rebuilt projections.
    @discardableResult
    public func rebuild(progress: ProgressReport? = nil) throws -> ProjectionCheck {
        let path = location.database.path
        return try writeTransaction { db in
            // Started under the write lock, so the second connection reads exactly the state
            // this rebuild replaces: no other write can commit in between.
            let before = ConcurrentRead(path: path) { db in
                var problems: [VerifyProblem] = []
                var notices: [VerifyProblem] = []
                let info = try StoreMetadata.info(db)
                _ = try LogVerifier.check(
                    storeID: info.id, local: info.replica.rawValue, signatures: .onePerSegment, db,
                    into: &problems, notices: &notices)
                if let first = problems.first {
                    throw StoreError.logFailsVerification(
                        event: first.event.map { String($0.prefix(12)) }, first.message)
                }
                return try Projector.digest(db)
            }
            defer { before.wait() }
            try Projector.rebuild(db, progress: progress, source: Self.eventsRead(from: path))
            return ProjectionCheck(
                live: try before.value(), rebuilt: try Projector.digest(db), events: try EventLog.count(db))
        }
    }
}

extension Store {
    /// Rebuilds the projections of a store marked as pending it (a join commits the events
    /// it imported first), and clears the mark, in one transaction; does nothing otherwise.
    ///
    /// The log was checked as it was imported, so unlike ``rebuild(progress:)`` nothing is
    /// verified or compared: the second connection and core only read and decode the log.
    func foldPendingProjections(progress: ProgressReport? = nil) throws {
        try writeTransaction { db in
            guard try StoreMetadata.get(.projectionsPending, db) != nil else { return }
            try Projector.rebuild(
                db, progress: progress, source: Self.eventsRead(from: location.database.path))
            try StoreMetadata.remove(.projectionsPending, in: db)
        }
    }

    /// The committed log, read and decoded on a second connection and thread while the
    /// caller folds: a tenth of a rebuild moves off the writer. Only for a write that has not
    /// added events (the second connection sees the last commit), under the write lock.
    fileprivate static func eventsRead(from path: String) -> Projector.EventSource {
        { visit in
            try HandOff<(StoredEvent, EventPayload?), Void>.run(
                produce: { emit in
                    try secondConnection(path).read { db in
                        try Projector.events(in: db)({ try emit(($0, $1)) })
                    }
                },
                consume: { try visit($0.0, $0.1) })
        }
    }
}

/// Which signatures a check verifies.
enum SignatureChecks {
    /// Every event's: `lore verify`, which must find a damaged signature anywhere.
    case everyEvent
    /// One per contiguous chain segment, its last event's: the `prev` links (inside signed,
    /// hashed bodies) vouch for every event before it. Enough to refuse a forged or altered
    /// log before a rebuild, at a fraction of the cost (an Ed25519 verify per event was half
    /// of a rebuild).
    case onePerSegment
}

/// The per-event checks of `lore verify`, over rows exactly as stored.
enum LogVerifier {
    /// Checks every row; returns (events, replicas, redacted payloads).
    ///
    /// A gap in the local replica's own chain is damage (every one of its events was written
    /// here); a gap in another replica's chain, or a fork, is a notice.
    static func check(
        storeID: StoreID, local: String? = nil, signatures: SignatureChecks = .everyEvent, _ db: Database,
        into problems: inout [VerifyProblem], notices: inout [VerifyProblem]
    ) throws -> (Int, Int, Int) {
        var count = 0
        var redacted = 0
        var heads: [String: (seq: Int64, id: Data)] = [:]
        var segments = SegmentEnds<(row: RawEventRow, body: EventBody)>()
        func checkSignature(_ waiting: (row: RawEventRow, body: EventBody)) {
            guard let id = EventID(bytes: waiting.row.id),
                let problem = EventIntegrity.signatureProblem(
                    waiting.body, id: id, signature: waiting.row.sig)
            else { return }
            problems.append(
                VerifyProblem(
                    event: waiting.row.id.hexString, replica: waiting.row.replica, seq: waiting.row.seq,
                    message: problem))
        }
        try EventLog.forEachRaw(db) { row in
            count += 1
            func report(_ message: String, notice: Bool = false) {
                let problem = VerifyProblem(
                    event: row.id.hexString, replica: row.replica, seq: row.seq, message: message)
                if notice { notices.append(problem) } else { problems.append(problem) }
            }
            let expectedPrev = heads[row.replica]
            heads[row.replica] = (row.seq, row.id)
            let (parsed, problems) = EventIntegrity.check(
                id: row.id, body: row.body, signature: row.sig, salt: row.salt, payload: row.payload,
                verifySignature: signatures == .everyEvent)
            for problem in problems { report(problem) }
            if signatures == .onePerSegment,
                let ended = segments.next(
                    parsed.map { (row, $0) }, id: row.id, prev: parsed?.prev?.bytes, replica: row.replica,
                    order: Int(row.pos))
            {
                checkSignature(ended)
            }
            guard let body = parsed else { return }
            if body.replica.rawValue != row.replica || body.seq != row.seq || body.hlc.packed != row.hlc
                || body.kindName != row.kind || body.stream != row.stream || body.prev?.bytes != row.prev
            {
                report(
                    "the indexed columns (replica, seq, prev, clock, kind, stream) differ from the signed body"
                )
            }
            if body.store != storeID { report("the event belongs to store \(body.store), not \(storeID)") }
            if !row.hasPayloadRow {
                report("the payload row is missing")
            } else if row.payload == nil {
                redacted += 1
            }
            let wanted: (Int64, EventID?) =
                expectedPrev.map { ($0.seq + 1, EventID(bytes: $0.id)) } ?? (1, nil)
            let foreign = row.replica != local
            if let expectedPrev, expectedPrev.seq == body.seq {
                report(
                    "fork: a second event with seq \(body.seq) in this replica's chain (a cloned store)",
                    notice: true)
            } else if body.seq != wanted.0 {
                let missing = "seq \(wanted.0)" + (body.seq - 1 > wanted.0 ? "–\(body.seq - 1)" : "")
                report(
                    foreign
                        ? "missing \(missing) from this replica: later events are held until they arrive"
                        : "the chain jumps from seq \(wanted.0 - 1) to \(body.seq): events are missing",
                    notice: foreign)
            } else if body.prev != wanted.1 {
                report("prev does not link to the replica's previous event", notice: foreign)
            }
        }
        for ended in segments.remaining { checkSignature(ended) }
        return (count, heads.count, redacted)
    }
}
