import Foundation
import Testing

/// `lore handoff` from the shell: a hand-off from start to completion, and its refusals.
@Suite struct HandoffCLITests {
    struct SignOff: Decodable {
        var author: String
        var evidence: String?
    }

    struct Item: Decodable {
        var number: Int
        var text: String
        var from: SignOff?
        var to: SignOff?
        var done: Bool
    }

    struct Step: Decodable {
        var phase: String
        var author: String
        var at: String
    }

    struct Shown: Decodable {
        var id: String
        var number: Int
        var components: [String]
        var from: String
        var to: String
        var due: String?
        var phase: String
        var completed: Bool
        var forced: Bool
        var reason: String?
        var phases: [Step]
        var items: [Item]
        var open: [Int]
    }

    struct Listed: Decodable {
        var number: Int
        var phase: String
        var completed: Bool
        var itemsDone: Int
        var itemsTotal: Int

        enum CodingKeys: String, CodingKey {
            case number, phase, completed
            case itemsDone = "items_done"
            case itemsTotal = "items_total"
        }
    }

    /// The team sandbox with a second component and hand-off 1 of both from core to partner-x.
    private func started() throws -> LoreSandbox {
        let sandbox = try TeamCLITests.sandbox()
        try sandbox.ok("component", "add", "invoicing")
        try sandbox.ok("owner", "set", "billing", "--team", "core", "--effective", "2024-01-01")
        let start = try sandbox.ok(
            "handoff", "start", "--component", "billing", "invoicing", "--from", "core", "--to", "partner-x",
            "--due", "2030-06-30", "--item", "Runbooks printed for the NOC")
        #expect(
            start.hasPrefix(
                "Started hand-off 1: billing, invoicing from core to partner-x, 7 checklist items"))
        return sandbox
    }

    private func show(_ sandbox: LoreSandbox, _ id: String = "1") throws -> Shown {
        try decode(Shown.self, try sandbox.ok("handoff", "show", id, "--format", "json"))
    }

    private func advance(_ sandbox: LoreSandbox, times: Int) throws {
        for _ in 0..<times { try sandbox.ok("handoff", "advance", "1") }
    }

    @Test func aHandOffFromStartToCompletionTransfersOwnership() throws {
        let sandbox = try started()
        var shown = try show(sandbox)
        #expect(shown.number == 1 && shown.phase == "discovery" && shown.due == "2030-06-30")
        #expect(
            shown.items.count == 7 && shown.items.last?.text == "Runbooks printed for the NOC"
                && shown.open == Array(1...7))
        #expect(try show(sandbox, String(shown.id.prefix(8))).id == shown.id)

        let from = try sandbox.ok(
            "handoff", "check", "1", "knowledge", "--side", "from", "--evidence", "wiki/kt")
        #expect(from.contains("item 1") && from.contains("waiting for the to side"), "\(from)")
        let to = try sandbox.ok("handoff", "check", "1", "1", "--side", "to")
        #expect(to.contains("done"), "\(to)")
        shown = try show(sandbox)
        #expect(shown.items[0].done && shown.items[0].from?.evidence == "wiki/kt" && !shown.open.contains(1))
        for item in 2...7 {
            try sandbox.ok("handoff", "check", "1", "\(item)", "--side", "from")
            try sandbox.ok("handoff", "check", "1", "\(item)", "--side", "to")
        }
        #expect(try sandbox.ok("handoff", "advance", "1") == "Hand-off 1 is now in ramp-up\n")
        #expect(try sandbox.ok("handoff", "advance", "1") == "Hand-off 1 is now in full-operation\n")
        let eventsBefore = try sandbox.log().count
        let done = try sandbox.ok("handoff", "advance", "1")
        #expect(done == "Hand-off 1 completed; partner-x is now owner of billing, invoicing\n", "\(done)")
        let log = try sandbox.log()
        #expect(
            log.dropFirst(eventsBefore).map(\.kind) == [
                "handoff.completed", "ownership.transferred", "ownership.transferred",
            ])

        shown = try show(sandbox)
        #expect(shown.completed && !shown.forced && shown.open.isEmpty)
        #expect(shown.phases.map(\.phase) == ["discovery", "ramp-up", "full-operation", "completed"])
        let markdown = try sandbox.ok("handoff", "show", "1")
        #expect(markdown.hasPrefix("# Hand-off 1: billing, invoicing\n"), "\(markdown)")
        #expect(markdown.contains("1. [x] Knowledge-transfer sessions held"), "\(markdown)")
        #expect(
            markdown.contains("evidence: wiki/kt") && markdown.contains("## Open items\n\nNone."),
            "\(markdown)")
        let owner = try sandbox.ok("owner", "show", "invoicing", "--format", "json")
        #expect(
            owner.contains("\"team\" : \"partner-x\"") && owner.contains("hand-off 1 completed"), "\(owner)")

        let listed = try decode([Listed].self, try sandbox.ok("handoff", "list", "--format", "json"))
        #expect(listed.map(\.number) == [1] && listed[0].completed && listed[0].itemsDone == 7)
        #expect(
            try decode([Listed].self, try sandbox.ok("handoff", "list", "--open", "--format", "json")).isEmpty
        )
        try sandbox.expectFailure(["handoff", "advance", "1"], mentions: ["hand-off 1 is already completed"])
        try sandbox.saveSchemaSample("handoff")
    }

    @Test func forcingAHandOffWithOpenItemsNeedsAReasonWhichIsRecorded() throws {
        let sandbox = try started()
        try sandbox.ok("handoff", "check", "1", "3", "--side", "from")
        try sandbox.expectFailure(["handoff", "complete", "1"], mentions: ["hand-off 1 is in discovery"])
        try advance(sandbox, times: 2)
        try sandbox.expectFailure(
            ["handoff", "advance", "1"], mentions: ["7 open items (1, 2, 3, 4, 5, 6, 7)", "--force --reason"])
        try sandbox.expectFailure(["handoff", "complete", "1", "--force"], mentions: ["needs a reason"])
        let table = try sandbox.ok("handoff", "list", "--open")
        #expect(table.hasPrefix("#") && table.contains("full-operation") && table.contains("0/7"), "\(table)")
        let done = try sandbox.ok(
            "handoff", "complete", "1", "--force", "--reason", "partner already on call")
        #expect(done.contains("forced with 7 open items: partner already on call"), "\(done)")
        let shown = try show(sandbox)
        #expect(shown.completed && shown.forced && shown.reason == "partner already on call")
        #expect(shown.open == Array(1...7))
        let markdown = try sandbox.ok("handoff", "show", "1")
        #expect(
            markdown.contains("- Phase: completed (forced)")
                && markdown.contains("- Reason: partner already on call"))
        #expect(
            markdown.contains("3. [ ] Runbooks verified") && markdown.contains("(waiting for: to)"),
            "\(markdown)")
        let completed = try sandbox.log().last { $0.kind == "handoff.completed" }
        #expect(completed != nil)
        try sandbox.saveSchemaSample("handoff-forced")
    }

    @Test func refusalsSayWhyOnOneLineAndWriteNothing() throws {
        let sandbox = try started()
        try sandbox.expectFailure(
            ["handoff", "start", "--component", "biling", "--from", "core", "--to", "partner-x"],
            mentions: ["'biling'", "billing"])
        try sandbox.expectFailure(
            ["handoff", "start", "--component", "billing", "--from", "core", "--to", "core"],
            mentions: ["both 'core'"])
        try sandbox.expectFailure(
            ["handoff", "start", "--from", "core", "--to", "partner-x"], mentions: ["--component"])
        try sandbox.expectFailure(
            [
                "handoff", "start", "--component", "billing", "--from", "core", "--to", "partner-x", "--due",
                "2030-02-30",
            ],
            mentions: ["'2030-02-30' is not a date"])
        try sandbox.expectFailure(
            ["handoff", "show", "9"], mentions: ["no hand-off matches '9'", "lore handoff list"])
        try sandbox.expectFailure(
            ["handoff", "check", "1", "zzz", "--side", "from"], mentions: ["no item 'zzz'", "1–7"])
        try sandbox.expectFailure(
            ["handoff", "check", "1", "RUN", "--side", "from"],
            mentions: ["'RUN' matches 2 items", "3 Runbooks verified"])
        try sandbox.expectFailure(
            ["handoff", "check", "1", "1", "--side", "both"], mentions: ["'both'", "from, to"])
        try sandbox.expectFailure(["handoff", "check", "1", "1"], status: 2, mentions: ["--side"])
        try sandbox.ok("handoff", "check", "1", "1", "--side", "to")
        try sandbox.expectFailure(
            ["handoff", "check", "1", "Knowledge-Transfer", "--side", "to"],
            mentions: ["already signed off on the to side"])
    }
}
