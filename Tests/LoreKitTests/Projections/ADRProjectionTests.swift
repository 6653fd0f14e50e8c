import Foundation
import Testing

@testable import LoreKit

@Suite struct ADRProjectionTests {
    /// Events from another replica that claim a number already taken are renumbered the same
    /// way on every fold: the record that sorts first keeps the number.
    @Test func collidingNumbersAreRenumberedDeterministically() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let first = ADRID(UUID(uuidString: "00000000-0000-4000-8000-00000000f001")!)
        let second = ADRID(UUID(uuidString: "00000000-0000-4000-8000-00000000f002")!)
        try store.append([
            (
                stream: first.stream,
                payload: .adrRecorded(
                    ADRRecorded(adr: first, number: 7, title: "Mine", status: "proposed", date: "2024-01-01")),
                deps: []
            ),
            (
                stream: second.stream,
                payload: .adrRecorded(
                    ADRRecorded(
                        adr: second, number: 7, title: "Theirs", status: "proposed", date: "2024-01-02")),
                deps: []
            ),
        ])
        #expect(try store.adr("7").title == "Mine")
        let moved = try store.adr("8")
        #expect(moved.title == "Theirs")
        #expect(moved.claimedNumber == 7)
        let digest = try store.checkProjections()
        #expect(digest.matches)
    }

    @Test func eventsAboutUnknownRecordsAreIgnored() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let ghost = ADRID(UUID(uuidString: "00000000-0000-4000-8000-0000000dead0")!)
        let before = try store.checkProjections().live
        try store.append([
            (
                stream: ghost.stream,
                payload: .adrStatusChanged(ADRStatusChanged(adr: ghost, status: "accepted")), deps: []
            ),
            (stream: ghost.stream, payload: .adrSuperseded(ADRSuperseded(adr: ghost, by: ghost)), deps: []),
        ])
        #expect(try store.adrs().isEmpty)
        #expect(try store.checkProjections().live == before)
    }

    @Test func digestChangesWithTheViewAndIgnoresLocalPositions() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let empty = try store.checkProjections().live
        try store.recordADR(ADRDraft(title: "A"))
        let one = try store.checkProjections().live
        #expect(one != empty)
        try store.rebuild()
        #expect(try store.checkProjections().live == one)
    }

    @Test func historyRecordsWhoWhenAndWhy() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "A"))
        try store.setADRStatus("1", to: "accepted", reason: "reviewed in arch board")
        let history = try store.adr("1").history
        #expect(history.count == 2)
        #expect(history[1].reason == "reviewed in arch board")
        #expect(history[1].author == "Ada <ada@example.com>")
        #expect(history[0].at < history[1].at)
        #expect(history.allSatisfy { $0.event.count == 64 })
    }
}
