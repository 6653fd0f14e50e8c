import ArgumentParser
import Foundation

/// The `lore` command: lists the subcommands; each lives in its own file.
@main
struct Lore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lore",
        abstract:
            "Keep the why behind your systems: decisions, context and ownership, in a tamper-evident log.",
        version: "0.1.0",
        subcommands: [
            Init.self, ADR.self, Note.self, Search.self, Component.self, Team.self, Person.self, Owner.self,
            Handoff.self, Onboard.self, Timeline.self, Import.self, Export.self, Sync.self, Conflicts.self,
            Resolve.self, Log.self,
            Verify.self,
            Rebuild.self, Stats.self,
        ]
    )

    /// Runs the command; user-facing errors print one line and exit 1, bad usage exits 2.
    /// A plain line for one of the ``QuickCommands`` runs without the parser.
    static func main() {
        do {
            if let quick = QuickCommands.command(for: Array(CommandLine.arguments.dropFirst())) {
                try quick.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as any LocalizedError {
            Output.error(error.errorDescription ?? "\(error)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Output.error(fullMessage(for: error), prefix: false)
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
