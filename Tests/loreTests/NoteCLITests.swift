import Foundation
import Testing

/// A note as `lore note show --format json` and `note add --json` print it.
private struct ShownNote: Decodable {
    struct Step: Decodable {
        var what: String
        var author: String
        var at: String
        var reason: String?
        var event: String
    }

    var id: String
    var title: String
    var kind: String
    var body: String
    var reviewBy: String?
    var stale: Bool
    var retracted: Bool
    var retractReason: String?
    var tags: [String]
    var components: [String]
    var author: String
    var revisions: Int
    var history: [Step]

    enum CodingKeys: String, CodingKey {
        case id, title, kind, body, stale, retracted, tags, components, author, revisions, history
        case reviewBy = "review_by"
        case retractReason = "retract_reason"
    }
}

/// One row of `lore note list --format json`.
private struct ListedNote: Decodable {
    var id: String
    var title: String
    var kind: String
    var stale: Bool
    var retracted: Bool
}

extension LoreSandbox {
    @discardableResult
    fileprivate func addNote(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> ShownNote
    {
        let result = try lore(["note", "add", "--json"] + arguments)
        try #require(result.status == 0, "note add failed: \(result)", sourceLocation: sourceLocation)
        return try decode(ShownNote.self, result.stdout)
    }

    fileprivate func showNote(_ ref: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> ShownNote
    {
        let result = try lore("note", "show", ref, "--format", "json")
        try #require(result.status == 0, "note show failed: \(result)", sourceLocation: sourceLocation)
        return try decode(ShownNote.self, result.stdout)
    }

    fileprivate func listNotes(_ more: String...) throws -> [ListedNote] {
        let result = try lore(["note", "list", "--format", "json"] + more)
        try #require(result.status == 0, "note list failed: \(result)")
        return try decode([ListedNote].self, result.stdout)
    }
}

/// `lore note add/list/show/revise/retract` as a user runs them.
@Suite struct NoteCLITests {
    @Test func aRunbookFromAddToRetraction() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.ok("component", "add", "billing")
        let title = #"Restart the "ledger" | café 日本"#
        let added = try sandbox.addNote([
            title, "--kind", "runbook", "--body", "1. Stop it\n2. Start it", "--component", "Billing",
            "--tag", "ops", "--review-by", "2000-01-01",
        ])
        #expect(added.title == title && added.kind == "runbook" && added.body == "1. Stop it\n2. Start it")
        #expect(added.components == ["billing"] && added.tags == ["ops"] && added.reviewBy == "2000-01-01")
        #expect(added.stale && !added.retracted && added.author == LoreSandbox.author)
        try sandbox.addNote(["Glossary: ledger", "--kind", "glossary", "--review-by", "2000-01-01"])

        let table = try sandbox.lore("note", "list")
        #expect(table.status == 0 && table.stdout.hasPrefix("ID"), "\(table)")
        let rows = table.stdout.split(separator: "\n")
        #expect(
            rows.count == 3 && rows[1].contains(title) && rows[1].contains("2000-01-01 (stale)"), "\(table)")
        #expect(!rows[2].contains("(stale)"), "a glossary entry never goes stale: \(table)")
        #expect(try sandbox.listNotes().map(\.stale) == [true, false])
        #expect(try sandbox.listNotes("--kind", "runbook", "--component", "billing").map(\.id) == [added.id])

        let shown = try sandbox.lore("note", "show", "restart the \"LEDGER\" | CAFÉ 日本")
        #expect(shown.status == 0, "\(shown)")
        for text in [
            "# \(title)\n", "* Kind: runbook", "* Components: billing", "* Tags: ops",
            "* Review by: 2000-01-01 (stale)", "1. Stop it\n2. Start it", "## History", "added by Ada Tester",
        ] {
            #expect(shown.stdout.contains(text), "missing '\(text)': \(shown)")
        }

        let revised = try sandbox.lore(
            "note", "revise", String(added.id.prefix(6)), "--review-by", "2999-12-31")
        #expect(revised.status == 0 && revised.stdout.contains("revision 1"), "\(revised)")
        #expect(try !sandbox.showNote(added.id).stale)
        #expect(try !sandbox.lore("note", "list").stdout.contains("(stale)"))

        let retracted = try sandbox.lore("note", "retract", added.id, "--reason", "moved to the wiki")
        #expect(retracted.status == 0 && retracted.stdout.contains("Retracted"), "\(retracted)")
        #expect(try sandbox.listNotes().map(\.title) == ["Glossary: ledger"])
        #expect(try sandbox.listNotes("--all").map(\.retracted) == [true, false])
        #expect(try sandbox.lore("note", "list", "--all").stdout.contains("\(title) (retracted)"))
        let empty = try sandbox.lore("note", "list", "--kind", "runbook")
        #expect(
            empty.status == 0 && empty.stdout.isEmpty && empty.stderr.contains("no notes match"), "\(empty)")

        let final = try sandbox.showNote(added.id)
        #expect(final.retracted && final.retractReason == "moved to the wiki" && final.revisions == 1)
        #expect(final.history.map(\.what) == ["added", "revised", "retracted"])
        #expect(final.history.map(\.reason) == [nil, nil, "moved to the wiki"])
        let events = try sandbox.log().filter { $0.stream == "note/\(added.id)" }
        #expect(events.map(\.kind) == ["note.added", "note.revised", "note.retracted"])
        #expect(final.history.map(\.event) == events.map(\.id))
        #expect(try sandbox.lore("note", "show", added.id).stdout.contains("* Retracted: moved to the wiki"))
        #expect(try sandbox.lore("verify").status == 0)
        try sandbox.saveSchemaSample("note-lifecycle")
    }

    @Test func markdownFilesGiveTheBodyAndTheirHeadingGivesTheTitle() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let file = sandbox.root.appendingPathComponent("ledger.md")
        try Data("# The ledger\n\nIt keeps **every** entry.\n\n## Why\n\nAudits.\n".utf8).write(to: file)
        let fromHeading = try sandbox.addNote(["--file", file.path, "--kind", "faq"])
        #expect(fromHeading.title == "The ledger")
        #expect(fromHeading.body == "It keeps **every** entry.\n\n## Why\n\nAudits.\n")
        let titled = try sandbox.addNote(["Ledger, whole", "--file", file.path, "--kind", "context"])
        #expect(titled.body.hasPrefix("# The ledger\n"))

        try Data("# The ledger (v2)\n\nRewritten.\n".utf8).write(to: file)
        try sandbox.ok("note", "revise", "the ledger", "--file", file.path)
        let revised = try sandbox.showNote(fromHeading.id)
        #expect(revised.title == "The ledger (v2)" && revised.body == "Rewritten.\n")

        let plain = sandbox.root.appendingPathComponent("plain.md")
        try Data("No heading here.\n".utf8).write(to: plain)
        try sandbox.expectFailure(
            ["note", "add", "--file", plain.path, "--kind", "faq"], mentions: [plain.path, "# heading"])
        try sandbox.expectFailure(
            ["note", "add", "X", "--file", "missing.md", "--kind", "faq"],
            mentions: ["cannot read", "missing.md"])
        try sandbox.saveSchemaSample("note-files")
    }

    @Test func refusedCommandsSayWhyInOneLineAndChangeNothing() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.ok("component", "add", "billing-ledger")
        try sandbox.addNote(["Deploy", "--kind", "runbook", "--body", "Ship it."])
        try sandbox.addNote(["deploy", "--kind", "faq"])
        let only = try sandbox.addNote(["Rollback", "--kind", "runbook"])
        try sandbox.expectFailure(
            ["note", "add", "X", "--kind", "wiki"], mentions: ["'wiki' is not a note kind", "runbook, risk"])
        try sandbox.expectFailure(
            ["note", "add", "X", "--kind", "risk", "--review-by", "2024-02-30"],
            mentions: ["'2024-02-30' is not a date", "YYYY-MM-DD"])
        try sandbox.expectFailure(
            ["note", "add", "X", "--kind", "risk", "--component", "biling-ledger"],
            mentions: ["'biling-ledger'", "billing-ledger"])
        try sandbox.expectFailure(["note", "add", " ", "--kind", "faq"], mentions: ["the title is empty"])
        try sandbox.expectFailure(
            ["note", "show", "Nope"], mentions: ["no note matches 'Nope'", "lore note list"])
        try sandbox.expectFailure(
            ["note", "show", "DEPLOY"], mentions: ["matches 2 notes", "runbook 'Deploy'"])
        try sandbox.expectFailure(["note", "revise", "Rollback"], mentions: ["nothing to revise"])
        try sandbox.expectFailure(
            ["note", "revise", "Rollback", "--title", "Rollback"], mentions: ["nothing to revise"])
        try sandbox.expectFailure(
            ["note", "list", "--kind", "wikis"], mentions: ["'wikis' is not a note kind"])
        try sandbox.ok("note", "retract", only.id)
        try sandbox.expectFailure(["note", "retract", "Rollback"], mentions: ["already retracted"])
        try sandbox.expectFailure(["note", "revise", "rollback", "--body", "x"], mentions: ["is retracted"])
        // Bad usage: exit 2 with the usage.
        try sandbox.expectFailure(["note", "add", "X"], status: 2, mentions: ["--kind"])
        try sandbox.expectFailure(["note", "add", "--kind", "faq"], status: 2, mentions: ["give a title"])
        try sandbox.expectFailure(
            ["note", "add", "X", "--kind", "faq", "--body", "b", "--file", "f.md"], status: 2,
            mentions: ["not both"])
        try sandbox.expectFailure(
            ["note", "show", "Deploy", "--format", "table"], status: 2, mentions: ["table"])
        #expect(try sandbox.showNote("Rollback").history.map(\.what) == ["added", "retracted"])
    }

    @Test func theEditorWritesTheBodyOnATerminal() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let editor = try sandbox.script(
            "editor.sh",
            """
            cp "$1" "\(sandbox.root.path)/seen.md"
            printf '1. Page the on-call.\\n2. Fail over.\\n' >> "$1"
            """)
        let result = try sandbox.inTerminal(
            ["note", "add", "Ledger outage", "--kind", "runbook"], environment: ["EDITOR": editor.path])
        #expect(result.status == 0 && result.stdout.contains("Added runbook 'Ledger outage'"), "\(result)")
        let template = try String(contentsOf: sandbox.root.appendingPathComponent("seen.md"), encoding: .utf8)
        #expect(template.hasPrefix("# Ledger outage\n"), "\(template)")
        let note = try sandbox.showNote("ledger outage")
        #expect(note.body == "1. Page the on-call.\n2. Fail over.\n" && note.kind == "runbook")
        try sandbox.saveSchemaSample("note-editor")
    }

    @Test func anUnchangedTemplateOrABadKindRecordsNothing() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let before = try sandbox.logText()
        let marker = sandbox.root.appendingPathComponent("editor-ran")
        let unchanged = try sandbox.script("unchanged.sh", "touch '\(marker.path)'")
        let result = try sandbox.inTerminal(
            ["note", "add", "Never", "--kind", "risk"], environment: ["EDITOR": unchanged.path])
        #expect(result.status == 1 && result.stdout.contains("nothing recorded"), "\(result)")
        #expect(FileManager.default.fileExists(atPath: marker.path))
        try FileManager.default.removeItem(at: marker)
        let badKind = try sandbox.inTerminal(
            ["note", "add", "Never", "--kind", "wiki"], environment: ["EDITOR": unchanged.path])
        #expect(badKind.status == 1 && badKind.stdout.contains("'wiki' is not a note kind"), "\(badKind)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the editor ran for a bad kind")
        #expect(try sandbox.logText() == before)
        // Without a terminal, no editor: the note is recorded with an empty body.
        let piped = try sandbox.lore(
            ["note", "add", "Stub", "--kind", "glossary"], environment: ["EDITOR": unchanged.path])
        #expect(piped.status == 0, "\(piped)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(try sandbox.showNote("Stub").body.isEmpty)
    }
}
