import ArgumentParser

extension Lore {
    /// Placeholder until `lore onboard` lands (issue 5).
    struct Onboard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "onboard", abstract: "(not yet available)", shouldDisplay: false)
    }
}
