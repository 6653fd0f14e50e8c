import Foundation
import Testing

@testable import LoreKit

struct LoreEnvironmentTests {
    @Test(arguments: [0, 1, 5, 8, 16, 33])
    func liveRandomBytesHaveTheAskedLength(count: Int) {
        #expect(LoreEnvironment.live.randomBytes(count).count == count)
    }

    @Test func liveSaltsDifferFromDrawToDraw() {
        let salts = (0..<64).map { _ in LoreEnvironment.live.randomBytes(16) }
        #expect(Set(salts).count == salts.count)
        // Every byte value position varies: a generator that filled only some bytes would not.
        for position in 0..<16 {
            #expect(Set(salts.map { $0[$0.startIndex + position] }).count > 1)
        }
    }
}
