import ArgumentParser

extension Lore {
    /// Placeholder until `lore component` lands (issue 5).
    struct Component: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "component", abstract: "(not yet available)", shouldDisplay: false)
    }
}
