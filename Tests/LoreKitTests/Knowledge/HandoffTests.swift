import Foundation
import Testing

@testable import LoreKit

@Suite struct HandoffTests {
    /// A directory store with hand-off 1 of billing and invoicing from core to partner-x.
    private func started(items: [String] = []) throws -> (Store, URL, HandoffRecord) {
        let (store, folder) = try TestStore.directory()
        let record = try store.startHandoff(
            HandoffDraft(
                components: ["billing", "Invoicing"], from: "core", to: "Partner-X", due: "2024-06-30",
                items: items))
        return (store, folder, record)
    }

    /// Signs off every item on both sides.
    private func signAll(_ store: Store, _ ref: String) throws {
        for item in try store.handoff(ref).items {
            try store.signOffHandoffItem(ref, item: "\(item.number)", side: "from")
            try store.signOffHandoffItem(
                ref, item: "\(item.number)", side: "to", evidence: "ticket \(item.number)")
        }
    }

    private func kinds(_ store: Store) throws -> [EventKind?] { try store.events().map(\.event.header.kind) }

    @Test func startWithTheDefaultChecklistAndTheTeamsOwnItems() throws {
        let (store, folder, record) = try started(items: [
            "Dashboards shared", "runbooks VERIFIED", "dashboards shared",
        ])
        defer { TestStore.cleanUp(folder) }
        let summary = record.summary
        #expect(summary.number == 1 && summary.phase == "discovery" && !summary.completed)
        #expect(
            summary.components == ["billing", "invoicing"] && summary.from == "core"
                && summary.to == "partner-x")
        #expect(summary.due == "2024-06-30" && summary.itemsTotal == 7 && summary.itemsDone == 0)
        #expect(record.items.map(\.text) == HandoffChecklist.defaults + ["Dashboards shared"])
        #expect(record.open == Array(1...7))
        #expect(record.phases.map(\.phase) == ["discovery"])
        #expect(summary.id == "00000000-0000-4000-8000-000000000002")
        let second = try store.startHandoff(
            HandoffDraft(components: ["billing"], from: "partner-x", to: "core"))
        #expect(second.summary.number == 2)
        #expect(try store.handoff("2").summary.id == second.summary.id)
        #expect(try store.handoff("#1").summary.id == summary.id)
        #expect(throws: HandoffError.self) { try store.handoff("00000000") }
        #expect(throws: HandoffError.noMatch("9")) { try store.handoff("9") }
        let event = try store.events().last { $0.event.header.kind == .handoffStarted }!
        #expect(event.event.header.stream == "handoff/\(second.summary.id)")
    }

    @Test func badStartsAreRefusedAndWriteNothing() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        let before = try store.events().count
        #expect(throws: HandoffError.noComponents) {
            try store.startHandoff(HandoffDraft(components: [" "], from: "core", to: "partner-x"))
        }
        #expect(throws: HandoffError.sameTeam("core")) {
            try store.startHandoff(HandoffDraft(components: ["billing"], from: "core", to: "CORE"))
        }
        #expect(throws: DirectoryError.unknownComponent("biling", suggestions: ["billing"])) {
            try store.startHandoff(HandoffDraft(components: ["biling"], from: "core", to: "partner-x"))
        }
        #expect(throws: DirectoryError.unknownTeam("partner", suggestions: ["partner-x"])) {
            try store.startHandoff(HandoffDraft(components: ["billing"], from: "core", to: "partner"))
        }
        #expect(throws: ADRError.badDate("next week")) {
            try store.startHandoff(
                HandoffDraft(components: ["billing"], from: "core", to: "partner-x", due: "next week"))
        }
        #expect(throws: HandoffError.badItem("two\nlines")) {
            try store.startHandoff(
                HandoffDraft(components: ["billing"], from: "core", to: "partner-x", items: ["two\nlines"]))
        }
        #expect(try store.events().count == before)
    }

    @Test func anItemIsDoneOnlyWhenBothSidesHaveSignedItOff() throws {
        let (store, folder, _) = try started()
        defer { TestStore.cleanUp(folder) }
        let (afterFrom, item) = try store.signOffHandoffItem(
            "1", item: "runbooks", side: "from", evidence: "wiki/runbooks")
        #expect(item.number == 3 && item.from?.evidence == "wiki/runbooks" && item.to == nil && !item.done)
        #expect(afterFrom.summary.itemsDone == 0 && afterFrom.open.contains(3))
        let (afterTo, done) = try store.signOffHandoffItem("1", item: "3", side: "TO")
        #expect(done.done && done.to?.author == "Ada <ada@example.com>")
        #expect(afterTo.summary.itemsDone == 1 && !afterTo.open.contains(3))
        // The payload names the item by its exact text.
        let payloads = try store.events().compactMap { try $0.event.decodedPayload() }
        #expect(
            payloads.contains(
                .handoffItemCompleted(
                    HandoffItemCompleted(
                        handoff: afterTo.summary.id, item: "Runbooks verified", side: "to"))))

        let before = try store.events().count
        #expect(
            throws: HandoffError.alreadySignedOff(
                item: 3, handoff: 1, side: "from", by: "Ada <ada@example.com>", at: item.from!.at)
        ) {
            try store.signOffHandoffItem("1", item: "Runbooks Verified", side: "from")
        }
        #expect(throws: HandoffError.noItem("zzz", handoff: 1, count: 6)) {
            try store.signOffHandoffItem("1", item: "zzz", side: "from")
        }
        #expect(throws: HandoffError.noItem("7", handoff: 1, count: 6)) {
            try store.signOffHandoffItem("1", item: "7", side: "from")
        }
        #expect(throws: HandoffError.badSide("both")) {
            try store.signOffHandoffItem("1", item: "1", side: "both")
        }
        #expect(throws: HandoffError.noMatch("3")) {
            try store.signOffHandoffItem("3", item: "1", side: "from")
        }
        #expect(try store.events().count == before)
    }

    @Test func itemsMatchByAUniquePrefixWithoutRegardToCase() throws {
        let (store, folder, _) = try started(items: ["Access reviewed by security"])
        defer { TestStore.cleanUp(folder) }
        #expect {
            try store.signOffHandoffItem("1", item: "access", side: "from")
        } throws: { error in
            guard case HandoffError.ambiguousItem(_, 1, let candidates) = error else { return false }
            return candidates == ["4 Access granted with least privilege", "7 Access reviewed by security"]
        }
        #expect(try store.signOffHandoffItem("1", item: "ACCESS G", side: "from").item.number == 4)
        #expect(try store.signOffHandoffItem("1", item: "knowledge", side: "to").item.number == 1)
    }

    @Test func advanceMovesThroughThePhasesNamingThePreviousPhaseEvent() throws {
        let (store, folder, _) = try started()
        defer { TestStore.cleanUp(folder) }
        #expect(throws: HandoffError.notInLastPhase(1, phase: "discovery")) { try store.completeHandoff("1") }
        #expect(try store.advanceHandoff("1").summary.phase == "ramp-up")
        let record = try store.advanceHandoff("1")
        #expect(record.summary.phase == "full-operation" && !record.summary.completed)
        #expect(record.phases.map(\.phase) == ["discovery", "ramp-up", "full-operation"])
        let phaseEvents = try store.events().filter {
            [.handoffStarted, .handoffPhaseAdvanced].contains($0.event.header.kind)
        }
        #expect(phaseEvents[1].event.header.deps == [phaseEvents[0].event.id])
        #expect(phaseEvents[2].event.header.deps == [phaseEvents[1].event.id])
        #expect(record.phases.map(\.event) == phaseEvents.map(\.event.id.hex))
    }

    @Test func completingTransfersOwnershipInTheSameTransaction() throws {
        let (store, folder, record) = try started()
        defer { TestStore.cleanUp(folder) }
        try store.setOwner(OwnershipChange(component: "billing", team: "core", effective: "2024-01-01"))
        try signAll(store, "1")
        try store.advanceHandoff("1")
        try store.advanceHandoff("1")
        let before = try store.events()
        let done = try store.advanceHandoff("1")
        let after = try store.events()
        #expect(done.summary.completed && !done.summary.forced && done.reason == nil && done.open.isEmpty)
        #expect(done.phases.last?.phase == "completed" && done.summary.completedAt != nil)
        let new = Array(after.dropFirst(before.count))
        #expect(
            new.map(\.event.header.kind) == [.handoffCompleted, .ownershipTransferred, .ownershipTransferred])
        #expect(new[0].event.header.deps == [before.last!.event.id])
        // Written together: consecutive in one replica's chain, one transaction.
        #expect(
            new.map(\.event.header.seq) == [
                new[0].event.header.seq, new[0].event.header.seq + 1, new[0].event.header.seq + 2,
            ])
        for component in ["billing", "invoicing"] {
            let owner = try store.owners(of: component).roles.first { $0.role == "owner" }
            #expect(owner?.team == "partner-x" && owner?.effective == "2024-03-14")
            #expect(owner?.reason == "hand-off 1 completed")
        }
        // The billing transfer names the owner register's previous head.
        let billingOwner = try store.events().filter { $0.event.header.kind == .ownershipTransferred }
        #expect(billingOwner[1].event.header.deps == [billingOwner[0].event.id])
        #expect(billingOwner[2].event.header.deps.isEmpty)
        #expect(try store.handoffs(openOnly: true).isEmpty)
        #expect(try store.handoffs().map(\.id) == [record.summary.id])

        let count = after.count
        #expect(throws: HandoffError.alreadyCompleted(1)) { try store.advanceHandoff("1") }
        #expect(throws: HandoffError.alreadyCompleted(1)) {
            try store.completeHandoff("1", force: true, reason: "x")
        }
        #expect(try store.events().count == count)
        #expect(try store.checkProjections().matches)
        try TestStore.writeSamples(store, name: "handoff")
    }

    @Test func aFailedTransferWritesNothing() throws {
        let (store, folder, _) = try started()
        defer { TestStore.cleanUp(folder) }
        try signAll(store, "1")
        try store.advanceHandoff("1")
        try store.advanceHandoff("1")
        // Break the directory under the hand-off: the receiving team's row is gone.
        try TestStore.tamper(store, "DELETE FROM teams WHERE name = 'partner-x'")
        let before = try store.events().count
        #expect(throws: DirectoryError.self) { try store.advanceHandoff("1") }
        #expect(try store.events().count == before)
        #expect(try store.handoff("1").summary.completed == false)
    }

    @Test func completingWithOpenItemsNeedsForceAndAReasonWhichIsRecorded() throws {
        let (store, folder, record) = try started()
        defer { TestStore.cleanUp(folder) }
        try store.signOffHandoffItem("1", item: "1", side: "from")
        try store.signOffHandoffItem("1", item: "1", side: "to")
        try store.advanceHandoff("1")
        try store.advanceHandoff("1")
        let before = try store.events().count
        #expect(throws: HandoffError.itemsOpen(1, open: [2, 3, 4, 5, 6])) { try store.advanceHandoff("1") }
        #expect(throws: HandoffError.forceNeedsReason(1)) { try store.completeHandoff("1", force: true) }
        #expect(throws: HandoffError.forceNeedsReason(1)) {
            try store.advanceHandoff("1", force: true, reason: "  ")
        }
        #expect(try store.events().count == before)

        let done = try store.completeHandoff("1", force: true, reason: "partner already on call")
        #expect(done.summary.completed && done.summary.forced && done.reason == "partner already on call")
        #expect(done.open == [2, 3, 4, 5, 6] && done.summary.itemsDone == 1)
        let payloads = try store.events().compactMap { try $0.event.decodedPayload() }
        #expect(
            payloads.contains(
                .handoffCompleted(
                    HandoffCompleted(
                        handoff: record.summary.id, forced: true, reason: "partner already on call"))))
        #expect(try store.owners(of: "billing").roles.map(\.team) == ["partner-x"])
        // Late evidence can still be signed off after a forced completion.
        #expect(try store.signOffHandoffItem("1", item: "2", side: "from").record.summary.itemsDone == 1)
        #expect(try store.checkProjections().matches)
    }

    @Test func theFoldKeepsClaimedNumbersUnlessTakenAndIgnoresUnknownThings() throws {
        let (store, folder, _) = try started()
        defer { TestStore.cleanUp(folder) }
        func start(_ id: String, number: Int?, from: String = "core") -> (
            stream: String, payload: EventPayload, deps: [EventID]
        ) {
            (
                stream: "handoff/\(id)",
                payload: .handoffStarted(
                    HandoffStarted(
                        handoff: id, components: ["billing", "ghost"], from: from, to: "partner-x",
                        items: ["A"], number: number)),
                deps: []
            )
        }
        try store.append([
            start("h-taken", number: 1), start("h-five", number: 5), start("h-none", number: nil),
            start("h-ghost", number: 9, from: "ghosts"),
            (
                stream: "handoff/x",
                payload: .handoffPhaseAdvanced(HandoffPhaseAdvanced(handoff: "nope", phase: "ramp-up")),
                deps: []
            ),
            (
                stream: "handoff/h-five",
                payload: .handoffItemCompleted(
                    HandoffItemCompleted(handoff: "h-five", item: "B", side: "to")), deps: []
            ),
            (
                stream: "handoff/h-five",
                payload: .handoffItemCompleted(
                    HandoffItemCompleted(handoff: "h-five", item: "A", side: "up")), deps: []
            ),
        ])
        let all = try store.handoffs()
        #expect(all.map(\.number) == [1, 2, 5, 6])
        #expect(all.map(\.id) == [all[0].id, "h-taken", "h-five", "h-none"])
        #expect(all[2].components == ["billing"] && all[2].itemsDone == 0)
        #expect(try store.handoff("5").items.allSatisfy { $0.from == nil && $0.to == nil })
        #expect(try store.checkProjections().matches)
    }
}
