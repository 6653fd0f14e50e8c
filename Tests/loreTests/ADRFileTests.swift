import Foundation
import Testing

/// `lore adr new --file`: records taken from real adr-tools and MADR files.
@Suite struct ADRFileTests {
    private static let corpora = LoreRunner.fixtures.appendingPathComponent("adr-corpora")
    private static let adrTools = corpora.appendingPathComponent(
        "npryce__adr-tools/0002-implement-as-shell-scripts.md")
    private static let madr = corpora.appendingPathComponent(
        "adr__madr/0013-use-yaml-front-matter-for-meta-data.md")

    @Test func anAdrToolsRecord() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let file = try #require(Self.existing(Self.adrTools))
        let result = try sandbox.lore("adr", "new", "--file", file.path)
        #expect(result.status == 0, "\(result)")
        let record = try sandbox.show("1")
        #expect(record.title == "Implement as shell scripts")
        #expect(record.status == "accepted")
        #expect(record.date == "2016-02-12")
        #expect(record.context.contains("ADRs are plain text files stored in a subdirectory of the project."))
        #expect(record.context.contains("apply small edits to\nthe Status section of existing files."))
        #expect(record.decision.contains("The tool is implemented as shell scripts that use standard Unix"))
        #expect(record.consequences.contains("The tool won't support Windows."))
        #expect(record.consequences.hasSuffix("particularly Linux and MacOS X."))
        #expect(!record.context.contains("##") && !record.decision.contains("##"))
        try sandbox.saveSchemaSample("adr-tools-file")
    }

    @Test func aMADRRecordWithFrontMatter() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let file = try #require(Self.existing(Self.madr))
        let result = try sandbox.lore("adr", "new", "--file", file.path)
        #expect(result.status == 0, "\(result)")
        let record = try sandbox.show("1")
        #expect(record.title == "Use YAML front matter for metadata")
        #expect(record.status == "proposed")
        // A heading inside a fenced code block (the example under "Pros and Cons") is text,
        // not a heading: it must not replace the context.
        #expect(
            record.context.hasPrefix(
                "MADR offers the fields \"Status\", \"Decision Maker(s)\", and \"Date\"."))
        #expect(record.context.contains("Should this data be included in the ADR directly"))
        let text = record.sections.map(\.text).joined(separator: "\n")
        #expect(text.contains("### Context and problem statement"), "\(record.sections)")
        #expect(record.decision.contains("Chosen option: \"Use YAML front matter\", because comes out best"))
        #expect(record.options == ["Use YAML front matter", "Use plain Markdown everywhere"])
        let headings = record.sections.map { $0.heading.lowercased() }
        #expect(headings.contains("decision drivers") && headings.contains("more information"), "\(headings)")
        try sandbox.saveSchemaSample("madr-file")
    }

    @Test func flagsWinOverTheFile() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let file = try #require(Self.existing(Self.adrTools))
        let created = try sandbox.newADR(
            "Shell scripts, retitled", ["--file", file.path, "--status", "proposed", "--tag", "tooling"])
        #expect(created.title == "Shell scripts, retitled")
        #expect(created.status == "proposed")
        #expect(created.tags == ["tooling"])
        #expect(created.decision.contains("implemented as shell scripts"))
    }

    /// The fixture, or an issue naming where it was looked for.
    private static func existing(_ url: URL) -> URL? {
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("fixture missing: \(url.path)")
            return nil
        }
        return url
    }
}
