import ArgumentParser
import LoreKit

extension Lore.ADR {
    /// `lore adr revise REF [--title …] …`.
    struct ADRRevise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revise", abstract: "Record new text for some fields of a record.")

        @Argument(help: "A number (7, ADR-7, 0007) or a unique prefix of the record's id.")
        var ref: String
        @Option(help: "The new title.")
        var title: String?
        @Option(help: "The new context: why the decision is needed.")
        var context: String?
        @Option(help: "The new decision text.")
        var decision: String?
        @Option(help: "The new consequences.")
        var consequences: String?
        @Option(help: "The decision date, YYYY-MM-DD.")
        var date: String?
        @Option(name: .customLong("option"), help: "Replaces the considered options (repeatable).")
        var options: [String] = []
        @Option(name: .customLong("tag"), help: "Replaces the tags (repeatable).")
        var tags: [String] = []
        @Option(name: .customLong("component"), help: "Replaces the components (repeatable).")
        var components: [String] = []
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            var changes = ADRChanges()
            changes.title = title
            changes.context = context
            changes.decision = decision
            changes.consequences = consequences
            changes.date = date
            changes.options = options.isEmpty ? nil : options
            changes.tags = tags.isEmpty ? nil : tags
            changes.components = components.isEmpty ? nil : components
            let record = try storeOptions.open().reviseADR(ref, changes)
            print("Revised \(ADRText.line(record)) (revision \(record.revisions))")
        }
    }
}
