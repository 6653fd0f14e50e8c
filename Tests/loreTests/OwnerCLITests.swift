import Foundation
import Testing

/// `lore owner` from the shell: ownership over time, with effective and recorded dates.
@Suite struct OwnerCLITests {
    struct Entry: Decodable {
        var component: String
        var role: String
        var team: String
        var person: String?
        var effective: String
        var recorded: String
        var author: String
        var reason: String?
        var current: Bool
    }

    struct View: Decodable {
        var component: String
        var at: String
        var roles: [Entry]
        var upcoming: [Entry]
    }

    private func owners(_ sandbox: LoreSandbox, _ more: String...) throws -> View {
        let result = try sandbox.lore(["owner", "show", "billing", "--format", "json"] + more)
        try #require(result.status == 0, "\(result)")
        return try decode(View.self, result.stdout)
    }

    @Test func ownershipOverTimeAnswersForAnyDateAndHistoryShowsBothDates() throws {
        let sandbox = try TeamCLITests.sandbox()
        let set = try sandbox.ok(
            "owner", "set", "billing", "--team", "core", "--person", "ada", "--effective", "2024-01-01",
            "--reason",
            "initial")
        #expect(set.hasPrefix("billing: owner is core (ada) from 2024-01-01 (recorded "), "\(set)")
        // Recorded today, effective last month (of the dates asked about below).
        try sandbox.ok("owner", "set", "Billing", "--team", "partner-x", "--effective", "2024-02-01")
        try sandbox.ok(
            "owner", "set", "billing", "--team", "core", "--role", "tech-lead", "--effective", "2024-01-01")
        try sandbox.ok(
            "owner", "set", "billing", "--team", "core", "--role", "maintainer", "--effective", "2999-01-01")

        let march = try owners(sandbox, "--at", "2024-03-01")
        #expect(march.at == "2024-03-01" && march.roles.map(\.role) == ["owner", "tech-lead"])
        #expect(march.roles.map(\.team) == ["partner-x", "core"])
        #expect(march.upcoming.map(\.effective) == ["2999-01-01"])
        let january = try owners(sandbox, "--at", "2024-01-15")
        #expect(january.roles.first?.team == "core" && january.roles.first?.person == "ada")
        #expect(january.upcoming.map(\.effective) == ["2024-02-01", "2999-01-01"])
        #expect(try owners(sandbox).roles.map(\.team) == ["partner-x", "core"])

        let table = try sandbox.ok("owner", "show", "billing", "--at", "2024-01-15")
        #expect(table.hasPrefix("ROLE"), "\(table)")
        #expect(table.contains("owner          core  ada"), "\(table)")
        #expect(table.contains("product-owner  -"), "\(table)")
        #expect(table.contains("FROM"), "upcoming changes follow: \(table)")

        let history = try decode(
            [Entry].self, try sandbox.ok("owner", "history", "billing", "--format", "json"))
        #expect(history.map(\.effective) == ["2024-01-01", "2024-01-01", "2024-02-01", "2999-01-01"])
        #expect(history.map(\.current) == [false, true, true, false])
        #expect(history.allSatisfy { $0.recorded.hasSuffix("Z") && $0.author == LoreSandbox.author })
        #expect(history.first?.reason == "initial")
        let owned = try decode(
            [Entry].self, try sandbox.ok("owner", "history", "billing", "--role", "owner", "--format", "json")
        )
        #expect(owned.map(\.team) == ["core", "partner-x"])
        let text = try sandbox.ok("owner", "history", "billing")
        #expect(
            text.hasPrefix("EFFECTIVE") && text.contains("RECORDED") && text.contains("initial"), "\(text)")
        // The second owner change names the first in deps: the register head it saw.
        let log = try sandbox.log().filter { $0.kind == "ownership.transferred" }
        #expect(log.count == 4 && log[1].body.contains("\"deps\":[\"\(log[0].id)\"]"))
        try sandbox.saveSchemaSample("ownership")
    }

    @Test func refusalsSayWhyOnOneLineAndWriteNothing() throws {
        let sandbox = try TeamCLITests.sandbox()
        try sandbox.ok("owner", "set", "billing", "--team", "core", "--effective", "2024-01-01")
        try sandbox.expectFailure(
            ["owner", "set", "billing", "--team", "core"], mentions: ["core already holds owner of billing"])
        try sandbox.expectFailure(
            ["owner", "set", "biling", "--team", "core"], mentions: ["'biling'", "billing"])
        try sandbox.expectFailure(["owner", "set", "billing", "--team", "cor"], mentions: ["'cor'", "core"])
        try sandbox.expectFailure(
            ["owner", "set", "billing", "--team", "core", "--person", "bo"], mentions: ["'bo'", "partner-x"])
        try sandbox.expectFailure(
            ["owner", "set", "billing", "--team", "core", "--role", "boss"],
            mentions: ["'boss'", "tech-lead"])
        try sandbox.expectFailure(
            ["owner", "set", "billing", "--team", "partner-x", "--effective", "2024-02-30"],
            mentions: ["'2024-02-30' is not a date"])
        try sandbox.expectFailure(["owner", "set", "billing"], status: 2, mentions: ["--team"])
        try sandbox.expectFailure(
            ["owner", "show", "billing", "--at", "soon"], mentions: ["'soon'", "YYYY-MM-DD"])
        try sandbox.expectFailure(["owner", "history", "nope"], mentions: ["'nope'"])
        try sandbox.ok("person", "leave", "ada")
        try sandbox.expectFailure(
            ["owner", "set", "billing", "--team", "core", "--person", "ada"], mentions: ["'ada' has left"])
    }
}
