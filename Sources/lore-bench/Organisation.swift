import Foundation
import LoreKit

/// The people side of the generated history: in-house and partner teams, their members, who
/// owns each component, and hand-offs of components to a partner with their checklist items
/// signed off over time.
///
/// Only events whose correctness does not depend on the ids of earlier events in the same
/// batch are generated: a first owner per component (no register head yet), hand-offs started
/// and their items signed off. Later ownership transfers, phase advances and completions name
/// the register head they saw in `deps`, which a batch cannot know before it is written.
/// TODO: generate them through `Store.setOwner`, `advanceHandoff` and `completeHandoff` (one
/// transaction each) once a scenario needs them; notes are added through `Store.addNote` by
/// `populate`, as `NoteAdded` has no public initialiser for the batch API.
struct Organisation {
    static let teams: [(name: String, party: String)] = [
        ("platform", "in-house"), ("payments-core", "in-house"), ("acme-partner", "partner"),
        ("globex-partner", "partner"),
    ]
    static let firstNames = [
        "Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Linus", "Radia",
    ]
    static let lastNames = [
        "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Hamilton", "Perlman",
    ]

    private var random: SeededRandom
    private var scheduled: [Int: [BatchItem]] = [:]
    private var handoffs = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed, stream: "organisation") }

    /// Teams, four members each, and a first owner for every component.
    mutating func opening(components: [String]) -> [BatchItem] {
        var items: [BatchItem] = []
        for (index, team) in Self.teams.enumerated() {
            items.append(
                ("team/\(team.name)", .teamRegistered(TeamRegistered(name: team.name, party: team.party)), [])
            )
            for member in 0..<4 {
                let handle = "\(team.name.prefix(3))\(member + 1)"
                let name =
                    "\(Self.firstNames[(index + member) % Self.firstNames.count]) "
                    + Self.lastNames[(index * 3 + member) % Self.lastNames.count]
                items.append(
                    (
                        "person/\(handle)",
                        .personJoined(PersonJoined(handle: handle, name: name, team: team.name)), []
                    ))
            }
        }
        for (index, component) in components.enumerated() {
            let team = Self.teams[index % 2].name
            let payload = OwnershipTransferred(
                component: component, role: "owner", team: team, person: "\(team.prefix(3))\(1 + index % 4)",
                effective: "2015-01-01", reason: "Initial ownership")
            items.append(("component/\(component.lowercased())", .ownershipTransferred(payload), []))
        }
        return items
    }

    /// Whether a hand-off starts at record `index`: every 400 records.
    static func startsHandoff(at index: Int) -> Bool { index > 0 && index % 400 == 0 }

    /// What happens around record `index`: the hand-off `handoff` of one or two components to a
    /// partner team starts, and checklist items of earlier ones are signed off.
    mutating func around(record index: Int, components: [String], handoff: UUID?) -> [BatchItem] {
        var items = scheduled.removeValue(forKey: index) ?? []
        guard let handoff, !components.isEmpty else { return items }
        handoffs += 1
        let id = handoff.uuidString.lowercased()
        let moving = Array(Set([random.pick(components), random.pick(components)])).sorted()
        let checklist = HandoffChecklist.defaults + (random.chance(0.5) ? ["Dashboards shared"] : [])
        let started = HandoffStarted(
            handoff: id, components: moving, from: Self.teams[random.below(2)].name,
            to: Self.teams[2 + random.below(2)].name, due: DataSet.date(day: index / 3 + 60),
            items: checklist,
            number: handoffs)
        items.append(("handoff/\(id)", .handoffStarted(started), []))
        for item in checklist {
            for side in ["from", "to"] where random.chance(0.8) {
                let payload = HandoffItemCompleted(
                    handoff: id, item: item, side: side,
                    evidence: random.chance(0.3) ? "https://wiki/\(id.prefix(8))" : nil)
                scheduled[index + 1 + random.below(300), default: []].append(
                    ("handoff/\(id)", .handoffItemCompleted(payload), []))
            }
        }
        return items
    }
}
