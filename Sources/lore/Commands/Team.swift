import ArgumentParser

extension Lore {
    /// Placeholder until `lore team` lands (issue 5).
    struct Team: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team", abstract: "(not yet available)", shouldDisplay: false)
    }
}
