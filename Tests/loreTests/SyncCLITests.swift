import Foundation
import Testing

/// `lore sync …` and `lore init --join` end to end: two sites in one sandbox, each with its
/// own folder and `LORE_HOME`.
@Suite struct SyncCLITests {
    /// Site A works in the sandbox's root; site B ("pune") in `root/pune`, with its own keys.
    struct TwoSites {
        let sandbox: LoreSandbox
        var root: URL { sandbox.root }
        var pune: URL { root.appendingPathComponent("pune") }
        var puneEnvironment: [String: String] {
            [
                "LORE_HOME": root.appendingPathComponent("pune-home").path,
                "LORE_AUTHOR": "Bo <bo@example.com>",
            ]
        }

        init() throws {
            sandbox = try LoreSandbox()
            try FileManager.default.createDirectory(at: pune, withIntermediateDirectories: true)
        }

        /// Runs `lore` at site A and records an issue unless it exits 0.
        @discardableResult
        func a(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> LoreResult
        {
            let result = try sandbox.lore(arguments)
            #expect(result.status == 0, "A: lore \(arguments): \(result)", sourceLocation: sourceLocation)
            return result
        }

        /// Runs `lore` at site B and records an issue unless it exits 0.
        @discardableResult
        func b(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> LoreResult
        {
            let result = try sandbox.lore(arguments, in: pune, environment: puneEnvironment)
            #expect(result.status == 0, "B: lore \(arguments): \(result)", sourceLocation: sourceLocation)
            return result
        }

        /// A store at A with two ADRs, and B joined to it through the folder `usb`.
        static func joined() throws -> TwoSites {
            let sites = try TwoSites()
            try sites.sandbox.initStore()
            try sites.sandbox.newADR("Use Kafka")
            try sites.sandbox.newADR("Use Postgres")
            try sites.a("sync", "dir", "usb")
            try sites.b("init", "--join", "../usb", "--site", "pune", "--author", "Bo <bo@example.com>")
            return sites
        }

        /// Checks that both sites list the same ADRs.
        func expectSameADRs(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let listA = try a("adr", "list", "--format", "json").stdout
            let listB = try b("adr", "list", "--format", "json").stdout
            #expect(listA == listB, "adr lists differ:\n\(listA)\n\(listB)", sourceLocation: sourceLocation)
        }

        /// Checks that both sites list the same ADRs and `lore rebuild --check` prints the same
        /// digest at both; with `everyEvent`, also the same number of events.
        func expectConverged(everyEvent: Bool = true, sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            try expectSameADRs(sourceLocation: sourceLocation)
            let checks = [try a("rebuild", "--check").stdout, try b("rebuild", "--check").stdout]
            let digests = checks.map { $0.firstMatch(of: /\(([0-9a-f]{12})\)/).map { String($0.1) } }
            #expect(checks.allSatisfy { $0.hasPrefix("ok: ") }, "\(checks)", sourceLocation: sourceLocation)
            #expect(
                digests[0] != nil && digests[0] == digests[1], "\(checks)", sourceLocation: sourceLocation)
            if everyEvent { #expect(checks[0] == checks[1], "\(checks)", sourceLocation: sourceLocation) }
        }

        /// Decodes a have file written into `root`.
        func have(_ name: String) throws -> Have {
            try decode(Have.self, try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// A have file, as `lore sync have` writes it.
    struct Have: Codable {
        struct Entry: Codable {
            var seq: Int64
            var id: String
        }

        var format: String
        var version: Int
        var store: String
        var replica: String
        var have: [String: Entry]
    }

    @Test func aSiteJoinsThroughAFolderAndBothConverge() throws {
        let sites = try TwoSites.joined()
        #expect(
            FileManager.default.fileExists(atPath: sites.pune.appendingPathComponent(".lore/lore.db").path))
        try sites.expectSameADRs()
        try sites.b("adr", "new", "Retry with idempotency keys")
        try sites.a("adr", "new", "Use gRPC inside")
        try sites.b("sync", "dir", "../usb")
        try sites.a("sync", "dir", "usb")
        try sites.b("sync", "dir", "../usb")
        try sites.expectConverged()
        let titles = try sites.sandbox.list().map(\.title)
        #expect(Set(titles).count == 4, "\(titles)")
        #expect(try sites.a("sync", "dir", "usb").stdout.hasPrefix("imported 0 new events"))
    }

    @Test func bundlesAndHaveFilesRoundTrip() throws {
        let sites = try TwoSites.joined()
        try sites.b("adr", "new", "Written in Pune")
        try sites.a("sync", "have", "a-have.json")
        let everything = try sites.b("sync", "export", "../all.bundle").stdout
        let delta = try sites.b("sync", "export", "../delta.bundle", "--for", "../a-have.json").stdout
        let total = try #require(Int(everything.split(separator: " ")[1]), "\(everything)")
        let missing = try #require(Int(delta.split(separator: " ")[1]), "\(delta)")
        #expect(missing > 0 && missing < total, "\(everything) \(delta)")
        let first = try sites.a("sync", "import", "delta.bundle").stdout
        #expect(first.hasPrefix("imported \(missing) new events, already had 0"), "\(first)")
        try sites.expectConverged()
        // Again, and the full bundle: nothing new.
        let log = try sites.sandbox.logText()
        #expect(try sites.a("sync", "import", "delta.bundle").stdout.hasPrefix("imported 0 new events"))
        #expect(try sites.a("sync", "import", "all.bundle").stdout.hasPrefix("imported 0 new events"))
        #expect(try sites.sandbox.logText() == log)
    }

    /// A bundle written at B with a new ADR, then changed by `transform`; returns its name.
    static func doctoredBundle(_ sites: TwoSites, _ transform: (String) throws -> String) throws -> String {
        try sites.b("adr", "new", "Use Kafka for billing events")
        try sites.b("sync", "export", "../fresh.bundle")
        let text = try String(contentsOf: sites.root.appendingPathComponent("fresh.bundle"), encoding: .utf8)
        let changed = try transform(text)
        try #require(changed != text)
        try Data(changed.utf8).write(to: sites.root.appendingPathComponent("doctored.bundle"))
        return "doctored.bundle"
    }

    @Test func aDamagedBundleIsRefusedAndChangesNothing() throws {
        let sites = try TwoSites.joined()
        // One character of the title, at its first place in the file.
        let file = try Self.doctoredBundle(sites) { text in
            let range = try #require(text.range(of: "for billing"))
            return text.replacingCharacters(in: range, with: "for bulling")
        }
        try sites.sandbox.expectFailure(["sync", "import", file], mentions: [file])
        #expect(try !sites.sandbox.list().map(\.title).contains("Use Kafka for bulling events"))
    }

    @Test func aTruncatedBundleIsRefusedAndChangesNothing() throws {
        let sites = try TwoSites.joined()
        // Without its last line, the trailer.
        let file = try Self.doctoredBundle(sites) { text in
            text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        }
        try sites.sandbox.expectFailure(["sync", "import", file], mentions: [file, "truncated"])
    }

    @Test(arguments: ["empty-folder", "notes.txt"])
    func joiningSomethingThatHoldsNoStoreCreatesNothing(source: String) throws {
        let sandbox = try LoreSandbox()
        try FileManager.default.createDirectory(
            at: sandbox.root.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        try Data("just some notes\n".utf8).write(to: sandbox.root.appendingPathComponent("notes.txt"))
        try sandbox.expectFailure(["init", "--join", source, "--site", "pune"], mentions: [source])
        #expect(!FileManager.default.fileExists(atPath: sandbox.storeFolder.path))
        try sandbox.expectFailure(["init", "joiner", "--join", source], mentions: [source])
        let joiner = sandbox.root.appendingPathComponent("joiner/.lore")
        #expect(!FileManager.default.fileExists(atPath: joiner.path))
    }

    @Test func statusListsBothReplicas() throws {
        let sites = try TwoSites.joined()
        try sites.a("sync", "have", "a-have.json")
        try sites.b("sync", "have", "../b-have.json")
        let a = try sites.have("a-have.json")
        let b = try sites.have("b-have.json")
        let status = try sites.b("sync", "status").stdout
        for replica in [a.replica, b.replica] {
            let short = String(replica.dropFirst("replica-".count).prefix(8))
            #expect(status.contains(short), "\(short) not in\n\(status)")
        }
        #expect(status.contains("(this site)"))
        let json = try decode(Have.self, try sites.b("sync", "status", "--format", "json").stdout)
        #expect(Set(json.have.keys) == [a.replica, b.replica])
    }

    @Test func eventsPastAGapAreHeldAndSaidSo() throws {
        let sites = try TwoSites.joined()
        try sites.sandbox.newADR("Use Redis for sessions")
        try sites.sandbox.newADR("Use S3 for archives")
        try sites.b("sync", "have", "../b-have.json")
        var have = try sites.have("b-have.json")
        let aReplica = try decode(Have.self, try sites.a("sync", "status", "--format", "json").stdout).replica
        let known = try #require(have.have[aReplica]?.seq)
        // Claim one event more than B has, so the bundle starts one past B's head.
        have.have[aReplica] = Have.Entry(seq: known + 1, id: "")
        try JSONEncoder().encode(have).write(to: sites.root.appendingPathComponent("b-have.json"))
        try sites.a("sync", "export", "gap.bundle", "--for", "b-have.json")
        let result = try sites.b("sync", "import", "../gap.bundle")
        #expect(result.stderr.contains("held: missing \(known + 1)"), "\(result)")
        // The full bundle fills the gap: nothing is held any more.
        try sites.a("sync", "export", "all.bundle")
        let filled = try sites.b("sync", "import", "../all.bundle")
        #expect(!filled.stderr.contains("held:"), "\(filled)")
        try sites.expectConverged(everyEvent: false)
    }

    @Test func gitCarriesTheLogBetweenSites() throws {
        let sites = try TwoSites.joined()
        let git = URL(fileURLWithPath: "/usr/bin/env")
        let bare = try LoreRunner.run(
            git, ["git", "init", "--quiet", "--bare", "--initial-branch=main", "remote.git"], in: sites.root,
            environment: sites.sandbox.environment)
        try #require(bare.status == 0, "\(bare)")
        let help = try sites.sandbox.lore("sync", "git", "--help")
        try #require(
            help.stdout.contains("--subfolder"),
            "`lore sync git` is missing: add Git.self to Lore.Sync's subcommands")
        try sites.b("adr", "new", "Written in Pune")
        let first = try sites.a("sync", "git", "remote.git")
        #expect(first.stdout.contains("pushed to remote.git (main)"), "\(first)")
        try sites.b("sync", "git", "../remote.git")
        try sites.a("sync", "git", "remote.git")
        try sites.expectConverged()
        #expect(try sites.sandbox.list().count == 3)
        let quiet = try sites.b("sync", "git", "../remote.git")
        #expect(quiet.stdout.contains("published 0 events; nothing to push"), "\(quiet)")
        // The working clone lives in the store's folder; the live database never enters git.
        let clones = try FileManager.default.contentsOfDirectory(
            atPath: sites.sandbox.storeFolder.appendingPathComponent("git").path)
        #expect(clones.count == 1)
        let files = try LoreRunner.run(
            git, ["git", "ls-tree", "-r", "--name-only", "main"],
            in: sites.root.appendingPathComponent("remote.git"),
            environment: sites.sandbox.environment)
        #expect(!files.stdout.contains("lore.db") && files.stdout.contains(".bundle"), "\(files)")
        // A remote that does not exist: one line naming it, nothing changed.
        try sites.sandbox.expectFailure(["sync", "git", "missing.git"], mentions: ["missing.git"])
    }
}
