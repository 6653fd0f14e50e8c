import Foundation
import Testing

@testable import LoreKit

@Suite struct HandOffTests {
    struct Broken: Error {}

    @Test func everyElementArrivesInOrderThenTheOutcome() throws {
        let count = HandOff<Int, String>.chunkSize * 5 + 3
        var seen: [Int] = []
        let outcome = try HandOff<Int, String>.run(
            produce: { emit in
                for i in 0..<count { try emit(i) }
                return "made \(count)"
            },
            consume: { seen.append($0) })
        #expect(seen == Array(0..<count))
        #expect(outcome == "made \(count)")
    }

    @Test func theProducersErrorComesAfterWhatItEmittedBefore() {
        let before = HandOff<Int, Int>.chunkSize * 2 + 7
        var seen: [Int] = []
        #expect(throws: Broken.self) {
            try HandOff<Int, Int>.run(
                produce: { emit in
                    for i in 0..<before { try emit(i) }
                    throw Broken()
                },
                consume: { seen.append($0) })
        }
        #expect(seen == Array(0..<before))
    }

    /// A producer that would never end on its own is stopped by the consumer's error.
    @Test(.timeLimit(.minutes(1))) func theConsumersErrorStopsAnEndlessProducer() {
        var seen = 0
        #expect(throws: Broken.self) {
            try HandOff<Int, Int>.run(
                produce: { emit in
                    var i = 0
                    while true {
                        try emit(i)
                        i += 1
                    }
                },
                consume: { _ in
                    seen += 1
                    if seen == 1000 { throw Broken() }
                })
        }
        #expect(seen == 1000)
    }
}
