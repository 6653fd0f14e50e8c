import Foundation

/// A producer on a second thread and a consumer on the caller's, joined by a short queue of
/// chunks: the CPU work of a bulk write (making events, reading and checking bundle lines)
/// overlaps the writer's SQL instead of adding to it.
///
/// Elements reach the consumer in the order they were emitted; the producer's error reaches
/// it after the elements emitted before it. When the consumer throws, the producer is stopped
/// (its next `emit` throws ``Stopped``) and waited for before the error propagates.
final class HandOff<Element: Sendable, Outcome: Sendable>: @unchecked Sendable {
    /// Elements handed over at once.
    static var chunkSize: Int { 256 }
    /// Chunks the producer may run ahead of the consumer, which bounds the memory held.
    static var depth: Int { 8 }

    /// Thrown by `emit` once the consumer has stopped.
    struct Stopped: Error {}

    private enum Item {
        case elements([Element])
        case failed(any Error)
        case finished(Outcome)
    }

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var cancelled = false
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Runs `produce` on another thread and calls `consume` here with each element it emits.
    ///
    /// - Returns: what `produce` returned.
    /// - Throws: the first error of either side.
    static func run(
        produce: @escaping @Sendable (_ emit: (Element) throws -> Void) throws -> Outcome,
        consume: (Element) throws -> Void
    ) throws -> Outcome {
        let handOff = HandOff()
        DispatchQueue.global(qos: .userInitiated).async { handOff.producing(produce) }
        defer { handOff.stop() }
        while true {
            switch handOff.next() {
            case .elements(let elements): for element in elements { try consume(element) }
            case .failed(let error): throw error
            case .finished(let outcome): return outcome
            }
        }
    }

    private func producing(_ produce: (_ emit: (Element) throws -> Void) throws -> Outcome) {
        var chunk: [Element] = []
        chunk.reserveCapacity(Self.chunkSize)
        let last: Item
        do {
            let outcome = try produce { element in
                chunk.append(element)
                guard chunk.count == Self.chunkSize else { return }
                try hand(.elements(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            if !chunk.isEmpty { try hand(.elements(chunk)) }
            last = .finished(outcome)
        } catch {
            // What was emitted before the error still goes first (unless the consumer stopped).
            if !(error is Stopped), !chunk.isEmpty { try? hand(.elements(chunk)) }
            last = .failed(error)
        }
        try? hand(last)
        done.signal()
    }

    /// Queues an item, waiting while `depth` items wait already.
    private func hand(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth && !cancelled { condition.wait() }
        guard !cancelled else { throw Stopped() }
        queue.append(item)
        condition.broadcast()
    }

    private func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// Stops the producer if it still runs, and waits until it has returned.
    private func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}
