import ArgumentParser
import LoreKit

extension Lore {
    /// `lore handoff …`: moving components from one team to another.
    struct Handoff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "handoff",
            abstract: "Hand components from one team to another: discovery, ramp-up, full operation.",
            subcommands: [Start.self, Check.self, Advance.self, Complete.self, HandoffShow.self, List.self])
    }
}

extension Lore.Handoff {
    /// `lore handoff start --component C… --from TEAM --to TEAM`.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start a hand-off with the default checklist and any items of your own.")
        @Option(name: .customLong("component"), parsing: .upToNextOption, help: "The components handed over.")
        var components: [String] = []
        @Option(help: "The team handing over.")
        var from: String
        @Option(help: "The team taking over.")
        var to: String
        @Option(help: "When it should be complete, YYYY-MM-DD.")
        var due: String?
        @Option(name: .customLong("item"), help: "A checklist item added to the defaults (repeatable).")
        var items: [String] = []
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().startHandoff(
                HandoffDraft(components: components, from: from, to: to, due: due, items: items))
            let summary = record.summary
            print(
                "Started hand-off \(summary.number): \(summary.components.joined(separator: ", ")) "
                    + "from \(summary.from) to \(summary.to), \(summary.itemsTotal) checklist items; "
                    + "see `lore handoff show \(summary.number)`")
        }
    }

    /// `lore handoff check ID ITEM --side from|to`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Sign off a checklist item for one side; it is done once both sides have.")
        @Argument(help: "The hand-off's number or a unique prefix of its id.")
        var id: String
        @Argument(help: "The item's number, or the start of its text.")
        var item: String
        @Option(help: "from or to: the side signing it off.")
        var side: String
        @Option(help: "A link or note showing it is done.")
        var evidence: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let (record, match) = try storeOptions.open().signOffHandoffItem(
                id, item: item, side: side, evidence: evidence)
            let state = match.done ? "done" : "waiting for the \(match.from == nil ? "from" : "to") side"
            print(
                "Hand-off \(record.summary.number) item \(match.number) \"\(match.text)\": signed off on the "
                    + "\(side.lowercased()) side; \(state)")
        }
    }

    /// `lore handoff advance ID`.
    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advance",
            abstract: "Move a hand-off to its next phase; from full-operation, complete it.")
        @Argument(help: "The hand-off's number or a unique prefix of its id.")
        var id: String
        @OptionGroup var completion: CompletionOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().advanceHandoff(
                id, force: completion.force, reason: completion.reason)
            print(HandoffText.moved(record))
        }
    }

    /// `lore handoff complete ID`.
    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: "Complete a hand-off in full-operation: the receiving team becomes owner.")
        @Argument(help: "The hand-off's number or a unique prefix of its id.")
        var id: String
        @OptionGroup var completion: CompletionOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().completeHandoff(
                id, force: completion.force, reason: completion.reason)
            print(HandoffText.moved(record))
        }
    }

    /// `lore handoff list [--open]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List hand-offs.")
        @Flag(help: "Only hand-offs not completed.")
        var open = false
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let handoffs = try storeOptions.open().handoffs(openOnly: open)
            if format.format == .json { return try Output.json(handoffs) }
            if handoffs.isEmpty {
                return Output.message(
                    open ? "no open hand-offs" : "no hand-offs; start one with `lore handoff start`")
            }
            Output.table(
                ["#", "PHASE", "FROM", "TO", "ITEMS", "DUE", "COMPONENTS"],
                handoffs.map {
                    [
                        "\($0.number)", HandoffText.phase($0), $0.from, $0.to,
                        "\($0.itemsDone)/\($0.itemsTotal)",
                        $0.due ?? "", $0.components.joined(separator: ", "),
                    ]
                })
        }
    }
}

/// `--force` and `--reason`, for completing a hand-off.
struct CompletionOptions: ParsableArguments {
    @Flag(help: "Complete even though checklist items are open (needs --reason).")
    var force = false
    @Option(help: "Why; required with --force, recorded with the completion.")
    var reason: String?
}
