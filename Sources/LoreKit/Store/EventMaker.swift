import Foundation

/// Builds the local replica's next events: stamps the sequence number, the chain link and
/// the hybrid logical clock, encodes the payload, salts, hashes and signs.
///
/// A value with no database access, so a batch can be made on another thread while the
/// writer stores the events before it (``EventPipeline``).
struct EventMaker: Sendable {
    let storeID: StoreID
    let key: SigningKey
    let environment: LoreEnvironment
    /// The last event of the local chain: its seq and id.
    private(set) var last: (seq: Int64, id: EventID?)
    private(set) var clock: HLC

    init(storeID: StoreID, key: SigningKey, environment: LoreEnvironment, last: (Int64, EventID?), clock: HLC)
    {
        self.storeID = storeID
        self.key = key
        self.environment = environment
        self.last = last
        self.clock = clock
    }

    /// The next event of the chain.
    mutating func make(stream: String, payload: EventPayload, deps: [EventID], author: String) throws -> Event
    {
        clock = clock.tick(nowMillis: environment.nowMillis)
        let event = try Event.make(
            store: storeID, seq: last.seq + 1, prev: last.id, hlc: clock, author: author, stream: stream,
            deps: deps, payload: payload, salt: environment.randomBytes(16), key: key)
        last = (event.header.seq, event.id)
        return event
    }
}
