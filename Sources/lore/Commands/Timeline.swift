import ArgumentParser

extension Lore {
    /// Placeholder until `lore timeline` lands (issue 5).
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline", abstract: "(not yet available)", shouldDisplay: false)
    }
}
