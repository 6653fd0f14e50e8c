import Foundation
import Testing

@testable import LoreKit

@Suite struct OnboardingTests {
    static func store() throws -> (Store, URL) {
        let (store, folder) = try TestStore.make(environment: TestStore.environment(start: Date()))
        try store.registerComponent("billing", description: "Invoices", system: "payments")
        try store.registerComponent("search")
        try store.registerTeam("core", party: "in-house")
        try store.registerTeam("acme", party: "partner")
        try store.addPerson("ada", name: "Ada Lovelace", team: "core")
        try store.addPerson("bob", name: "Bob", team: "core")
        try store.personLeaves("bob")
        try store.setOwner(OwnershipChange(component: "billing", team: "core", person: "ada"))
        try store.recordADR(ADRDraft(title: "Use Postgres", status: "accepted", components: ["billing"]))
        try store.recordADR(
            ADRDraft(title: "Use Cockroach", status: "accepted", components: ["billing"], supersedes: "1"))
        try store.recordADR(ADRDraft(title: "Maybe Redis", components: ["billing"]))
        try store.recordADR(ADRDraft(title: "Search engine", status: "accepted", components: ["search"]))
        try store.addNote(
            NoteDraft(title: "Restart", kind: "runbook", components: ["billing"], reviewBy: "2020-01-01"))
        try store.addNote(NoteDraft(title: "PSP outage", kind: "risk", components: ["billing"]))
        let gone = try store.addNote(NoteDraft(title: "Old risk", kind: "risk", components: ["billing"]))
        try store.retractNote(gone.id)
        try store.addNote(
            NoteDraft(title: "Ledger", kind: "glossary", body: "The book of record.", components: ["billing"])
        )
        try store.startHandoff(HandoffDraft(components: ["billing"], from: "core", to: "acme"))
        try store.signOffHandoffItem("1", item: "1", side: "from")
        return (store, folder)
    }

    @Test func thePackComesInReadingOrderWithChainsCollapsedAndStaleFlagged() throws {
        let (store, folder) = try Self.store()
        defer { TestStore.cleanUp(folder) }
        let pack = try store.onboarding("billing")
        #expect(pack.component.description == "Invoices")
        #expect(pack.owners.map(\.team) == ["core"])
        #expect(pack.contacts.map(\.handle).sorted() == ["ada", "bob"])
        #expect(pack.contacts.first { $0.handle == "bob" }?.left == true)
        #expect(pack.decisions.map(\.title) == ["Use Cockroach"], "superseded and proposed records stay out")
        #expect(pack.runbooks.map(\.stale) == [true])
        #expect(pack.risks.map(\.title) == ["PSP outage"], "retracted risks stay out")
        #expect(pack.glossary.map(\.title) == ["Ledger"])
        #expect(pack.handoffs.count == 1)
        #expect(pack.handoffs[0].items.filter { !$0.done }.count == pack.handoffs[0].items.count)
        #expect(pack.recent.contains { $0.summary.contains("Use Cockroach") })
        #expect(!pack.recent.contains { $0.summary.contains("Search engine") })
    }

    @Test func theTimelineIsInOrderAndFiltersByComponentAndDate() throws {
        let (store, folder) = try Self.store()
        defer { TestStore.cleanUp(folder) }
        let all = try store.timeline()
        #expect(all.map(\.at) == all.map(\.at).sorted())
        let billing = try store.timeline(component: "BILLING")
        #expect(billing.contains { $0.kind == "ownership.transferred" })
        #expect(billing.contains { $0.kind == "handoff.item-completed" })
        #expect(!billing.contains { $0.summary.contains("Search engine") })
        #expect(try store.timeline(since: "2999-01-01").isEmpty)
        #expect(throws: DirectoryError.self) { try store.timeline(component: "bilSing") }
        #expect(throws: ADRError.self) { try store.timeline(since: "2024-13-01") }
    }
}
