import Foundation
import Testing

@testable import LoreKit

/// Which events' signatures a one-per-segment check verifies.
@Suite struct SegmentEndsTests {
    static func id(_ n: UInt8) -> Data { Data(repeating: n, count: 32) }

    @Test func onlyTheLastEventOfEachRunIsReturned() {
        var ends = SegmentEnds<String>()
        var checked: [String] = []
        func feed(_ name: String?, _ id: UInt8, prev: UInt8?, _ replica: String, _ order: Int) {
            if let ended = ends.next(
                name, id: Self.id(id), prev: prev.map(Self.id), replica: replica, order: order)
            {
                checked.append(ended)
            }
        }
        feed("a1", 1, prev: nil, "A", 1)
        feed("b1", 11, prev: nil, "B", 2)  // another replica does not end A's run
        feed("a2", 2, prev: 1, "A", 3)  // vouches for a1
        feed("a3x", 3, prev: 2, "A", 4)
        feed("a3y", 4, prev: 2, "A", 5)  // a fork: does not name a3x, so a3x ends a run
        feed(nil, 5, prev: 4, "A", 6)  // unreadable: vouches for nothing
        feed("a5", 6, prev: 9, "A", 7)  // past a gap
        #expect(checked == ["a3x", "a3y"])
        #expect(ends.remaining == ["b1", "a5"])
    }
}
