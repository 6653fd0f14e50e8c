import Foundation

/// One local event of a batch, before it is made: its stream, payload and register deps.
typealias EventDraft = (stream: String, payload: EventPayload, deps: [EventID])

/// Makes a batch's events on a second thread, a chunk at a time, while the writer stores
/// and projects the ones before: encoding, hashing and signing (a fifth of a bulk append)
/// then overlap the SQL instead of adding to it.
final class EventPipeline: @unchecked Sendable {
    /// Events made per hand-over.
    static let chunkSize = 256
    /// Chunks made ahead of the writer at most, which bounds the memory the pipeline holds.
    static let depth = 8

    private let condition = NSCondition()
    private var ready: [Result<[Event], any Error>] = []
    private var producing = true
    private var cancelled = false
    private var final: EventMaker?
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Calls `store` with each event of `drafts`, in order, as `maker` makes them on
    /// another thread.
    ///
    /// - Returns: the maker after the last event, to continue the chain from.
    /// - Throws: the first error of making or storing; the other thread is stopped first.
    static func run(
        _ drafts: [EventDraft], author: String, maker: EventMaker, store: (Event, EventPayload) throws -> Void
    ) throws -> EventMaker {
        let pipeline = EventPipeline()
        DispatchQueue.global(qos: .userInitiated).async {
            pipeline.produce(drafts, author: author, maker: maker)
        }
        defer { pipeline.stop() }
        var index = 0
        while let chunk = pipeline.next() {
            for event in try chunk.get() {
                try store(event, drafts[index].payload)
                index += 1
            }
        }
        // `next` returns nil only once the producer has set its final maker.
        pipeline.condition.lock()
        defer { pipeline.condition.unlock() }
        guard let final = pipeline.final else { preconditionFailure("the producer ends with its maker") }
        return final
    }

    private func produce(_ drafts: [EventDraft], author: String, maker: EventMaker) {
        var maker = maker
        var start = drafts.startIndex
        while start < drafts.endIndex {
            let end = min(start + Self.chunkSize, drafts.endIndex)
            var events: [Event] = []
            events.reserveCapacity(end - start)
            do {
                for draft in drafts[start..<end] {
                    events.append(
                        try maker.make(
                            stream: draft.stream, payload: draft.payload, deps: draft.deps, author: author))
                }
            } catch {
                _ = hand(.failure(error))
                break
            }
            guard hand(.success(events)) else { break }
            start = end
        }
        condition.lock()
        producing = false
        final = maker
        condition.broadcast()
        condition.unlock()
        done.signal()
    }
    /// Queues a chunk for the writer, waiting while `depth` chunks are waiting already.
    ///
    /// - Returns: false when the writer has stopped.
    private func hand(_ chunk: Result<[Event], any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= Self.depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, or nil when every chunk has been handed over.
    private func next() -> Result<[Event], any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && producing { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    /// Stops the producer (if it still runs) and waits until it has returned.
    private func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}
