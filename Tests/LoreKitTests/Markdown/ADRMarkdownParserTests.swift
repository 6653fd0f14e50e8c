import Foundation
import Testing

@testable import LoreKit

@Suite struct ADRMarkdownParserTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "shared/fixtures/adr-corpora")

    static func fixture(_ path: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func readsAnAdrToolsRecord() throws {
        let text = try Self.fixture("npryce__adr-tools/0002-implement-as-shell-scripts.md")
        let parsed = ADRMarkdownParser.parse(text)
        #expect(parsed.headingNumber == 2)
        #expect(parsed.title == "Implement as shell scripts")
        #expect(parsed.date == "2016-02-12")
        #expect(parsed.status == "Accepted")
        #expect(parsed.context.hasPrefix("ADRs are plain text files stored in a subdirectory"))
        #expect(!parsed.decision.isEmpty)
        #expect(!parsed.consequences.isEmpty)
        #expect(text.contains(parsed.decision))
    }

    @Test func readsAMadrRecordWithFrontMatterAndOptions() throws {
        let text = try Self.fixture("adr__madr/0013-use-yaml-front-matter-for-meta-data.md")
        let parsed = ADRMarkdownParser.parse(text)
        #expect(parsed.title == "Use YAML front matter for metadata")
        #expect(parsed.status == nil)
        #expect(parsed.metadata.contains(ADRSection(heading: "parent", text: "Decisions")))
        #expect(
            parsed.sections.contains { $0.heading == "Decision Drivers" && $0.text.contains("Easy to read") })
        #expect(parsed.options.count >= 2)
        #expect(parsed.decision.contains("Chosen option"))
        #expect(text.contains(parsed.context))
    }

    @Test func templateCommentsAreDroppedAndAnUntouchedTemplateHasNoBody() {
        let template = ADRMarkdownWriter.template(title: "T", date: "2024-01-01")
        let parsed = ADRMarkdownParser.parse(template)
        #expect(parsed.title == "T")
        #expect(!parsed.hasBody)
        let filled = template.replacingOccurrences(
            of: "## Decision\n", with: "## Decision\n\nWe use Postgres.\n")
        #expect(ADRMarkdownParser.parse(filled).decision == "We use Postgres.")
    }

    @Test func unknownSectionsAreKeptVerbatim() {
        let parsed = ADRMarkdownParser.parse("# T\n\n## Context\n\nc\n\n## Risks & Mitigations\n\n* a\n* b\n")
        #expect(parsed.sections == [ADRSection(heading: "Risks & Mitigations", text: "* a\n* b")])
        #expect(parsed.context == "c")
    }

    @Test func documentRoundTripsTheNamedFields() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let record = try store.recordADR(
            ADRDraft(
                title: "Use Kafka", context: "Many consumers.", decision: "Kafka.", consequences: "Ops cost.",
                options: ["Kafka", "RabbitMQ"]))
        let parsed = ADRMarkdownParser.parse(ADRMarkdownWriter.document(record))
        #expect(parsed.title == record.title)
        #expect(parsed.headingNumber == record.number)
        #expect(parsed.context == record.context)
        #expect(parsed.decision == record.decision)
        #expect(parsed.consequences == record.consequences)
        #expect(parsed.options == record.options)
    }
}
