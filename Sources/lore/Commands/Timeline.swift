import ArgumentParser
import LoreKit

extension Lore {
    /// `lore timeline [COMPONENT] [--since DATE]`.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Every decision, note, ownership change and hand-off step, in order.")
        @Argument(help: "Only what concerns this component.")
        var component: String?
        @Option(help: "Only from this date on (YYYY-MM-DD).")
        var since: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let entries = try storeOptions.open().timeline(component: component, since: since)
            if format.format == .json { return try Output.json(entries) }
            if entries.isEmpty { return Output.message("nothing recorded yet") }
            Output.table(
                ["WHEN", "WHAT", "WHO"], entries.map { [String($0.at.prefix(16)), $0.summary, $0.author] })
        }
    }
}
