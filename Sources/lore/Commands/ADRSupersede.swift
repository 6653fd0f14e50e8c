import ArgumentParser
import Foundation
import LoreKit

extension Lore.ADR {
    /// `lore adr supersede OLD --by NEW`.
    struct ADRSupersede: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "supersede", abstract: "Record that one decision replaces another.")

        @Argument(help: "The record being replaced.")
        var old: String
        @Option(help: "The record that replaces it.")
        var by: String
        @Option(help: "Why.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().supersedeADR(old, by: by, reason: reason)
            let successor = record.supersededBy.map(ADRNumber.display) ?? by
            print("\(ADRText.line(record)), superseded by \(successor)")
        }
    }

    /// `lore adr link A LABEL B [--reverse LABEL]`.
    struct ADRLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link", abstract: "Link two records, e.g. `lore adr link 12 Amends 7`.")

        @Argument(help: "The record the link starts from.")
        var source: String
        @Argument(help: "The label seen from the source, e.g. Amends.")
        var label: String
        @Argument(help: "The record the link points to.")
        var target: String
        @Option(help: "The label seen from the target, e.g. \"Amended by\" (default: the known inverse).")
        var reverse: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().linkADR(source, label, target, reverseLabel: reverse)
            let link = record.links.first { $0.label == label.trimmingCharacters(in: .whitespaces) }
            print(
                "\(ADRNumber.display(record.number)) \(label) \(link.map { ADRNumber.display($0.number) } ?? target)"
            )
        }
    }
}
