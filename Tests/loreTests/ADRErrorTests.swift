import Foundation
import Testing

/// Every refused command exits with the right status, says why in one line naming the bad
/// value, prints nothing on stdout and leaves the log as it was.
@Suite struct ADRErrorTests {
    /// A store with three records: 1 and 2 proposed, 3 accepted.
    private func seeded() throws -> LoreSandbox {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("First", ["--decision", "One."])
        try sandbox.newADR("Second")
        try sandbox.newADR("Third", ["--status", "accepted"])
        return sandbox
    }

    @Test func unknownReferences() throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(["adr", "show", "42"], mentions: ["no ADR matches '42'", "lore adr list"])
        try sandbox.expectFailure(["adr", "accept", "ADR-42"], mentions: ["no ADR matches 'ADR-42'"])
        try sandbox.expectFailure(["adr", "status", "db-choice", "in review"], mentions: ["'db-choice'"])
        try sandbox.expectFailure(["adr", "revise", "0", "--title", "X"], mentions: ["no ADR matches '0'"])
        try sandbox.expectFailure(["adr", "supersede", "1", "--by", "77"], mentions: ["no ADR matches '77'"])
        try sandbox.expectFailure(["adr", "link", "1", "Amends", "99"], mentions: ["no ADR matches '99'"])
        try sandbox.expectFailure(["adr", "new", "Orphan", "--supersedes", "55"], mentions: ["'55'"])
        #expect(try sandbox.list().count == 3)
    }

    @Test(arguments: ["2023-13-10", "2024-02-30", "2023-02-29", "2024-1-05", "yesterday", "2024-00-10"])
    func badDatesAreRefused(date: String) throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(
            ["adr", "new", "Dated", "--date", date], mentions: ["'\(date)' is not a date", "YYYY-MM-DD"])
        try sandbox.expectFailure(
            ["adr", "revise", "1", "--date", date], mentions: ["'\(date)' is not a date"])
    }

    @Test func badStatuses() throws {
        let sandbox = try seeded()
        // The initial status is checked by the argument parser: bad usage, exit 2.
        try sandbox.expectFailure(
            ["adr", "new", "Bogus", "--status", "bogus"], status: 2, mentions: ["'bogus'"])
        try sandbox.expectFailure(
            ["adr", "list", "--status", "nonsense"], mentions: ["'nonsense'", "proposed"])
        try sandbox.expectFailure(["adr", "status", "1", "  "], mentions: ["is not a status"])
        let before = try sandbox.logText()
        let multiline = try sandbox.lore("adr", "status", "1", "two\nlines")
        #expect(multiline.status == 1 && multiline.stdout.isEmpty, "\(multiline)")
        #expect(multiline.stderr.contains("is not a status"), "\(multiline)")
        #expect(try sandbox.logText() == before)
        // The message quotes the raw value with its line break escaped: still one line.
        #expect(multiline.stderrLines.count == 1, "\(multiline)")
        #expect(multiline.stderr.contains("'two\\nlines'"), "\(multiline)")
        // A standard status nobody has yet is an empty list, not an error.
        let rejected = try sandbox.lore("adr", "list", "--status", "rejected", "--format", "json")
        #expect(rejected.status == 0, "\(rejected)")
        #expect(try decode([ListedADR].self, rejected.stdout).isEmpty)
    }

    @Test func titles() throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(["adr", "new", ""], mentions: ["the title is empty"])
        try sandbox.expectFailure(["adr", "new", "   "], mentions: ["the title is empty"])
        try sandbox.expectFailure(["adr", "new", "Two\nlines"], mentions: ["several lines"])
        try sandbox.expectFailure(["adr", "revise", "1", "--title", " "], mentions: ["the title is empty"])
        try sandbox.expectFailure(["adr", "new"], status: 2, mentions: ["give a title"])
    }

    @Test func missingOrUnreadableFile() throws {
        let sandbox = try seeded()
        let missing = sandbox.root.appendingPathComponent("no-such-record.md").path
        try sandbox.expectFailure(
            ["adr", "new", "--file", missing], mentions: ["cannot read", missing, "no such file"])
        try sandbox.expectFailure(
            ["adr", "new", "--file", sandbox.root.path], mentions: [sandbox.root.path, "folder"])
        let binary = sandbox.root.appendingPathComponent("binary.md")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        try sandbox.expectFailure(["adr", "new", "--file", binary.path], mentions: [binary.path, "UTF-8"])
    }

    @Test func supersedeRefusesSelfAndCycles() throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(["adr", "supersede", "1", "--by", "1"], mentions: ["ADR-0001", "itself"])
        try sandbox.ok("adr", "supersede", "1", "--by", "2")
        try sandbox.expectFailure(
            ["adr", "supersede", "2", "--by", "1"], mentions: ["ADR-0001", "ADR-0002"])
        try sandbox.ok("adr", "supersede", "2", "--by", "3")
        // Through another record: 3 supersedes 2 supersedes 1, so 1 cannot supersede 3.
        try sandbox.expectFailure(
            ["adr", "supersede", "3", "--by", "1"], mentions: ["ADR-0001", "ADR-0003"])
        try sandbox.expectFailure(["adr", "link", "2", "Amends", "ADR-2"], mentions: ["itself"])
        try sandbox.expectFailure(["adr", "link", "2", " ", "3"], mentions: ["not a link label"])
        #expect(try sandbox.show("1").status == "superseded")
        #expect(try sandbox.show("3").status == "accepted")
    }

    @Test func reviseWithNothingChanged() throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(["adr", "revise", "1"], mentions: ["nothing to revise"])
        try sandbox.expectFailure(
            ["adr", "revise", "1", "--title", "First"], mentions: ["nothing to revise"])
        try sandbox.expectFailure(
            ["adr", "revise", "1", "--decision", "One."], mentions: ["nothing to revise"])
        #expect(try sandbox.show("1").revisions == 0)
    }

    @Test func badUsage() throws {
        let sandbox = try seeded()
        try sandbox.expectFailure(["log", "--kind", "not.a-kind"], status: 2, mentions: ["'not.a-kind'"])
        try sandbox.expectFailure(["adr", "list", "--format", "md"], status: 2, mentions: ["md"])
        try sandbox.expectFailure(["adr", "list", "--format", "xml"], status: 2, mentions: ["'xml'"])
        try sandbox.expectFailure(["adr", "frobnicate"], status: 2, mentions: ["frobnicate"])
        try sandbox.expectFailure(["init", "--author", " "], mentions: ["not an author"])
    }
}
