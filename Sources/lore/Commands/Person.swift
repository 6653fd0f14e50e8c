import ArgumentParser
import LoreKit

extension Lore {
    /// `lore person …`: the people on the teams.
    struct Person: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person", abstract: "Record who is on which team, and who has left.",
            subcommands: [Add.self, Leave.self, List.self, Show.self])
    }
}

extension Lore.Person {
    /// `lore person add HANDLE --name NAME --team TEAM`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record that a person joins a team.")
        @Argument(help: "A short handle, e.g. ada.")
        var handle: String
        @Option(help: "The person's full name.")
        var name: String
        @Option(help: "The team they join.")
        var team: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let person = try storeOptions.open().addPerson(handle, name: name, team: team)
            print("\(person.handle) (\(person.name)) joined \(person.team)")
        }
    }

    /// `lore person leave HANDLE`.
    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "Record that a person leaves; they stay in history.")
        @Argument(help: "The person's handle.")
        var handle: String
        @Option(help: "Why they leave.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let person = try storeOptions.open().personLeaves(handle, reason: reason)
            print("\(person.handle) left \(person.team)")
            for role in person.roles ?? [] {
                Output.message(
                    "note: \(person.handle) still holds \(role.role) of \(role.component); "
                        + "hand it on with `lore owner set \(role.component) --team TEAM --role \(role.role)`"
                )
            }
        }
    }

    /// `lore person list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List people, those who left included.")
        @Option(help: "Only people who joined this team.")
        var team: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let people = try storeOptions.open().people(team: team)
            if format.format == .json { return try Output.json(people) }
            if people.isEmpty { return Output.message("no people recorded; add one with `lore person add`") }
            Output.table(
                ["HANDLE", "NAME", "TEAM", "STATUS"],
                people.map {
                    [
                        $0.handle, $0.name, $0.team,
                        $0.left ? "left \(DirectoryText.day($0.leftAt))" : "active",
                    ]
                })
        }
    }

    /// `lore person show HANDLE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a person and the roles they hold today.")
        @Argument(help: "The person's handle.")
        var handle: String
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let person = try storeOptions.open().person(handle)
            if format.format == .json { return try Output.json(person) }
            var rows = [["person", person.handle], ["name", person.name], ["team", person.team]]
            rows.append(["joined", person.joined])
            if person.left {
                rows.append(["left", (person.leftAt ?? "") + (person.leftReason.map { " (\($0))" } ?? "")])
            }
            for role in person.roles ?? [] { rows.append(["role", DirectoryText.role(role)]) }
            Output.table(["", ""], rows)
        }
    }
}
