import ArgumentParser
import LoreKit

/// The arguments every status change takes.
struct StatusChangeOptions: ParsableArguments {
    @Argument(help: "A number (7, ADR-7, 0007) or a unique prefix of the record's id.")
    var ref: String
    @Option(help: "Why the status changes.")
    var reason: String?
    @OptionGroup var storeOptions: StoreOptions

    /// Records the change and says what happened.
    func change(to status: String) throws {
        print(ADRText.line(try storeOptions.open().setADRStatus(ref, to: status, reason: reason)))
    }
}

extension Lore.ADR {
    /// `lore adr accept`.
    struct ADRAccept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept", abstract: "Mark a record accepted.")
        @OptionGroup var options: StatusChangeOptions
        func run() throws { try options.change(to: ADRStatus.accepted) }
    }

    /// `lore adr reject`.
    struct ADRReject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject", abstract: "Mark a record rejected.")
        @OptionGroup var options: StatusChangeOptions
        func run() throws { try options.change(to: ADRStatus.rejected) }
    }

    /// `lore adr deprecate`.
    struct ADRDeprecate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deprecate", abstract: "Mark a record deprecated.")
        @OptionGroup var options: StatusChangeOptions
        func run() throws { try options.change(to: ADRStatus.deprecated) }
    }

    /// `lore adr status REF STATUS`: a standard status or the team's own word.
    struct ADRSetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Set a record's status to any word, e.g. \"in review\".")
        @Argument(help: "A number (7, ADR-7, 0007) or a unique prefix of the record's id.")
        var ref: String
        @Argument(help: "The new status.")
        var status: String
        @Option(help: "Why the status changes.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            print(ADRText.line(try storeOptions.open().setADRStatus(ref, to: status, reason: reason)))
        }
    }
}
