import ArgumentParser
import LoreKit

extension Lore.ADR {
    /// `lore adr list`.
    struct ADRList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List decision records.")

        @Option(help: "Only records with this status.")
        var status: String?
        @Option(help: "Only records with this tag.")
        var tag: String?
        @Option(help: "Only records about this component.")
        var component: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let adrs = try storeOptions.open().adrs(ADRFilter(status: status, tag: tag, component: component))
            if format.format == .json { return try Output.json(adrs) }
            if adrs.isEmpty { return Output.message("no decision records match") }
            Output.table(["ADR", "STATUS", "DATE", "TITLE"], ADRText.rows(adrs))
        }
    }
}
