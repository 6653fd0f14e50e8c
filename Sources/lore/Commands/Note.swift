import ArgumentParser

extension Lore {
    /// Placeholder until `lore note` lands (issue 5).
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "(not yet available)", shouldDisplay: false)
    }
}
