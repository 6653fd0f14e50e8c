import ArgumentParser

extension Lore {
    /// Placeholder until `lore handoff` lands (issue 5).
    struct Handoff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "handoff", abstract: "(not yet available)", shouldDisplay: false)
    }
}
