import Foundation
import Testing

@testable import LoreKit

/// Random sequences of team, person, ownership and hand-off commands, valid and invalid;
/// afterwards the live projections must equal a fresh rebuild and the log must verify, and
/// refused commands must have written nothing.
@Suite struct KnowledgePropertyTests {
    @Test(arguments: 1...6)
    func liveProjectionsEqualARebuildAfterRandomCommands(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("api")
        let teams = ["core", "partner-x", "core", "partner-x", "ops", "Core", "ghosts"]
        let handles = ["ada", "bo", "cy", "dee", "Ada"]
        let components = ["billing", "invoicing", "api", "Billing", "billing", "nope"]
        let roles = OwnershipRole.allCases.map(\.rawValue) + ["boss"]
        let dates = [nil, "2024-01-01", "2024-02-01", "2024-03-14", "2024-04-01", "2024-02-30"]
        var handoffs = 0
        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
        for step in 0..<150 {
            let before = try store.events().count
            var wrote = true
            do {
                switch Int.random(in: 0..<12, using: &random) {
                case 0: try store.registerTeam(pick(teams), party: pick(["in-house", "partner", "vendor"]))
                case 1: try store.addPerson(pick(handles), name: "Person \(step)", team: pick(teams))
                case 2: try store.personLeaves(pick(handles), reason: "step \(step)")
                case 3, 4:
                    try store.setOwner(
                        OwnershipChange(
                            component: pick(components), team: pick(teams),
                            person: Bool.random(using: &random) ? pick(handles) : nil, role: pick(roles),
                            effective: pick(dates), reason: "step \(step)"))
                case 5:
                    let names = (0..<Int.random(in: 1...2, using: &random)).map { _ in pick(components) }
                    try store.startHandoff(
                        HandoffDraft(
                            components: names, from: pick(teams), to: pick(teams), due: pick(dates),
                            items: Bool.random(using: &random) ? ["Pager rota shared"] : []))
                    handoffs += 1
                case 6, 7, 8:
                    try store.signOffHandoffItem(
                        "\(Int.random(in: 1...(handoffs + 1), using: &random))",
                        item: pick(["1", "2", "3", "7", "run", "access", "pager", "zzz"]),
                        side: pick(["from", "to", "up"]),
                        evidence: Bool.random(using: &random) ? "link \(step)" : nil)
                case 9, 10:
                    try store.advanceHandoff(
                        "\(Int.random(in: 1...(handoffs + 1), using: &random))",
                        force: Bool.random(using: &random),
                        reason: Bool.random(using: &random) ? "step \(step)" : nil)
                default:
                    try store.completeHandoff(
                        "\(Int.random(in: 1...(handoffs + 1), using: &random))", force: true,
                        reason: "step \(step)")
                }
            } catch is DirectoryError {
                wrote = false
            } catch is HandoffError {
                wrote = false
            } catch is ADRError {
                wrote = false
            }
            let after = try store.events().count
            #expect(wrote ? after > before : after == before, "step \(step)")
        }
        let check = try store.checkProjections()
        #expect(check.matches)
        #expect(try store.verify().ok)
        #expect(try store.rebuild().rebuilt == check.live)
        // Every completed hand-off left its components owned by the receiving team from that day on.
        for handoff in try store.handoffs() where handoff.completed {
            for component in handoff.components {
                let owners = try store.ownershipHistory(of: component, role: "owner")
                #expect(
                    owners.contains {
                        $0.team == handoff.to && $0.reason == "hand-off \(handoff.number) completed"
                    })
            }
        }
        if seed == 1 { try TestStore.writeSamples(store, name: "knowledge-property-seed-1") }
    }
}
