import ArgumentParser
import LoreKit

extension Lore {
    /// `lore team …`: the in-house and partner teams.
    struct Team: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team", abstract: "Register and list the in-house and partner teams.",
            subcommands: [Add.self, List.self, Show.self])
    }
}

extension Lore.Team {
    /// `lore team add NAME --party in-house|partner`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a team.")
        @Argument(help: "The team's name, e.g. payments-core.")
        var name: String
        @Option(help: "in-house or partner.")
        var party: String
        @Option(help: "The organisation it belongs to.")
        var org: String?
        @Option(help: "Where it works.")
        var site: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let team = try storeOptions.open().registerTeam(name, party: party, org: org, site: site)
            print("Registered team \(team.name) (\(team.party))")
        }
    }

    /// `lore team list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the registered teams.")
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let teams = try storeOptions.open().teams()
            if format.format == .json { return try Output.json(teams) }
            if teams.isEmpty { return Output.message("no teams registered; add one with `lore team add`") }
            Output.table(
                ["TEAM", "PARTY", "ORG", "SITE", "PEOPLE"],
                teams.map { [$0.name, $0.party, $0.org ?? "", $0.site ?? "", "\($0.members)"] })
        }
    }

    /// `lore team show NAME`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a team, its people and the roles it holds today.")
        @Argument(help: "The team's name.")
        var name: String
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let team = try storeOptions.open().team(name)
            if format.format == .json { return try Output.json(team) }
            var rows = [["team", team.name], ["party", team.party]]
            if let org = team.org { rows.append(["org", org]) }
            if let site = team.site { rows.append(["site", site]) }
            rows.append(["registered", "\(team.registered) by \(team.author)"])
            for person in team.people ?? [] {
                rows.append(["person", DirectoryText.person(person)])
            }
            for role in team.roles ?? [] {
                rows.append(["role", DirectoryText.role(role)])
            }
            Output.table(["", ""], rows)
        }
    }
}

/// How people and roles print in one line.
enum DirectoryText {
    /// `ada  Ada Lovelace` or `bo  Bo Li (left 2024-03-14)`.
    static func person(_ person: PersonView) -> String {
        "\(person.handle)  \(person.name)" + (person.left ? " (left \(day(person.leftAt)))" : "")
    }

    /// `owner of billing since 2024-03-01 (ada)`.
    static func role(_ role: RoleHeld) -> String {
        "\(role.role) of \(role.component) since \(role.since)" + (role.person.map { " (\($0))" } ?? "")
    }

    /// The date part of an ISO 8601 time.
    static func day(_ time: String?) -> String { String((time ?? "").prefix(10)) }
}
