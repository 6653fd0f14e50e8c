import Foundation
import Testing

@testable import LoreKit

extension TestStore {
    /// A store with components billing and invoicing, teams core (in-house) and partner-x
    /// (partner), and people ada (core) and bo (partner-x).
    static func directory(environment: LoreEnvironment = environment()) throws -> (Store, URL) {
        let (store, folder) = try make(environment: environment)
        try store.registerComponent("billing")
        try store.registerComponent("invoicing")
        try store.registerTeam("core", party: "in-house", org: "Acme", site: "london")
        try store.registerTeam("partner-x", party: "partner", org: "Globex")
        try store.addPerson("ada", name: "Ada Lovelace", team: "core")
        try store.addPerson("bo", name: "Bo Li", team: "partner-x")
        return (store, folder)
    }
}

@Suite struct DirectoryTests {
    @Test func teamsAreRegisteredListedAndShown() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        let teams = try store.teams()
        #expect(teams.map(\.name) == ["core", "partner-x"])
        #expect(teams[0].party == "in-house" && teams[0].org == "Acme" && teams[0].site == "london")
        #expect(teams[1].party == "partner" && teams[1].site == nil && teams[1].members == 1)
        #expect(teams[0].people == nil && teams[0].roles == nil)
        let core = try store.team("CORE")
        #expect(core.name == "core" && core.author == "Ada <ada@example.com>")
        #expect(core.people?.map(\.handle) == ["ada"])
        #expect(core.roles == [])
        // Any case of the party word; stored as the schema spells it.
        #expect(try store.registerTeam("ops", party: " In-House ").party == "in-house")
        try TestStore.writeSamples(store, name: "directory")
    }

    @Test func badTeamsAreRefusedAndWriteNothing() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        let before = try store.events().count
        #expect(throws: DirectoryError.teamExists("core")) {
            try store.registerTeam("Core", party: "partner")
        }
        #expect(throws: DirectoryError.badParty("vendor")) { try store.registerTeam("v", party: "vendor") }
        #expect(throws: DirectoryError.badName("", what: "team")) {
            try store.registerTeam("", party: "partner")
        }
        #expect(throws: DirectoryError.unknownTeam("cor", suggestions: ["core"])) { try store.team("cor") }
        #expect(try store.events().count == before)
        let message = DirectoryError.unknownTeam("cor", suggestions: ["core"]).errorDescription ?? ""
        #expect(message.contains("'cor'") && message.contains("core?") && message.contains("lore team add"))
    }

    @Test func peopleJoinOneTeamAndLeave() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        let before = try store.events().count
        #expect(throws: DirectoryError.personOnTeam("ada", team: "core")) {
            try store.addPerson("ADA", name: "Ada Again", team: "partner-x")
        }
        #expect(throws: DirectoryError.unknownTeam("partnerx", suggestions: ["partner-x"])) {
            try store.addPerson("cy", name: "Cy", team: "partnerx")
        }
        #expect(throws: DirectoryError.unknownPerson("adda", suggestions: ["ada"])) {
            try store.personLeaves("adda")
        }
        #expect(try store.events().count == before)

        let gone = try store.personLeaves("Ada", reason: "moved on")
        #expect(gone.handle == "ada" && gone.left && gone.leftReason == "moved on" && gone.leftAt != nil)
        #expect(throws: DirectoryError.self) { try store.personLeaves("ada") }
        do {
            try store.personLeaves("ada")
        } catch let error as DirectoryError {
            #expect(error.errorDescription?.contains("already left on 2024-03-14") == true)
        }
        #expect(try store.team("core").members == 0)
        #expect(try store.people(team: "core").map(\.handle) == ["ada"])
        #expect(try store.people().map(\.left) == [true, false])

        // Someone who left can join again, on another team, under the same handle.
        let back = try store.addPerson("ada", name: "Ada L.", team: "partner-x")
        #expect(back.team == "partner-x" && !back.left && back.leftAt == nil)
        #expect(try store.people(team: "partner-x").map(\.handle) == ["ada", "bo"])
        #expect(try store.checkProjections().matches)
    }

    @Test func peopleShowTheRolesTheyHoldToday() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        try store.setOwner(
            OwnershipChange(component: "billing", team: "core", person: "ada", effective: "2024-01-01"))
        try store.setOwner(OwnershipChange(component: "invoicing", team: "core", role: "maintainer"))
        let ada = try store.person("ada")
        #expect(
            ada.roles == [
                RoleHeld(
                    component: "billing", role: "owner", team: "core", person: "ada", since: "2024-01-01")
            ])
        #expect(
            try store.team("core").roles?.map { "\($0.component)/\($0.role)" } == [
                "billing/owner", "invoicing/maintainer",
            ])
        // Leaving returns the roles still held, to hand on.
        #expect(try store.personLeaves("ada").roles?.map(\.component) == ["billing"])
    }

    @Test func theFoldIgnoresPeopleOfUnknownTeams() throws {
        let (store, folder) = try TestStore.directory()
        defer { TestStore.cleanUp(folder) }
        try store.append([
            (
                stream: "person/zed",
                payload: .personJoined(PersonJoined(handle: "zed", name: "Zed", team: "ghosts")), deps: []
            ),
            (stream: "person/nobody", payload: .personLeft(PersonLeft(handle: "nobody")), deps: []),
        ])
        #expect(try store.people().map(\.handle) == ["ada", "bo"])
        #expect(try store.checkProjections().matches)
    }
}
