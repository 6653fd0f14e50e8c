import ArgumentParser
import Foundation
import LoreKit

extension Lore {
    /// `lore init`: creates a store and this site's replica key.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a lore store (.lore/) in a folder, with a new signing key for this site.")

        @Argument(help: "The folder to create the store in (default: the current folder).")
        var path: String = "."

        @Option(help: "The knowledge base's name (default: the folder's name).")
        var name: String?

        @Option(help: "This site's name, shown to other sites (default: the host name).")
        var site: String?

        @Option(help: "Who writes from here, as \"Name <email>\" (default: git's user.name and user.email).")
        var author: String?

        @Option(help: "Join an existing store: a bundle file or a sync folder from another site.")
        var join: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let location = StoreLocation.forNewStore(at: path, relativeTo: cwd)
            let keyRing = KeyRing.fromEnvironment(environment)
            let site = site ?? HostName.current
            let author = try author.map(Authors.validate) ?? Authors.default(environment)
            let store: Store
            if let join {
                let (joined, report) = try Store.join(
                    location, from: Paths.url(join), site: site, author: author, keyRing: keyRing)
                store = joined
                print("Joined lore store '\(try store.info().name)' in \(location.folder.path)")
                SyncText.describe(report)
            } else {
                store = try Store.create(
                    location, name: name ?? location.folder.deletingLastPathComponent().lastPathComponent,
                    site: site,
                    author: author, keyRing: keyRing)
                print("Created lore store '\(try store.info().name)' in \(location.folder.path)")
            }
            let info = try store.info()
            print(
                "replica \(info.replica.short) at site '\(info.site)', author \(info.author); "
                    + "key kept in \(keyRing.keyFile(for: info.replica).path)")
        }
    }
}

/// Who is writing: `Name <email>`.
enum Authors {
    struct BadAuthor: LocalizedError {
        var value: String
        var errorDescription: String? { "'\(value)' is not an author; expected \"Name <email>\"" }
    }

    static func validate(_ raw: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.contains(where: \.isNewline) else { throw BadAuthor(value: raw) }
        return text
    }

    /// `LORE_AUTHOR`, else git's user.name and user.email, else the login name.
    static func `default`(_ environment: [String: String]) -> String {
        if let author = environment["LORE_AUTHOR"], !author.isEmpty { return author }
        let name = git(["config", "user.name"])
        let email = git(["config", "user.email"])
        if let name, let email { return "\(name) <\(email)>" }
        return name ?? environment["USER"] ?? "unknown"
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
    }
}
