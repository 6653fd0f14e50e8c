import ArgumentParser
import Foundation
import LoreKit

extension Lore.Sync {
    /// `lore sync git REMOTE`.
    struct Git: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "git",
            abstract:
                "Sync through a git repository: pull, sync its lore folder, commit this site's files, push.",
            discussion: """
                The working clone is kept inside the store's folder (.lore/git/), never in your own \
                repository; each site commits only its own files, so pulls never conflict.
                """)
        @Argument(help: "The repository: a URL, host:path, or a local path.")
        var remote: String
        @Option(help: "The branch to sync on (default: the remote's default branch; main for an empty one).")
        var branch: String?
        @Option(help: "The folder inside the repository that holds lore's files.")
        var subfolder = "lore"
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let report = try ProgressLine.showing("syncing", unit: "events") { progress in
                try store.syncGit(
                    remote: Self.resolve(remote), branch: branch, subfolder: subfolder, progress: progress)
            }
            SyncText.describe(report.imported)
            let commit = report.commit.map { " in commit \($0.prefix(12))" } ?? ""
            let push = report.pushed ? "pushed to \(remote) (\(report.branch))" : "nothing to push"
            print("published \(report.published) events\(commit); \(push)")
        }

        /// A local path made absolute, since git runs inside the store's clone; URLs and
        /// `host:path` as given.
        static func resolve(_ remote: String) -> String {
            guard !remote.contains("://"), FileManager.default.fileExists(atPath: remote) else {
                return remote
            }
            return Paths.url(remote).path
        }
    }
}
