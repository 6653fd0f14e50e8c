import Foundation
import Testing

@testable import LoreKit

/// Two sites that change one fact without seeing each other: both kept, the later shown and
/// marked contested, listed, and ended by a `conflict.resolved` naming both.
@Suite struct ConflictTests {
    @Test func twoSupersedesOfOneRecordAreAConflictUntilResolved() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        for title in ["Use Kafka", "Use Pulsar", "Use NATS"] {
            try sites[0].recordADR(ADRDraft(title: title))
        }
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try sites[0].supersedeADR("1", by: "2")
        try sites[1].supersedeADR("1", by: "3")
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            let conflicts = try site.conflicts()
            #expect(conflicts.count == 1)
            #expect(conflicts.first?.heads.count == 2)
            #expect(try site.adr("1").contested)
        }
        // Both sites show the same head: the one that sorts last.
        #expect(try sites[0].adr("1").supersededBy == sites[1].adr("1").supersededBy)
        let shown = try #require(try sites[0].adr("1").supersededBy)
        let keep = shown == 2 ? "ADR-0003" : "ADR-0002"
        let before = try sites[1].events().count
        #expect(throws: ConflictError.self) { try sites[1].resolveConflict("1", keep: "ADR-0001") }
        #expect(try sites[1].events().count == before)
        try sites[1].resolveConflict("1", keep: keep, reason: "architecture board chose")
        let resolution = try #require(try sites[1].events(EventFilter(kind: "conflict.resolved")).first)
        #expect(
            Set(resolution.event.header.deps.map(\.hex))
                == Set(try sites[0].conflicts()[0].heads.map(\.event)))
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            #expect(try site.conflicts().isEmpty)
            #expect(!(try site.adr("1").contested))
            #expect(try site.adr("1").supersededBy == (keep == "ADR-0003" ? 3 : 2))
        }
        #expect(try sites[0].checkProjections().live == sites[1].checkProjections().live)
        try TestStore.writeSamples(sites[0], name: "conflict-resolved")
    }

    @Test func aSupersedeThatSawTheOtherIsNoConflict() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        for title in ["A", "B", "C"] { try sites[0].recordADR(ADRDraft(title: title)) }
        try sites[0].supersedeADR("1", by: "2")
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try sites[1].supersedeADR("1", by: "3")
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        #expect(try sites[0].conflicts().isEmpty)
        #expect(try sites[0].adr("1").supersededBy == 3)
    }

    @Test func bothSitesNumberingAnADRSevenAgreeWhoKeepsIt() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        try sites[0].recordADR(ADRDraft(title: "London's first"))
        try sites[1].recordADR(ADRDraft(title: "Pune's first"))
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            let one = try site.adr("1")
            let two = try site.adr("2")
            #expect(two.claimedNumber == 1)
            #expect(one.renumbered.map(\.number) == [2])
        }
        #expect(try sites[0].adr("1").title == sites[1].adr("1").title)
    }

    @Test func twoOwnersSetAtTwoSitesAreAConflictUntilANewChangeSeesBoth() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        try sites[0].registerComponent("billing")
        for team in ["core", "acme", "ops"] {
            try sites[0].registerTeam(team, party: team == "acme" ? "partner" : "in-house")
        }
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try sites[0].setOwner(OwnershipChange(component: "billing", team: "core", effective: "2024-03-01"))
        try sites[1].setOwner(OwnershipChange(component: "billing", team: "acme", effective: "2024-03-01"))
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            #expect(try site.owners(of: "billing", at: "2024-03-02").contested == ["owner"])
            #expect(try site.conflicts().map(\.subject) == ["owner of component billing"])
        }
        // Resolving keeps the chosen holder in the view at every site.
        let kept = try sites[1].conflicts()[0].heads.first { $0.value == "team core" }!
        try sites[1].resolveConflict("1", keep: kept.event)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            #expect(try site.conflicts().isEmpty)
            #expect(try site.owners(of: "billing", at: "2024-03-02").roles.map(\.team) == ["core"])
        }
        // A later change is an ordinary change.
        try sites[0].setOwner(OwnershipChange(component: "billing", team: "ops", effective: "2024-03-05"))
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        for site in sites { #expect(try site.conflicts().isEmpty) }
        #expect(try sites[0].checkProjections().live == sites[1].checkProjections().live)
    }

    /// Two sites register one component under two spellings; after the exchange each holds
    /// one component and one search document for it (component names compare without case,
    /// so the second registration rewrites the first one's document rather than adding one).
    @Test func oneComponentRegisteredTwiceInTwoCasesKeepsOneSearchDocument() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(2, in: folder)
        try sites[0].registerComponent("Billing", description: "Invoices")
        try sites[1].registerComponent("billing", description: "Payments")
        _ = try Sites.send(from: sites[0], to: sites[1], via: folder)
        _ = try Sites.send(from: sites[1], to: sites[0], via: folder)
        for site in sites {
            #expect(try site.components().count == 1)
            let hits = try site.search("billing").hits.filter { $0.type == "component" }
            #expect(hits.count == 1)
            #expect(try site.verify().ok)
        }
        #expect(try sites[0].checkProjections().live == sites[1].checkProjections().live)
    }
}
