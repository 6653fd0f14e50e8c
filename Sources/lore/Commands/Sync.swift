import ArgumentParser
import Foundation
import LoreKit

extension Lore {
    /// `lore sync …`: exchange the log with other sites through files.
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Exchange the log with other sites through files: bundles, a shared folder.",
            subcommands: [Export.self, Have.self, Import.self, Status.self, Dir.self, Git.self])
    }
}

/// Paths given on the command line, relative to the working directory.
enum Paths {
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}

extension Lore.Sync {
    /// `lore sync export FILE [--for HAVE]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a bundle of what another site lacks (per its have file), or of everything.")
        @Argument(help: "The bundle file to write.")
        var file: String
        @Option(name: .customLong("for"), help: "The receiver's have file (from `lore sync have`).")
        var forHave: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let have = try forHave.map { path in
                try JSONDecoder().decode(HaveFile.self, from: Data(try TextFiles.read(path).utf8))
            }
            let store = try storeOptions.open()
            let count = try ProgressLine.showing("exporting", unit: "events") { progress in
                try store.exportBundle(to: Paths.url(file), for: have, progress: progress)
            }
            print("wrote \(count) events to \(file)")
        }
    }

    /// `lore sync have FILE`.
    struct Have: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "have",
            abstract: "Write this site's have file: per replica, the highest contiguous seq and its id.")
        @Argument(help: "The have file to write.")
        var file: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(try storeOptions.open().have())
            do { try data.write(to: Paths.url(file)) } catch {
                throw TextFiles.Unreadable(
                    path: file, reason: "cannot write it: \(error.localizedDescription)")
            }
            print("wrote \(file)")
        }
    }

    /// `lore sync import FILE…`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check bundles completely, then import what is new in one transaction.")
        @Argument(help: "Bundle files.")
        var files: [String]
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one bundle file") }
        }

        func run() throws {
            let store = try storeOptions.open()
            let report = try ProgressLine.showing("importing", unit: "events") { progress in
                try store.importBundles(files.map(Paths.url), progress: progress)
            }
            if format.format == .json { return try Output.json(report) }
            SyncText.describe(report)
        }
    }

    /// `lore sync status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "What this site has from each replica, what is held behind gaps, and forks.")
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let have = try store.have()
            let verify = try store.verify()
            if format.format == .json { return try Output.json(have) }
            Output.table(
                ["REPLICA", "SEQ", "HEAD"],
                have.have.sorted { $0.key < $1.key }.map { replica, entry in
                    [
                        String(replica.dropFirst(ReplicaID.prefix.count).prefix(8))
                            + (replica == have.replica ? " (this site)" : ""),
                        "\(entry.seq)", String(entry.id.prefix(12)),
                    ]
                })
            for notice in verify.notices { Output.message("notice: \(notice.message)") }
        }
    }

    /// `lore sync dir PATH`.
    struct Dir: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dir",
            abstract:
                "Sync through a shared folder (USB stick, shared drive, Syncthing): read others' bundles, add ours."
        )
        @Argument(help: "The shared folder; this store's files go under PATH/<store>/<replica>/.")
        var path: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let report = try ProgressLine.showing("syncing", unit: "events") { progress in
                try store.syncDirectory(Paths.url(path), progress: progress)
            }
            for refused in report.refused { Output.message("skipped \(refused)") }
            SyncText.describe(report.imported)
            print(
                "published \(report.published) events" + (report.bundle.map { " in \($0)" } ?? "")
                    + " to \(report.folder)")
        }
    }
}

/// How sync results read.
enum SyncText {
    static func describe(_ report: SyncReport) {
        print("imported \(report.added) new events, already had \(report.alreadyHad)")
        for held in report.held {
            let site =
                held.site.map { " from site \($0)" }
                ?? " from replica \(held.replica.dropFirst(ReplicaID.prefix.count).prefix(8))"
            let range =
                held.missingFrom == held.missingTo
                ? "\(held.missingFrom)" : "\(held.missingFrom)–\(held.missingTo)"
            Output.message("held: missing \(range)\(site); \(held.held) later events wait for them")
        }
        for fork in report.forks {
            Output.message(
                "fork: two events for seq \(fork.seq) of replica \(fork.replica.dropFirst(ReplicaID.prefix.count).prefix(8)); both kept"
            )
        }
        if report.farFuture > 0 {
            Output.message(
                "flagged: \(report.farFuture) events carry a clock more than a day ahead of this machine's")
        }
        if let replica = report.newReplica {
            Output.message(
                "this store was cloned: it now writes as a new replica \(replica.dropFirst(ReplicaID.prefix.count).prefix(8))"
            )
        }
    }
}
