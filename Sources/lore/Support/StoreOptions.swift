import ArgumentParser
import Foundation
import LoreKit

/// `--store`, shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The store to use (a .lore folder or the folder holding it); default: LORE_STORE, else the first .lore found walking up."
    )
    var store: String?

    /// Finds and opens the store.
    func open() throws -> Store { try Self.open(explicit: store) }

    /// Finds and opens the store at `explicit` (a `--store` value), else where
    /// `LORE_STORE` or the working directory say.
    static func open(explicit store: String?) throws -> Store {
        let environment = ProcessInfo.processInfo.environment
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let location = try StoreLocation.find(explicit: store, environment: environment, from: cwd)
        return try Store.open(location, keyRing: KeyRing.fromEnvironment(environment)) { _ in
            Output.message(
                "lore: upgrading this store to lore \(Lore.configuration.version) (once; a large store takes a while)"
            )
        }
    }
}

/// How a listing is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `--format table|json`, for listings.
struct ListFormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table
}
