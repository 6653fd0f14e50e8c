import Foundation
import Testing

/// `lore team` and `lore person` from the shell: register, list, show, leave, and refusals.
@Suite struct TeamCLITests {
    struct ListedTeam: Decodable {
        var name: String
        var party: String
        var org: String?
        var site: String?
        var members: Int
    }

    struct ShownPerson: Decodable {
        struct Role: Decodable {
            var component: String
            var role: String
        }
        var handle: String
        var name: String
        var team: String
        var left: Bool
        var leftReason: String?
        var roles: [Role]?

        enum CodingKeys: String, CodingKey {
            case handle, name, team, left, roles
            case leftReason = "left_reason"
        }
    }

    struct ShownTeam: Decodable {
        var name: String
        var party: String
        var people: [ShownPerson]
        var roles: [ShownPerson.Role]
    }

    /// A store with a component, two teams and two people.
    static func sandbox() throws -> LoreSandbox {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.ok("component", "add", "billing")
        try sandbox.ok("team", "add", "core", "--party", "in-house", "--org", "Acme", "--site", "london")
        try sandbox.ok("team", "add", "partner-x", "--party", "partner")
        try sandbox.ok("person", "add", "ada", "--name", "Ada Lovelace", "--team", "core")
        try sandbox.ok("person", "add", "bo", "--name", "Bo Li", "--team", "partner-x")
        return sandbox
    }

    @Test func teamsAndPeopleAreRecordedListedAndShown() throws {
        let sandbox = try Self.sandbox()
        let teams = try decode([ListedTeam].self, try sandbox.ok("team", "list", "--format", "json"))
        #expect(teams.map(\.name) == ["core", "partner-x"])
        #expect(teams[0].party == "in-house" && teams[0].org == "Acme" && teams[0].site == "london")
        #expect(teams[1].party == "partner" && teams[1].org == nil && teams[1].members == 1)
        let table = try sandbox.ok("team", "list")
        #expect(table.hasPrefix("TEAM") && table.contains("partner-x  partner"), "\(table)")

        try sandbox.ok("owner", "set", "billing", "--team", "core", "--person", "ada")
        let core = try decode(ShownTeam.self, try sandbox.ok("team", "show", "CORE", "--format", "json"))
        #expect(core.name == "core" && core.people.map(\.handle) == ["ada"])
        #expect(core.roles.map(\.component) == ["billing"])
        #expect(try sandbox.ok("team", "show", "core").contains("owner of billing since"))

        let left = try sandbox.lore("person", "leave", "ada", "--reason", "moved on")
        #expect(left.status == 0 && left.stdout == "ada left core\n", "\(left)")
        #expect(left.stderr.contains("still holds owner of billing"), "\(left)")
        let ada = try decode(ShownPerson.self, try sandbox.ok("person", "show", "ada", "--format", "json"))
        #expect(ada.left && ada.leftReason == "moved on" && ada.roles?.map(\.role) == ["owner"])
        let people = try decode([ShownPerson].self, try sandbox.ok("person", "list", "--format", "json"))
        #expect(people.map(\.handle) == ["ada", "bo"] && people.map(\.left) == [true, false])
        let onPartner = try sandbox.ok("person", "list", "--team", "partner-x", "--format", "json")
        #expect(try decode([ShownPerson].self, onPartner).map(\.handle) == ["bo"])
        #expect(try sandbox.ok("person", "list").contains("left "))
        try sandbox.saveSchemaSample("teams-people")
    }

    @Test func refusalsSayWhyOnOneLineAndWriteNothing() throws {
        let sandbox = try Self.sandbox()
        try sandbox.expectFailure(
            ["team", "add", "Core", "--party", "partner"], mentions: ["'core'", "already"])
        try sandbox.expectFailure(
            ["team", "add", "ops", "--party", "vendor"], mentions: ["'vendor'", "in-house, partner"])
        try sandbox.expectFailure(["team", "add", "ops"], status: 2, mentions: ["--party"])
        try sandbox.expectFailure(["team", "show", "cor"], mentions: ["'cor'", "did you mean core?"])
        try sandbox.expectFailure(
            ["person", "add", "cy", "--name", "Cy", "--team", "partnerx"],
            mentions: ["'partnerx'", "partner-x"])
        try sandbox.expectFailure(
            ["person", "add", "ada", "--name", "Ada", "--team", "partner-x"],
            mentions: ["'ada'", "core", "person leave"])
        try sandbox.expectFailure(["person", "leave", "adda"], mentions: ["'adda'", "ada"])
        try sandbox.ok("person", "leave", "bo")
        try sandbox.expectFailure(["person", "leave", "bo"], mentions: ["'bo' already left"])
        try sandbox.expectFailure(["person", "show", "zed"], mentions: ["'zed'"])
    }
}
