import Foundation
import Testing

@testable import LoreKit

@Suite struct ADRCommandTests {
    @Test func recordKeepsEveryFieldExactly() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("gateway")
        let title = "Use \"gRPC\" & REST | for partner/public APIs — café 日本 🚀"
        let record = try store.recordADR(
            ADRDraft(
                title: title, status: "accepted", date: "2024-02-29", context: "ctx", decision: "dec",
                consequences: "cons", options: ["gRPC", "REST"], tags: ["api", "api", " edge "],
                components: ["gateway"]))
        #expect(record.title == title)
        #expect(record.number == 1)
        #expect(record.status == "accepted")
        #expect(record.date == "2024-02-29")
        #expect(record.options == ["gRPC", "REST"])
        #expect(record.tags == ["api", "edge"])
        #expect(record.history.map(\.status) == ["accepted"])
        #expect(record.history[0].author == "Ada <ada@example.com>")
        #expect(try store.adr("ADR-1") == record)
    }

    @Test(arguments: ["1", "ADR-1", "adr-0001", "0001", "#1", " 1 "])
    func numbersResolveInEveryForm(_ ref: String) throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let record = try store.recordADR(ADRDraft(title: "First"))
        #expect(try store.adr(ref).id == record.id)
    }

    @Test func idPrefixesResolveAndAmbiguityListsCandidates() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        // The test environment's UUIDs share their first 24 hex digits.
        let first = try store.recordADR(ADRDraft(title: "First"))
        let second = try store.recordADR(ADRDraft(title: "Second"))
        #expect(try store.adr(second.id).id == second.id)
        #expect(try store.adr(first.id.uppercased()).id == first.id)
        #expect {
            try store.adr("00000000")
        } throws: { error in
            guard case ADRError.ambiguous(_, let candidates) = error else { return false }
            return candidates.count == 2 && candidates[0].contains("First")
        }
        #expect(throws: ADRError.noMatch("abc")) { try store.adr("abc") }
        #expect(throws: ADRError.noMatch("db-choice")) { try store.adr("db-choice") }
        #expect(throws: ADRError.noMatch("7")) { try store.adr("7") }
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Keep"))
        let before = try store.events().count
        #expect(throws: ADRError.badDate("2023-13-10")) {
            try store.recordADR(ADRDraft(title: "x", date: "2023-13-10"))
        }
        #expect(throws: ADRError.badDate("2023-02-29")) {
            try store.recordADR(ADRDraft(title: "x", date: "2023-02-29"))
        }
        #expect(throws: ADRError.emptyTitle) { try store.recordADR(ADRDraft(title: "   ")) }
        #expect(throws: ADRError.multilineTitle) { try store.recordADR(ADRDraft(title: "a\nb")) }
        #expect(throws: ADRError.noMatch("9")) { try store.recordADR(ADRDraft(title: "x", supersedes: "9")) }
        #expect(throws: ADRError.self) { try store.setADRStatus("1", to: "  ") }
        #expect(throws: ADRError.nothingToRevise) { try store.reviseADR("1", ADRChanges()) }
        var same = ADRChanges()
        same.title = "Keep"
        #expect(throws: ADRError.nothingToRevise) { try store.reviseADR("1", same) }
        #expect(throws: ADRError.self) { try store.linkADR("1", "Amends", "1") }
        #expect(throws: ADRError.self) { try store.adrs(ADRFilter(status: "nonsense")) }
        #expect(try store.events().count == before)
    }

    @Test func statusWordsAreNormalisedOrKeptAsTyped() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "A"))
        #expect(try store.setADRStatus("1", to: "ACCEPTED").status == "accepted")
        let record = try store.setADRStatus("1", to: "In Review", reason: "waiting for security")
        #expect(record.status == "In Review")
        #expect(record.history.map(\.status) == ["proposed", "accepted", "In Review"])
        #expect(record.history.last?.reason == "waiting for security")
        #expect(try store.adrs(ADRFilter(status: "in review")).count == 1)
    }

    @Test func supersedeLinksBothWaysAndRefusesSelfAndCycles() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let a = try store.recordADR(ADRDraft(title: "A"))
        let b = try store.recordADR(ADRDraft(title: "B"))
        let c = try store.recordADR(ADRDraft(title: "C", supersedes: "2"))
        let old = try store.supersedeADR("1", by: "2", reason: "B replaces A")
        #expect(old.status == "superseded")
        #expect(old.links.contains(ADRLinkView(label: "Superseded by", target: b.id, number: 2, title: "B")))
        #expect(try store.adr("2").links.contains { $0.label == "Supersedes" && $0.target == a.id })
        #expect(try store.adr("2").status == "superseded")
        #expect(try store.adr("3").links.contains { $0.label == "Supersedes" && $0.target == b.id })
        #expect(throws: ADRError.supersedesItself("ADR-0001")) { try store.supersedeADR("1", by: "1") }
        #expect(throws: ADRError.supersedeCycle(old: "ADR-0003", new: "ADR-0001")) {
            try store.supersedeADR("3", by: "1")
        }
        #expect(try store.adrs().first { $0.number == 1 }?.supersededBy == 2)
        _ = c
    }

    @Test func superseding_again_names_the_previous_head_in_deps() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for title in ["A", "B", "C"] { try store.recordADR(ADRDraft(title: title)) }
        try store.supersedeADR("1", by: "2")
        let first = try #require(try store.events(EventFilter(kind: "adr.superseded")).last)
        #expect(first.event.header.deps.isEmpty)
        try store.supersedeADR("1", by: "3")
        let second = try #require(try store.events(EventFilter(kind: "adr.superseded")).last)
        #expect(second.event.header.deps == [first.event.id])
        // The latest supersede is the successor; the earlier one stays visible as history,
        // as adr-tools keeps both lines.
        let record = try store.adr("1")
        #expect(record.supersededBy == 3)
        #expect(record.links.filter { $0.label == "Superseded by" }.map(\.number) == [2, 3])
    }

    @Test func linksUseTheGivenOrKnownReverseLabel() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for title in ["A", "B", "C"] { try store.recordADR(ADRDraft(title: title)) }
        try store.linkADR("2", "Amends", "1")
        try store.linkADR("3", "Is inspired by", "1", reverseLabel: "Inspired")
        try store.linkADR("3", "Mirrors", "2")
        let one = try store.adr("1")
        #expect(one.links.map(\.label).sorted() == ["Amended by", "Inspired"])
        #expect(try store.adr("2").links.map(\.label).sorted() == ["Amends", "Mirrors (reverse)"])
    }

    @Test func reviseChangesOnlyGivenFieldsAndCounts() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "A", context: "old context", decision: "old", tags: ["x"]))
        var changes = ADRChanges()
        changes.decision = "new decision"
        changes.tags = ["y", "z"]
        let record = try store.reviseADR("1", changes)
        #expect(record.decision == "new decision")
        #expect(record.context == "old context")
        #expect(record.tags == ["y", "z"])
        #expect(record.revisions == 1)
        #expect(try store.adrs(ADRFilter(tag: "x")).isEmpty)
        #expect(try store.adrs(ADRFilter(tag: "z")).count == 1)
    }

    @Test func listFiltersByStatusTagAndComponent() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing")
        try store.recordADR(ADRDraft(title: "A", tags: ["db"], components: ["billing"]))
        try store.recordADR(ADRDraft(title: "B", status: "accepted", tags: ["db"]))
        try store.recordADR(ADRDraft(title: "C", components: ["billing"]))
        #expect(try store.adrs().map(\.title) == ["A", "B", "C"])
        #expect(try store.adrs(ADRFilter(status: "accepted")).map(\.title) == ["B"])
        #expect(try store.adrs(ADRFilter(tag: "db")).map(\.title) == ["A", "B"])
        #expect(try store.adrs(ADRFilter(component: "billing")).map(\.title) == ["A", "C"])
        #expect(try store.adrs(ADRFilter(status: "rejected")).isEmpty)
        try TestStore.writeSamples(store, name: "adr-list")
    }

    @Test func supersededNeedsASuccessorAndLinksAreNotDoubled() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for title in ["A", "B"] { try store.recordADR(ADRDraft(title: title)) }
        #expect(throws: ADRError.supersededNeedsSuccessor("1")) {
            try store.setADRStatus("1", to: "Superseded")
        }
        try store.linkADR("2", "Amends", "1")
        let before = try store.events().count
        #expect(throws: ADRError.alreadyLinked("ADR-0002", "Amends", "ADR-0001")) {
            try store.linkADR("2", "Amends", "1")
        }
        #expect(try store.events().count == before)
    }

    @Test func componentsMustBeRegisteredAndUnknownNamesGetSuggestions() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing-ledger")
        try store.registerComponent("search")
        let before = try store.events().count
        #expect(throws: DirectoryError.unknownComponent("biling-ledger", suggestions: ["billing-ledger"])) {
            try store.recordADR(ADRDraft(title: "A", components: ["biling-ledger"]))
        }
        #expect(throws: DirectoryError.unknownComponent("ledger", suggestions: ["billing-ledger"])) {
            try store.recordADR(ADRDraft(title: "A", components: ["ledger"]))
        }
        #expect(try store.events().count == before)
        let record = try store.recordADR(ADRDraft(title: "A", components: ["BILLING-LEDGER"]))
        #expect(record.components == ["billing-ledger"])
        #expect(throws: DirectoryError.componentExists("Search")) { try store.registerComponent("Search") }
    }

    /// Today's date for a new record is the local calendar date, as Foundation's Calendar gives it.
    @Test func todayIsTheLocalCalendarDate() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let now = Date(timeIntervalSince1970: Double.random(in: 0...4_102_444_800, using: &random))
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(ADRInput.today(now) == expected)
        }
    }

    @Test(arguments: [
        (7, "ADR-0007"), (0, "ADR-0000"), (123, "ADR-0123"), (4_321, "ADR-4321"), (12_345, "ADR-12345"),
    ])
    func numbersDisplayWithFourDigitsAtLeast(number: Int, shown: String) {
        #expect(ADRNumber.display(number) == shown)
    }
}
