/// One local event of a batch, before it is made: its stream, payload and register deps.
typealias EventDraft = (stream: String, payload: EventPayload, deps: [EventID])

/// Makes a batch's events on a second thread while the writer stores and projects the ones
/// before: encoding, hashing and signing (a fifth of a bulk append) then overlap the SQL
/// instead of adding to it.
enum EventPipeline {
    /// Events made per hand-over.
    static var chunkSize: Int { HandOff<Event, EventMaker>.chunkSize }
    /// Chunks made ahead of the writer at most.
    static var depth: Int { HandOff<Event, EventMaker>.depth }

    /// Calls `store` with each event of `drafts`, in order, as `maker` makes them on
    /// another thread.
    ///
    /// - Returns: the maker after the last event, to continue the chain from.
    /// - Throws: the first error of making or storing; the other thread is stopped first.
    static func run(
        _ drafts: [EventDraft], author: String, maker: EventMaker, store: (Event, EventPayload) throws -> Void
    ) throws -> EventMaker {
        var index = drafts.startIndex
        return try HandOff<Event, EventMaker>.run(
            produce: { emit in
                var maker = maker
                for draft in drafts {
                    try emit(
                        try maker.make(
                            stream: draft.stream, payload: draft.payload, deps: draft.deps, author: author))
                }
                return maker
            },
            consume: { event in
                try store(event, drafts[index].payload)
                index += 1
            })
    }
}
