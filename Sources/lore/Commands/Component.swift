import ArgumentParser
import LoreKit

extension Lore {
    /// `lore component …`: the parts of the system that knowledge is about.
    struct Component: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "component",
            abstract: "Register and list the components decisions and notes are about.",
            subcommands: [Add.self, List.self, Show.self])
    }
}

extension Lore.Component {
    /// `lore component add NAME`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a component.")
        @Argument(help: "The component's name, e.g. billing.")
        var name: String
        @Option(help: "What it does.")
        var description: String?
        @Option(help: "The larger system it belongs to.")
        var system: String?
        @Option(help: "Where its code lives (URL or path).")
        var repo: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let component = try storeOptions.open().registerComponent(
                name, description: description, system: system, repo: repo)
            print("Registered component \(component.name)")
        }
    }

    /// `lore component list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the registered components.")
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let components = try storeOptions.open().components()
            if format.format == .json { return try Output.json(components) }
            if components.isEmpty {
                return Output.message("no components registered; add one with `lore component add`")
            }
            Output.table(
                ["COMPONENT", "SYSTEM", "DESCRIPTION"],
                components.map { [$0.name, $0.system ?? "", $0.description ?? ""] })
        }
    }

    /// `lore component show NAME`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one component.")
        @Argument(help: "The component's name.")
        var name: String
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let component = try storeOptions.open().component(name)
            if format.format == .json { return try Output.json(component) }
            var rows = [["component", component.name]]
            if let system = component.system { rows.append(["system", system]) }
            if let description = component.description { rows.append(["description", description]) }
            if let repo = component.repo { rows.append(["repo", repo]) }
            rows.append(["registered", "\(component.registered) by \(component.author)"])
            Output.table(["", ""], rows)
        }
    }
}
