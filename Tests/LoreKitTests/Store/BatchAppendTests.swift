import Foundation
import Testing

@testable import LoreKit

/// The batch API makes events on a second thread (``EventPipeline``) while the writer
/// stores the ones before; a batch must still be one chain, in order, in one transaction.
@Suite struct BatchAppendTests {
    /// A batch of `count` drafts: every record is recorded, every third one then changes status.
    static func drafts(_ count: Int) -> [EventDraft] {
        var drafts: [EventDraft] = []
        var number = 0
        while drafts.count < count {
            number += 1
            let adr = ADRID(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012x", number))!)
            drafts.append(
                (
                    stream: adr.stream,
                    payload: .adrRecorded(
                        ADRRecorded(
                            adr: adr, number: number, title: "Decision \(number)", status: "proposed",
                            date: "2024-01-01")),
                    deps: []
                ))
            if number % 3 == 0, drafts.count < count {
                drafts.append(
                    (
                        stream: adr.stream,
                        payload: .adrStatusChanged(ADRStatusChanged(adr: adr, status: "accepted")),
                        deps: []
                    ))
            }
        }
        return drafts
    }

    @Test(arguments: [EventPipeline.chunkSize * EventPipeline.depth * 2 + 37, EventPipeline.chunkSize + 1])
    func aLargeBatchIsOneChainInOrder(count: Int) throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let drafts = Self.drafts(count)
        #expect(try store.append(drafts) == count)
        let events = try store.events().map(\.event)
        let local = events.filter { $0.header.kind != .keyEnrolled }
        #expect(local.count == count)
        #expect(zip(local, drafts).allSatisfy { $0.header.stream == $1.stream })
        for (earlier, later) in zip(events, events.dropFirst()) {
            #expect(later.header.seq == earlier.header.seq + 1)
            #expect(later.header.prev == earlier.id)
            #expect(earlier.header.hlc < later.header.hlc)
        }
        let report = try store.verify()
        #expect(report.problems.isEmpty)
        #expect(report.liveDigest == report.rebuiltDigest)
        #expect(
            try store.adrs().count
                == drafts.filter { $0.stream.hasPrefix("adr/") && $0.payload.kind == .adrRecorded }.count)
        // The next single append continues the chain the batch left.
        try store.append([drafts[0]])
        #expect(try store.events().last?.event.header.prev == events.last?.id)
    }

    @Test func aBatchThatFailsWritesNothing() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let before = try store.events().count
        #expect(throws: ADRError.self) {
            try store.write { db, appender in
                try appender.append(batch: Self.drafts(EventPipeline.chunkSize * 3), db)
                throw ADRError.emptyTitle
            }
        }
        #expect(try store.events().count == before)
    }

    /// The writer's error stops the maker's thread (the call returns instead of hanging) and
    /// is the one thrown; nothing after the failing event reaches the writer.
    @Test func aStoringErrorStopsThePipeline() throws {
        struct Refused: Error {}
        let drafts = Self.drafts(EventPipeline.chunkSize * (EventPipeline.depth + 4))
        let failAt = EventPipeline.chunkSize * 2 + 5
        var stored: [Event] = []
        #expect(throws: Refused.self) {
            _ = try EventPipeline.run(drafts, author: "Ada", maker: Self.maker()) { event, _ in
                guard stored.count < failAt else { throw Refused() }
                stored.append(event)
            }
        }
        #expect(stored.count == failAt)
        #expect(stored.map(\.header.seq) == Array(1...Int64(failAt)))
    }

    @Test func thePipelineHandsOverEveryEventInOrderAndReturnsTheMakerAfterTheLast() throws {
        let drafts = Self.drafts(EventPipeline.chunkSize * 3 + 11)
        var stored: [(Event, EventPayload)] = []
        let maker = try EventPipeline.run(drafts, author: "Ada", maker: Self.maker()) {
            stored.append(($0, $1))
        }
        #expect(stored.map(\.0.header.seq) == Array(1...Int64(drafts.count)))
        #expect(zip(stored, drafts).allSatisfy { $0.1 == $1.payload && $0.0.header.stream == $1.stream })
        #expect(maker.last.seq == Int64(drafts.count))
        #expect(maker.last.id == stored.last?.0.id)
    }

    private static func maker() throws -> EventMaker {
        EventMaker(
            storeID: StoreID(UUID().uuidString.lowercased()), key: SigningKey(),
            environment: TestStore.environment(), last: (0, nil),
            clock: .zero)
    }
}
