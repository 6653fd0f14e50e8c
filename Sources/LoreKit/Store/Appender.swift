import Foundation
import GRDB

/// Appends events inside one write transaction: signs them as the local replica, chains
/// them, stamps the hybrid logical clock, stores them and brings the projections along.
final class Appender {
    private let store: Store
    /// Makes the local replica's events; nil until the write's first local event.
    private var maker: EventMaker?
    private var info: StoreInfo?
    /// The projection checkpoint as of this appender's last event; read once per write and
    /// stored once, by ``finish(_:)`` (or before a rebuild).
    private var checkpoint: OrderKey??
    private var checkpointUnsaved = false
    /// The local replica's unbroken chain, kept here while the write appends to it and stored
    /// once (a lookup, a probe and an upsert per event were a tenth of a bulk append). Nil
    /// when the chain does not reach the replica's last event (then the log extends it).
    private var localChain: (seq: Int64, head: Data?)?
    private var chainUnsaved = false
    /// How many events this write has appended (they are not kept: a batch of a million
    /// held them all in memory).
    private(set) var appendedCount = 0

    init(store: Store) { self.store = store }

    /// Appends one event written by the local replica.
    ///
    /// - Parameters:
    ///   - stream: the stream the event belongs to, e.g. `adr/<uuid>`.
    ///   - payload: the typed payload.
    ///   - deps: the register heads this write saw.
    ///   - author: overrides the store's author for this event.
    /// - Returns: the stored event.
    @discardableResult
    func append(
        stream: String, payload: EventPayload, deps: [EventID] = [], author: String? = nil, _ db: Database
    ) throws -> Event {
        var maker = try localMaker(db)
        guard let info else { preconditionFailure("localMaker sets info") }
        let event = try maker.make(
            stream: stream, payload: payload, deps: deps, author: author ?? info.author)
        self.maker = maker
        try store(event, payload: payload, db)
        return event
    }

    /// Appends many events written by the local replica, made on a second thread while this
    /// one stores the ones before (``EventPipeline``); a few are made here.
    func append(batch: [EventDraft], _ db: Database) throws {
        guard batch.count >= EventPipeline.chunkSize else {
            for draft in batch {
                try append(stream: draft.stream, payload: draft.payload, deps: draft.deps, db)
            }
            return
        }
        let maker = try localMaker(db)
        guard let info else { preconditionFailure("localMaker sets info") }
        self.maker = try EventPipeline.run(batch, author: info.author, maker: maker) { event, payload in
            try store(event, payload: payload, db)
        }
    }

    /// Records a new replica's `key.enrolled` event as the first of its chain.
    func enroll(key: SigningKey, _ db: Database) throws {
        let info = try StoreMetadata.info(db)
        self.info = info
        localChain = (0, nil)
        let clock = try EventLog.maxClock(notAfter: store.environment.clockLimit, db)
        var maker = EventMaker(
            storeID: info.id, key: key, environment: store.environment, last: (0, nil), clock: clock)
        let payload = EventPayload.keyEnrolled(
            KeyEnrolled(replica: key.replica.rawValue, site: info.site, author: info.author))
        let event = try maker.make(
            stream: "replica/\(key.replica.rawValue)", payload: payload, deps: [], author: info.author)
        self.maker = maker
        try store(event, payload: payload, db)
    }

    /// Moves this store to a new replica (new key, enrolled), for a store that found its
    /// replica's chain forked: someone else wrote as it, so it was cloned or restored.
    func moveToNewReplica(_ db: Database) throws -> ReplicaID {
        let key = try store.keyRing.createKey()
        try StoreMetadata.set([.replica: key.replica.rawValue], in: db)
        try enroll(key: key, db)
        return key.replica
    }

    /// Stores what this appender keeps in memory (the local chain, the checkpoint) and forgets
    /// the checkpoint, before the projections are brought along by other means in the same
    /// write (``Projector/catchUp(earliest:_:)`` reads both).
    func settle(_ db: Database) throws {
        try saveChain(db)
        if checkpointUnsaved, let key = checkpoint ?? nil { try Projector.setCheckpoint(key, db) }
        checkpointUnsaved = false
        checkpoint = nil
    }

    /// A new UUID from the store's environment.
    func newUUID() -> UUID { store.environment.newUUID() }

    /// Ends the write: stores the local chain and the checkpoint, and rewrites the search
    /// documents the write touched, once each.
    func finish(_ db: Database) throws {
        try settle(db)
        try SearchProjection.flush(db)
    }

    private func saveChain(_ db: Database) throws {
        guard chainUnsaved, let info, let chain = localChain, let head = chain.head else { return }
        try EventLog.setChain(info.replica.rawValue, seq: chain.seq, head: head, db)
        chainUnsaved = false
    }

    /// Stores a just-made local event, extends the local chain and projects it.
    private func store(_ event: Event, payload: EventPayload, _ db: Database) throws {
        let pos = try EventLog.insert(event, extendingChain: localChain == nil, db)
        if localChain != nil {
            localChain = (event.header.seq, event.id.bytes)
            chainUnsaved = true
        }
        let before = try checkpoint ?? Projector.checkpoint(db)
        if let before, !(before < OrderKey(event)) {
            try saveChain(db)  // the rebuild that follows folds the events the chains reach
        }
        checkpoint = try Projector.project(
            StoredEvent(pos: pos, event: event), payload: payload, checkpoint: before, db)
        checkpointUnsaved = true
        appendedCount += 1
    }

    /// The maker of the local replica's events. A store whose key is not on this machine
    /// (copied or restored) becomes a new replica rather than extend a chain it cannot prove
    /// it owns.
    private func localMaker(_ db: Database) throws -> EventMaker {
        if let maker { return maker }
        var info = try StoreMetadata.info(db)
        if let key = try store.keyRing.key(for: info.replica) {
            self.info = info
            var last: (seq: Int64, id: EventID?) = (0, nil)
            if let head = try EventLog.head(of: info.replica, db) { last = (head.seq, head.id) }
            let chain = try EventLog.chain(info.replica.rawValue, db)
            localChain = chain.seq == last.seq && chain.head == last.id?.bytes ? chain : nil
            let clock = try EventLog.maxClock(notAfter: store.environment.clockLimit, db)
            let maker = EventMaker(
                storeID: info.id, key: key, environment: store.environment, last: last, clock: clock)
            self.maker = maker
            return maker
        }
        let key = try store.keyRing.createKey()
        try StoreMetadata.set([.replica: key.replica.rawValue], in: db)
        info.replica = key.replica
        try enroll(key: key, db)
        guard let maker else { preconditionFailure("enroll sets the maker") }
        return maker
    }
}
