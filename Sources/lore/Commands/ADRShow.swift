import ArgumentParser
import LoreKit

/// `--format md|json` for documents.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}

extension Lore.ADR {
    /// `lore adr show`.
    struct ADRShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a record, its status history and its links.")

        @Argument(help: "A number (7, ADR-7, 0007) or a unique prefix of the record's id.")
        var ref: String
        @Option(help: "Output format: md or json.")
        var format: DocumentFormat = .md
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().adr(ref)
            switch format {
            case .json: try Output.json(record)
            case .md:
                print(ADRMarkdownWriter.document(record), terminator: "")
                if let claimed = record.claimedNumber {
                    Output.message(
                        "note: created as ADR \(claimed) at another site; renumbered because that number was taken"
                    )
                }
                for other in record.renumbered {
                    Output.message(
                        "note: \(ADRNumber.display(other.number)) \(other.title) was also created as ADR \(record.number) "
                            + "at another site; it sorts later, so it was renumbered")
                }
                if record.contested {
                    Output.message(
                        "note: sites disagree on what supersedes this record; see `lore conflicts`")
                }
            }
        }
    }
}
