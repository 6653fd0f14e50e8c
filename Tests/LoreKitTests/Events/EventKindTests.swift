import Foundation
import Testing

@testable import LoreKit

@Suite struct EventKindTests {
    static let schemas = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas")

    @Test(arguments: EventKind.allCases)
    func everyKindHasASchema(_ kind: EventKind) throws {
        let file = Self.schemas.appendingPathComponent("events/\(kind.rawValue).schema.json")
        let data = try Data(contentsOf: file)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((schema["$id"] as? String)?.hasSuffix("events/\(kind.rawValue).schema.json") == true)
    }

    @Test(arguments: EventKind.allCases)
    func kindNamesFollowNounVerbed(_ kind: EventKind) {
        let parts = kind.rawValue.split(separator: ".")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    @Test(arguments: SamplePayloads.all)
    func everyPayloadRoundTripsAndNamesItsKind(_ payload: EventPayload) throws {
        let decoded = try EventPayload.decode(kind: payload.kind, from: try payload.encoded())
        #expect(decoded == payload)
    }

    @Test func samplesCoverEveryKind() {
        #expect(Set(SamplePayloads.all.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test func malformedPayloadNamesTheKind() {
        #expect(throws: EventError.self) { try EventPayload.decode(kind: .adrLinked, from: Data("{}".utf8)) }
    }

    /// Appends one event of every kind and writes them as schema samples.
    @Test func everyKindIsWrittenAsASchemaSample() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.append(
            SamplePayloads.all.map { (stream: "sample/\($0.kind.rawValue)", payload: $0, deps: []) })
        let kinds = Set(try store.events().map(\.event.header.kindName))
        #expect(kinds == Set(EventKind.allCases.map(\.rawValue)))
        try TestStore.writeSamples(store, name: "every-kind")
    }
}

/// One valid payload of every kind.
enum SamplePayloads {
    static let adr = ADRID(UUID(uuidString: "00000000-0000-4000-8000-0000000000aa")!)
    static let other = ADRID(UUID(uuidString: "00000000-0000-4000-8000-0000000000bb")!)
    static let eventHex = String(repeating: "ab", count: 32)
    static let replica = "ed25519." + String(repeating: "cd", count: 32)

    static let all: [EventPayload] = [
        .adrRecorded(
            ADRRecorded(
                adr: adr, number: 1, title: "Use PostgreSQL", status: "proposed", date: "2024-03-14",
                context: "c", decision: "d", consequences: "q", options: ["a", "b"], tags: ["db"],
                components: ["billing"], sections: [ADRSection(heading: "Notes", text: "n")])),
        .adrRevised(
            {
                var r = ADRRevised(adr: adr)
                r.title = "Use PostgreSQL 16"
                return r
            }()),
        .adrStatusChanged(ADRStatusChanged(adr: adr, status: "accepted", reason: "agreed")),
        .adrSuperseded(ADRSuperseded(adr: adr, by: other, reason: "moved on")),
        .adrLinked(ADRLinked(adr: other, label: "Amends", target: adr, reverseLabel: "Amended by")),
        .noteAdded(
            NoteAdded(
                note: "n1", title: "Restart billing", kind: "runbook", body: "systemctl restart",
                components: [],
                tags: [], reviewBy: "2025-01-01")),
        .noteRevised(
            NoteRevised(note: "n1", title: nil, body: "new body", components: nil, tags: nil, reviewBy: nil)),
        .noteRetracted(NoteRetracted(note: "n1", reason: "obsolete")),
        .componentRegistered(
            ComponentRegistered(name: "billing", description: "Invoices", system: nil, repo: nil)),
        .teamRegistered(TeamRegistered(name: "core", party: "in-house", org: "Acme", site: "london")),
        .personJoined(PersonJoined(handle: "ada", name: "Ada Lovelace", team: "core")),
        .personLeft(PersonLeft(handle: "ada", reason: nil)),
        .ownershipTransferred(
            OwnershipTransferred(
                component: "billing", role: "owner", team: "core", person: nil, effective: "2024-03-01",
                reason: nil)),
        .handoffStarted(
            HandoffStarted(
                handoff: "h1", components: ["billing"], from: "core", to: "partner", due: nil, items: ["KT"])),
        .handoffItemCompleted(HandoffItemCompleted(handoff: "h1", item: "KT", side: "from", evidence: nil)),
        .handoffPhaseAdvanced(HandoffPhaseAdvanced(handoff: "h1", phase: "ramp-up")),
        .handoffCompleted(HandoffCompleted(handoff: "h1", forced: false, reason: nil)),
        .conflictResolved(
            ConflictResolved(
                register: "adr/x/successor", heads: [eventHex, String(repeating: "ef", count: 32)],
                chosen: eventHex,
                reason: nil)),
        .keyEnrolled(KeyEnrolled(replica: replica, site: "paris", author: "Bo <bo@example.com>")),
        .keyRevoked(KeyRevoked(replica: replica, reason: "laptop lost")),
        .contentRedacted(ContentRedacted(events: [eventHex], reason: "GDPR request")),
    ]
}
