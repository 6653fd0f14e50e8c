import Foundation
import Testing

/// Recording decisions and moving them through their lifecycle, as a user does at the shell.
@Suite struct ADRLifecycleTests {
    static let hostileTitles = [
        "Use A & B | C",
        #"It's "quoted", and 'single' too"#,
        #"Paths/with/slashes and a back\slash\"#,
        "Café crème for the naïve façade",
        "日本語のタイトルを使う",
        "Ship it 🚀🎉 👩🏽‍💻",
        "$(touch pwned); `touch pwned2` > out < in",
        "50% of {braces} [brackets] <tags> *stars* ~ #hash",
        "tab\tinside",
    ]

    @Test(arguments: hostileTitles)
    func hostileTitlesRoundTripExactly(title: String) throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let created = try sandbox.newADR(title)
        #expect(created.title == title)
        #expect(try sandbox.show("1").title == title)
        #expect(try sandbox.show(created.id).title == title)
        #expect(try sandbox.list().map(\.title) == [title])
        let table = try sandbox.lore("adr", "list")
        #expect(table.stdout.contains(title), "\(table)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("pwned").path))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("pwned2").path))
        try sandbox.saveSchemaSample("hostile-title-\(Self.hostileTitles.firstIndex(of: title) ?? 0)")
    }

    @Test func statusChangesAreKeptAsHistory() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        _ = try sandbox.ok("component", "add", "api")
        let postgres = try sandbox.newADR(
            "Use PostgreSQL",
            [
                "--context", "We need a relational store.", "--decision", "PostgreSQL 16.",
                "--consequences", "Ops must run it.", "--option", "PostgreSQL", "--option", "MySQL",
                "--tag", "storage", "--component", "api", "--date", "2024-02-29",
            ])
        #expect(postgres.number == 1 && postgres.status == "proposed" && postgres.date == "2024-02-29")
        #expect(
            postgres.context == "We need a relational store." && postgres.consequences == "Ops must run it.")
        #expect(postgres.options == ["PostgreSQL", "MySQL"] && postgres.tags == ["storage"])
        #expect(postgres.components == ["api"] && postgres.revisions == 0)
        try sandbox.ok("adr", "accept", "1", "--reason", "benchmarks won")
        #expect(try sandbox.show("1").status == "accepted")
        try sandbox.ok("adr", "status", "1", "in review", "--reason", "load doubled")
        #expect(try sandbox.show("1").status == "in review")
        #expect(try sandbox.list("--status", "in review").map(\.number) == [1])
        try sandbox.ok("adr", "deprecate", "ADR-1", "--reason", "moved off")
        try sandbox.newADR("Use MongoDB")
        try sandbox.ok("adr", "reject", "2", "--reason", "no joins")
        #expect(try sandbox.show("2").status == "rejected")
        #expect(try sandbox.newADR("Use SOAP", ["--status", "accepted"]).status == "accepted")

        let record = try sandbox.show("1")
        #expect(record.status == "deprecated")
        #expect(record.history.map(\.status) == ["proposed", "accepted", "in review", "deprecated"])
        #expect(record.history.map(\.reason) == [nil, "benchmarks won", "load doubled", "moved off"])
        #expect(
            record.history.allSatisfy { $0.author == LoreSandbox.author }
                && record.author == LoreSandbox.author)
        // Each history step names the event that made it.
        let events = try sandbox.log().filter { $0.stream == "adr/\(postgres.id)" }
        #expect(record.history.map(\.event) == events.map(\.id))
        #expect(events.map(\.kind) == ["adr.recorded"] + Array(repeating: "adr.status-changed", count: 3))
        #expect(try sandbox.lore("verify").status == 0)
        try sandbox.saveSchemaSample("lifecycle-statuses")
    }

    @Test func supersedesAndLinksShowFromBothSides() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let postgres = try sandbox.newADR("Use PostgreSQL", ["--status", "accepted"])
        let soap = try sandbox.newADR("Use SOAP")
        let cockroach = try sandbox.newADR("Use CockroachDB")
        try sandbox.ok("adr", "supersede", "1", "--by", "3", "--reason", "multi-region")
        let old = try sandbox.show("1")
        #expect(old.status == "superseded")
        #expect(old.targets("Superseded by") == [cockroach.id])
        #expect(try sandbox.show("3").targets("Supersedes") == [postgres.id])
        #expect(try sandbox.show("3").status == "proposed")
        #expect(old.history.map(\.status) == ["accepted", "superseded"])
        #expect(old.history.last?.reason == "multi-region")
        #expect(try sandbox.list("--status", "superseded").map(\.supersededBy) == [3])

        // A custom reverse label, and the known inverse when none is given.
        let linked = try sandbox.ok("adr", "link", "3", "Amends", "2", "--reverse", "Amended in part by")
        #expect(linked.contains("Amends"))
        #expect(try sandbox.show("3").targets("Amends") == [soap.id])
        #expect(try sandbox.show("2").targets("Amended in part by") == [cockroach.id])
        try sandbox.ok("adr", "link", "1", "Extends", "2")
        #expect(try sandbox.show("2").targets("Extended by") == [postgres.id])

        // `adr new --supersedes` records the record and its link together.
        let yugabyte = try sandbox.newADR("Use YugabyteDB", ["--supersedes", "3"])
        #expect(yugabyte.targets("Supersedes") == [cockroach.id])
        #expect(try sandbox.show("3").status == "superseded")
        #expect(try sandbox.show("3").targets("Superseded by") == [yugabyte.id])
        #expect(try sandbox.lore("verify").status == 0)
        try sandbox.saveSchemaSample("lifecycle-links")
    }

    @Test func revisionsChangeFieldsAndAreCounted() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        _ = try sandbox.ok("component", "add", "db")
        try sandbox.newADR("Use CockroachDB", ["--decision", "One region.", "--tag", "storage"])
        try sandbox.ok(
            "adr", "revise", "1", "--title", "Use CockroachDB everywhere", "--decision", "All regions.")
        var revised = try sandbox.show("1")
        #expect(revised.title == "Use CockroachDB everywhere" && revised.decision == "All regions.")
        #expect(revised.revisions == 1 && revised.status == "proposed" && revised.history.count == 1)
        try sandbox.ok(
            "adr", "revise", "1", "--tag", "storage", "--tag", "global", "--date", "2025-01-31",
            "--option", "Spanner", "--component", "db", "--consequences", "Costs more.")
        revised = try sandbox.show("1")
        #expect(revised.revisions == 2 && revised.date == "2025-01-31")
        #expect(Set(revised.tags) == ["storage", "global"] && revised.components == ["db"])
        #expect(revised.options == ["Spanner"] && revised.consequences == "Costs more.")
        #expect(revised.title == "Use CockroachDB everywhere" && revised.decision == "All regions.")
        #expect(try sandbox.list().map(\.title) == ["Use CockroachDB everywhere"])
        #expect(try sandbox.log().filter { $0.kind == "adr.revised" }.count == 2)
        try sandbox.saveSchemaSample("lifecycle-revisions")
    }

    @Test func everyReferenceFormResolves() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        var ids: [String] = []
        for number in 1...7 { ids.append(try sandbox.newADR("Decision \(number)").id) }
        for ref in ["7", "ADR-7", "0007", "adr-0007", "ADR-0007", "#7", String(ids[6].prefix(8)), ids[6]] {
            let shown = try sandbox.show(ref)
            #expect(shown.number == 7 && shown.id == ids[6], "ref \(ref)")
        }
        #expect(try sandbox.show(String(ids[2].prefix(8)).uppercased()).number == 3)
        let four = String(ids[4].prefix(4))
        if ids.filter({ $0.hasPrefix(four) }).count == 1, Int(four).map({ (1...7).contains($0) }) != true {
            #expect(try sandbox.show(four).number == 5, "4-character prefix \(four)")
        }
        try sandbox.expectFailure(["adr", "show", "8"], mentions: ["no ADR matches '8'"])
        try sandbox.expectFailure(["adr", "show", "ADR-0099"], mentions: ["no ADR matches 'ADR-0099'"])
        // A hex prefix no id starts with, and one too short to be taken as a prefix.
        let unused = try #require(
            "0123456789abcdef".first { digit in !ids.contains { $0.hasPrefix("\(digit)") } })
        try sandbox.expectFailure(
            ["adr", "accept", "\(unused)\(unused)\(unused)\(unused)"], mentions: ["no ADR matches"])
        if let short = ids.map({ String($0.prefix(3)) }).first(where: { !$0.allSatisfy(\.isNumber) }) {
            try sandbox.expectFailure(["adr", "show", short], mentions: ["no ADR matches '\(short)'"])
        }
    }
}
