import ArgumentParser
import LoreKit

extension Lore {
    /// `lore conflicts`: registers that two sites changed without seeing each other.
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract:
                "List facts two sites changed differently (an ADR's successor, an owner, a hand-off phase).")
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let conflicts = try storeOptions.open().conflicts()
            if format.format == .json { return try Output.json(conflicts) }
            if conflicts.isEmpty { return Output.message("no conflicts") }
            for (index, conflict) in conflicts.enumerated() {
                print("\(index + 1). \(conflict.subject) (\(conflict.register))")
                for (number, head) in conflict.heads.enumerated() {
                    let site = head.replica.dropFirst(ReplicaID.prefix.count).prefix(8)
                    let shown = number == conflict.heads.count - 1 ? "  (shown, contested)" : ""
                    print(
                        "   \(number + 1)) \(head.value) — \(head.author), replica \(site), \(head.recorded)\(shown)"
                    )
                }
            }
            print("resolve one with `lore resolve N --keep M --reason …`")
        }
    }

    /// `lore resolve CONFLICT --keep HEAD`.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "End a conflict: record which value stands, naming every head.")
        @Argument(help: "The conflict's number from `lore conflicts`, or its register name.")
        var conflict: String
        @Option(help: "The head to keep: its number, its event id prefix, or its value (e.g. ADR-0003).")
        var keep: String
        @Option(help: "Why.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let view = try storeOptions.open().resolveConflict(conflict, keep: keep, reason: reason)
            print("resolved \(view.subject)")
        }
    }
}
