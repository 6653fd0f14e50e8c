import ArgumentParser

extension Lore {
    /// Placeholder until `lore owner` lands (issue 5).
    struct Owner: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "owner", abstract: "(not yet available)", shouldDisplay: false)
    }
}
