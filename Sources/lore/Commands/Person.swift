import ArgumentParser

extension Lore {
    /// Placeholder until `lore person` lands (issue 5).
    struct Person: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person", abstract: "(not yet available)", shouldDisplay: false)
    }
}
