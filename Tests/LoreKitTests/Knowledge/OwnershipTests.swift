import Foundation
import Testing

@testable import LoreKit

@Suite struct OwnershipTests {
    /// 2024-01-02 12:00 UTC and 2024-03-14 08:00 UTC.
    static let january = Date(timeIntervalSince1970: 1_704_196_800)
    static let march = Date(timeIntervalSince1970: 1_710_403_200)

    /// The same store opened again with another clock, as on a later day.
    private func reopen(_ folder: URL, at start: Date) throws -> Store {
        try Store.open(
            StoreLocation(folder: folder.appendingPathComponent(".lore")),
            keyRing: KeyRing(home: folder.appendingPathComponent("home")),
            environment: TestStore.environment(start: start))
    }

    @Test func aChangeRecordedTodayButEffectiveLastMonthAnswersTheFirstCorrectly() throws {
        let (january, folder) = try TestStore.directory(
            environment: TestStore.environment(start: Self.january))
        defer { TestStore.cleanUp(folder) }
        let first = try january.setOwner(
            OwnershipChange(
                component: "billing", team: "core", person: "ada", effective: "2024-01-01", reason: "initial")
        )
        #expect(first.recorded.hasPrefix("2024-01-02T12:00:") && first.current)

        let store = try reopen(folder, at: Self.march)
        let second = try store.setOwner(
            OwnershipChange(
                component: "Billing", team: "partner-x", effective: "2024-02-01", reason: "contract signed"))
        #expect(second.component == "billing" && second.effective == "2024-02-01")
        #expect(second.recorded.hasPrefix("2024-03-14T08:00:"))

        // Who owned billing on the 1st of March? The change recorded on the 14th says partner-x.
        #expect(try store.owners(of: "billing", at: "2024-03-01").roles.map(\.team) == ["partner-x"])
        #expect(try store.owners(of: "billing", at: "2024-01-31").roles.map(\.team) == ["core"])
        #expect(try store.owners(of: "billing", at: "2024-02-01").roles.map(\.team) == ["partner-x"])
        #expect(try store.owners(of: "billing", at: "2023-12-31").roles.isEmpty)
        let today = try store.owners(of: "billing")
        #expect(
            today.at == "2024-03-14" && today.roles.map(\.team) == ["partner-x"] && today.upcoming.isEmpty)

        // History shows both dates for each change, in effective order, and which is in force.
        let history = try store.ownershipHistory(of: "billing")
        #expect(history.map(\.effective) == ["2024-01-01", "2024-02-01"])
        #expect(history[0].recorded.hasPrefix("2024-01-02") && history[1].recorded.hasPrefix("2024-03-14"))
        #expect(history.map(\.current) == [false, true])
        #expect(history.map(\.reason) == ["initial", "contract signed"])
        #expect(history[0].person == "ada" && history[1].person == nil)

        // The role is a register: the second change names the head it saw.
        let events = try store.events().filter { $0.event.header.kind == .ownershipTransferred }
        #expect(events.count == 2)
        #expect(events[0].event.header.deps.isEmpty)
        #expect(events[1].event.header.deps == [events[0].event.id])
        #expect(events[1].event.header.stream == "component/billing")
        #expect(try store.checkProjections().matches)
        try TestStore.writeSamples(store, name: "ownership")
    }

    @Test func defaultsAreOwnerAndTodayAndRolesAreIndependent() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        let entry = try store.setOwner(OwnershipChange(component: "billing", team: "core"))
        #expect(
            entry.role == "owner" && entry.effective == "2024-03-14"
                && entry.author == "Ada <ada@example.com>")
        try store.setOwner(
            OwnershipChange(component: "billing", team: "partner-x", person: "bo", role: "Tech-Lead"))
        try store.setOwner(OwnershipChange(component: "billing", team: "core", role: "product-owner"))
        let view = try store.owners(of: "billing")
        #expect(view.roles.map(\.role) == ["owner", "tech-lead", "product-owner"])
        #expect(view.roles.map(\.team) == ["core", "partner-x", "core"])
        #expect(try store.ownershipHistory(of: "billing", role: "tech-lead").map(\.person) == ["bo"])
        #expect(try store.owners(of: "invoicing").roles.isEmpty)
    }

    @Test func futureChangesAreUpcomingAndSameDayChangesGoToTheLaterRecorded() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        try store.setOwner(OwnershipChange(component: "billing", team: "core", effective: "2024-03-01"))
        try store.setOwner(OwnershipChange(component: "billing", team: "partner-x", effective: "2024-04-01"))
        let today = try store.owners(of: "billing")
        #expect(today.roles.map(\.team) == ["core"])
        #expect(today.upcoming.map(\.team) == ["partner-x"] && today.upcoming[0].current == false)
        #expect(try store.owners(of: "billing", at: "2024-04-01").roles.map(\.team) == ["partner-x"])
        #expect(try store.ownershipHistory(of: "billing").map(\.current) == [true, false])

        // A correction effective the same day as an earlier change wins over it.
        try store.setOwner(
            OwnershipChange(component: "billing", team: "partner-x", person: "bo", effective: "2024-03-01"))
        let corrected = try store.owners(of: "billing", at: "2024-03-10").roles
        #expect(corrected.map(\.team) == ["partner-x"] && corrected[0].person == "bo")
    }

    @Test func badChangesAreRefusedAndWriteNothing() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        try store.setOwner(
            OwnershipChange(component: "billing", team: "core", person: "ada", effective: "2024-01-01"))
        try store.addPerson("cy", name: "Cy", team: "core")
        try store.personLeaves("cy")
        let before = try store.events().count
        #expect(
            throws: DirectoryError.alreadyHolds(
                component: "billing", role: "owner", holder: "core (ada)", since: "2024-01-01")
        ) {
            try store.setOwner(OwnershipChange(component: "billing", team: "CORE", person: "ada"))
        }
        #expect(throws: DirectoryError.personNotOnTeam("bo", team: "core", actual: "partner-x")) {
            try store.setOwner(OwnershipChange(component: "billing", team: "core", person: "bo"))
        }
        #expect(throws: DirectoryError.personHasLeft("cy")) {
            try store.setOwner(OwnershipChange(component: "billing", team: "core", person: "cy"))
        }
        #expect(throws: DirectoryError.unknownPerson("adaa", suggestions: ["ada"])) {
            try store.setOwner(OwnershipChange(component: "billing", team: "core", person: "adaa"))
        }
        #expect(throws: DirectoryError.badRole("boss")) {
            try store.setOwner(OwnershipChange(component: "billing", team: "core", role: "boss"))
        }
        #expect(throws: ADRError.badDate("2024-02-30")) {
            try store.setOwner(OwnershipChange(component: "billing", team: "core", effective: "2024-02-30"))
        }
        #expect(throws: DirectoryError.unknownComponent("biling", suggestions: ["billing"])) {
            try store.setOwner(OwnershipChange(component: "biling", team: "core"))
        }
        #expect(throws: DirectoryError.unknownTeam("nobody", suggestions: [])) {
            try store.setOwner(OwnershipChange(component: "billing", team: "nobody"))
        }
        #expect(throws: DirectoryError.unknownComponent("nope", suggestions: [])) {
            try store.owners(of: "nope")
        }
        #expect(throws: ADRError.badDate("soon")) { try store.owners(of: "billing", at: "soon") }
        #expect(try store.events().count == before)
        // The same team without the person is a change.
        #expect(try store.setOwner(OwnershipChange(component: "billing", team: "core")).person == nil)
    }

    @Test func theFoldIgnoresChangesAboutUnknownThings() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        func change(
            _ component: String, _ team: String, role: String = "owner", person: String? = nil,
            effective: String = "2024-01-01"
        )
            -> (stream: String, payload: EventPayload, deps: [EventID])
        {
            (
                stream: "component/\(component)",
                payload: .ownershipTransferred(
                    OwnershipTransferred(
                        component: component, role: role, team: team, person: person, effective: effective)),
                deps: []
            )
        }
        try store.append([
            change("ghost", "core"), change("billing", "ghosts"), change("billing", "core", role: "boss"),
            change("billing", "core", effective: "2024-13-01"), change("billing", "core", person: "nobody"),
            change("BILLING", "Core"),
        ])
        let history = try store.ownershipHistory(of: "billing")
        #expect(history.map(\.team) == ["core"] && history[0].component == "billing")
        #expect(try store.checkProjections().matches)
    }
}
