import ArgumentParser
import LoreKit

extension Lore {
    /// `lore owner …`: who holds which role on a component, over time.
    struct Owner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "owner",
            abstract: "Record and read who owns a component (owner, tech-lead, product-owner, maintainer).",
            subcommands: [SetOwner.self, Show.self, History.self])
    }
}

extension Lore.Owner {
    /// `lore owner set COMPONENT --team T`.
    struct SetOwner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Give a role on a component to a team (and maybe one of its people) from a date.")
        @Argument(help: "The component's name.")
        var component: String
        @Option(help: "The team taking the role.")
        var team: String
        @Option(help: "The handle of the person on that team taking the role.")
        var person: String?
        @Option(help: "owner, tech-lead, product-owner or maintainer.")
        var role: String = OwnershipRole.owner.rawValue
        @Option(help: "When the change takes effect, YYYY-MM-DD (default: today).")
        var effective: String?
        @Option(help: "Why it changes.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let entry = try storeOptions.open().setOwner(
                OwnershipChange(
                    component: component, team: team, person: person, role: role, effective: effective,
                    reason: reason))
            print(
                "\(entry.component): \(entry.role) is \(OwnerText.holder(entry)) from \(entry.effective)"
                    + " (recorded \(entry.recorded))")
        }
    }

    /// `lore owner show COMPONENT [--at DATE]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show who holds each role of a component, today or on a date.")
        @Argument(help: "The component's name.")
        var component: String
        @Option(help: "The date to ask about, YYYY-MM-DD (default: today).")
        var at: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let view = try storeOptions.open().owners(of: component, at: at)
            if format.format == .json { return try Output.json(view) }
            let rows = OwnershipRole.allCases.map { role -> [String] in
                guard let entry = view.roles.first(where: { $0.role == role.rawValue }) else {
                    return [role.rawValue, "-", "", "", ""]
                }
                let contested = view.contested.contains(role.rawValue) ? " (contested)" : ""
                return [
                    role.rawValue + contested, entry.team, OwnerText.person(entry), entry.effective,
                    entry.recorded,
                ]
            }
            Output.table(["ROLE", "TEAM", "PERSON", "SINCE", "RECORDED"], rows)
            if view.roles.isEmpty {
                Output.message(
                    "note: nobody holds a role of \(view.component) on \(view.at); "
                        + "set one with `lore owner set \(view.component) --team TEAM`")
            }
            if !view.contested.isEmpty {
                Output.message(
                    "note: sites changed \(view.contested.joined(separator: ", ")) independently; see `lore conflicts`"
                )
            }
            guard !view.upcoming.isEmpty else { return }
            print("")
            Output.table(
                ["FROM", "ROLE", "TEAM", "PERSON", "RECORDED"],
                view.upcoming.map { [$0.effective, $0.role, $0.team, OwnerText.person($0), $0.recorded] })
        }
    }

    /// `lore owner history COMPONENT`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract:
                "List every change of a component's roles: when it takes effect and when it was recorded.")
        @Argument(help: "The component's name.")
        var component: String
        @Option(help: "Only this role's changes.")
        var role: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let history = try storeOptions.open().ownershipHistory(of: component, role: role)
            if format.format == .json { return try Output.json(history) }
            if history.isEmpty {
                return Output.message(
                    "no ownership recorded for \(component); set it with `lore owner set \(component) --team TEAM`"
                )
            }
            Output.table(
                ["EFFECTIVE", "NOW", "ROLE", "TEAM", "PERSON", "RECORDED", "BY", "REASON"],
                history.map {
                    [
                        $0.effective, $0.current ? "*" : "", $0.role, $0.team, OwnerText.person($0),
                        $0.recorded,
                        $0.author, $0.reason ?? "",
                    ]
                })
        }
    }
}

/// How holders print.
enum OwnerText {
    /// `core` or `core (ada)`.
    static func holder(_ entry: OwnershipEntry) -> String {
        entry.person.map { "\(entry.team) (\($0))" } ?? entry.team
    }

    /// The person's handle, marked when they have left.
    static func person(_ entry: OwnershipEntry) -> String {
        guard let person = entry.person else { return "" }
        return entry.personLeft ? "\(person) (left)" : person
    }
}
