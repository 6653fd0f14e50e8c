import ArgumentParser
import LoreKit

extension Lore {
    /// `lore verify`: every id, chain link, payload hash and signature, and the projections.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every event's id, chain link, payload and signature, and the projections.")

        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let report = try storeOptions.open().verify()
            if format.format == .json {
                try Output.json(report)
            } else if report.ok {
                print(
                    "ok: \(report.events) events from \(report.replicas) replica(s) verified; "
                        + "projections match a rebuild (\(report.liveDigest.prefix(12)))")
            } else {
                for problem in report.problems {
                    let place =
                        problem.event.map { "event \($0.prefix(12)) (\(Self.where(problem))): " } ?? ""
                    Output.message("lore: verify: \(place)\(problem.message)")
                }
            }
            if !report.ok { throw ExitCode.failure }
        }

        private static func `where`(_ problem: VerifyProblem) -> String {
            "replica \(problem.replica.map { String($0.dropFirst(ReplicaID.prefix.count).prefix(8)) } ?? "?") "
                + "seq \(problem.seq.map(String.init) ?? "?")"
        }
    }

    /// `lore rebuild [--check]`.
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Rebuild every projection from the log (with --check, only compare).")

        @Flag(
            help:
                "Compare the live projections with a fresh rebuild and change nothing; exit 1 if they differ."
        )
        var check = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            if check {
                let result = try store.checkProjections()
                guard result.matches else {
                    Output.error(
                        "the projections differ from a rebuild (live \(result.live.prefix(12)), "
                            + "rebuilt \(result.rebuilt.prefix(12))); run `lore rebuild`")
                    throw ExitCode.failure
                }
                print(
                    "ok: projections match a rebuild of \(result.events) events (\(result.live.prefix(12)))")
                return
            }
            let result = try ProgressLine.showing("rebuilding", unit: "events") { progress in
                try store.rebuild(progress: progress)
            }
            print(
                "rebuilt projections from \(result.events) events (\(result.rebuilt.prefix(12)))"
                    + (result.matches ? "" : "; they had drifted and are now repaired"))
        }
    }

    /// `lore stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Counts and sizes of the store.")

        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let stats = try storeOptions.open().stats()
            if format.format == .json { return try Output.json(stats) }
            var rows: [[String]] = [
                ["store", "\(stats.name) (\(stats.store))"],
                ["this replica", "\(stats.replica) at \(stats.site)"],
                ["events", "\(stats.events)"], ["replicas", "\(stats.replicas)"],
                ["database", "\(stats.databaseBytes) bytes"],
            ]
            rows += stats.eventsByKind.sorted { $0.key < $1.key }.map { ["  \($0.key)", "\($0.value)"] }
            rows += stats.adrsByStatus.sorted { $0.key < $1.key }.map { ["ADRs \($0.key)", "\($0.value)"] }
            Output.table(["", ""], rows)
        }
    }
}
