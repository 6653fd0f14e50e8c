import Foundation
import Testing

@testable import LoreKit

extension IrregularFolderTests {
    /// Links between records as real folders write them, and the check that nothing a file
    /// says is lost on import.
    @Suite struct Links {
        /// `/work/shared/fixtures/adr-corpora`: `shared` is beside the repository root, which
        /// is four folders up from this file.
        static let corpora = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/adr-corpora")

        static let successor =
            "# 2. Use B\n\n## Status\n\nAccepted\n\nSupersedes [1. Use A](0001-use-a.md)\n"

        @Test(
            arguments: [
                ("Superseded by [ADR-0002](0002-use-b.md)", nil),
                ("Superseded by [ADR-0002](https://wiki.example.com/decisions/2)", nil),
                ("Superseded by [2. Use B](./0002-use-b.md)", nil),
                ("Superseded by [Use B](0002-Use-B.md)", nil),
                ("* Superseded by: [ADR-0002](0002-use-b.md#decision)", nil),
                ("Superseded by ./0002-use-b.md", "not a link"),
                ("Superseded by 0002-use-b", "not a link"),
                ("Superseded by ADR 2", "not a link"),
                ("Superseded by Use B", "not a link"),
            ] as [(String, String?)])
        func supersededByInEveryForm(line: String, warning: String?) throws {
            let (store, report, base) = try IrregularFolderTests.imported([
                "0001-use-a.md": "# 1. Use A\n\nDate: 2023-01-01\n\n## Status\n\nAccepted\n\n\(line)\n",
                "0002-use-b.md": Self.successor,
            ])
            defer { TestStore.cleanUp(base) }
            let old = try IrregularFolderTests.stored(store, "0001-use-a.md")
            let new = try IrregularFolderTests.stored(store, "0002-use-b.md")
            #expect(old.status == "superseded")
            #expect(old.history.map(\.status) == ["accepted", "superseded"])
            #expect(old.links.map(\.label) == ["Superseded by"] && old.links.first?.target == new.id)
            #expect(new.links.map(\.label) == ["Supersedes"] && new.links.first?.target == old.id)
            #expect(new.status == "accepted")
            #expect(report.relationsAdded == 1)
            #expect(!old.sections.contains { $0.heading == "Unresolved links" })
            #expect(!report.warnings.contains { $0.message.contains("points at no record") })
            if let warning {
                #expect(IrregularFolderTests.warned(report, "0001-use-a.md", warning), "\(report.warnings)")
            }
        }

        @Test func supersededByOnOnlyTheOldSide() throws {
            let (store, report, base) = try IrregularFolderTests.imported([
                "0001-use-a.md": "# 1. Use A\n\n## Status\n\nSuperseded by [2. Use B](0002-use-b.md)\n",
                "0002-use-b.md": "# 2. Use B\n\n## Status\n\nAccepted\n",
            ])
            defer { TestStore.cleanUp(base) }
            let old = try IrregularFolderTests.stored(store, "0001-use-a.md")
            let new = try IrregularFolderTests.stored(store, "0002-use-b.md")
            #expect(old.status == "superseded" && old.links.first?.target == new.id)
            #expect(new.links.map(\.label) == ["Supersedes"] && new.links.first?.target == old.id)
            #expect(
                IrregularFolderTests.warned(report, "0001-use-a.md", "no link back"), "\(report.warnings)")
        }

        @Test func supersedesOnOnlyTheNewSide() throws {
            let (store, report, base) = try IrregularFolderTests.imported([
                "0001-use-a.md": "# 1. Use A\n\n## Status\n\nAccepted\n",
                "0002-use-b.md": Self.successor,
            ])
            defer { TestStore.cleanUp(base) }
            let old = try IrregularFolderTests.stored(store, "0001-use-a.md")
            let new = try IrregularFolderTests.stored(store, "0002-use-b.md")
            #expect(old.status == "superseded")
            #expect(old.links.map(\.label) == ["Superseded by"] && old.links.first?.target == new.id)
            #expect(
                IrregularFolderTests.warned(report, "0002-use-b.md", "no link back"), "\(report.warnings)")
        }

        @Test func aLinkToNoRecordIsKeptAsText() throws {
            let (store, report, base) = try IrregularFolderTests.imported([
                "0001-use-a.md": """
                # 1. Use A

                ## Status

                Accepted

                Superseded by [ADR-0032](0032-use-c.md)

                Amends the wiki page
                """
            ])
            defer { TestStore.cleanUp(base) }
            let record = try IrregularFolderTests.stored(store, "0001-use-a.md")
            #expect(record.status == "accepted" && record.links.isEmpty)
            let kept = try #require(record.sections.first { $0.heading == "Unresolved links" })
            #expect(kept.text == "Superseded by [ADR-0032](0032-use-c.md)\nAmends the wiki page")
            #expect(IrregularFolderTests.warned(report, "0001-use-a.md", "ADR-0032", "points at no record"))
            #expect(
                IrregularFolderTests.warned(report, "0001-use-a.md", "the wiki page", "points at no record"))
        }

        @Test(arguments: [
            "[ADR-007](ADR-007_Use_Kafka.md)", "[12](%2312-use-grpc.md)", "[12](#12-use-grpc.md)",
        ])
        func linksReachFilesWithCapitalsUnderscoresAndHashes(_ link: String) throws {
            let plan = try IrregularFolderTests.plan([
                "ADR-007_Use_Kafka.md": "# 7. Use Kafka\n\n## Status\n\nAccepted\n",
                "#12-use-grpc.md": "# 12. Use gRPC\n\n## Status\n\nAccepted\n",
                "0001-start.md": "# 1. Start\n\n## Status\n\nAccepted\n\n## Links\n\n* Relates to \(link)\n",
            ])
            let target = link.contains("007") ? "ADR-007_Use_Kafka.md" : "#12-use-grpc.md"
            #expect(plan.relations.map(\.source) == ["0001-start.md"])
            #expect(plan.relations.map(\.target) == [target])
            #expect(plan.relations.map(\.label) == ["Relates to"])
            #expect(plan.warnings["0001-start.md"] == nil, "\(plan.warnings)")
        }

        // MARK: Nothing is lost

        @Test(arguments: ["npryce__adr-tools", "adr__madr", "thomvaill__log4brains"])
        func everyLineOfTheCorporaIsKept(_ corpus: String) throws {
            let folder = Self.corpora.appendingPathComponent(corpus)
            try #require(FileManager.default.fileExists(atPath: folder.path), "missing \(folder.path)")
            let (store, base) = try TestStore.make()
            defer { TestStore.cleanUp(base) }
            let report = try store.importADRs(from: folder)
            #expect(report.unreadable.isEmpty)
            #expect(report.added.count == ["npryce__adr-tools": 9, "adr__madr": 19][corpus] ?? 9)
            try Self.expectNothingLost(store)
        }

        @Test func theCorporaLinksResolve() throws {
            let (store, base) = try TestStore.make()
            defer { TestStore.cleanUp(base) }
            for corpus in ["npryce__adr-tools", "thomvaill__log4brains"] {
                _ = try store.importADRs(from: Self.corpora.appendingPathComponent(corpus))
            }
            let records = try store.adrs().map { try store.adr($0.id) }
            func titled(_ title: String) throws -> ADRRecord {
                try #require(records.first { $0.title == title }, "no record '\(title)'")
            }
            let amends = try titled("Help scripts").links
            #expect(amends.map(\.label) == ["Amends"] && amends.map(\.title) == ["Help comments"])
            let old = try titled("Use the ADR number as its unique ID")
            #expect(old.status == "superseded")
            #expect(old.links.map(\.title) == ["Use the ADR slug as its unique ID"])
        }

        @Test func textThatFitsNoFieldIsKeptVerbatim() throws {
            let (store, report, base) = try IrregularFolderTests.imported([
                "0001-use-kafka.md": """
                # 1. Use Kafka

                Date: 2023-01-01
                Deciders: Ada, Grace
                Technical Story: [TICKET-12](https://example.com/12)

                A note before any section, *kept*.

                ## Status

                Accepted

                ## Context

                Many consumers.

                ## Risks & Mitigations

                * Ops cost — hire.

                ### Residual risk

                Low.
                """
            ])
            defer { TestStore.cleanUp(base) }
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            let record = try IrregularFolderTests.stored(store, "0001-use-kafka.md")
            #expect(
                record.metadata == [
                    ADRSection(heading: "Deciders", text: "Ada, Grace"),
                    ADRSection(heading: "Technical Story", text: "[TICKET-12](https://example.com/12)"),
                ])
            #expect(
                record.sections == [
                    ADRSection(heading: "", text: "A note before any section, *kept*."),
                    ADRSection(heading: "Risks & Mitigations", text: "* Ops cost — hire."),
                    ADRSection(heading: "Residual risk", text: "Low.", level: 3),
                ])
            #expect(record.context == "Many consumers.")
        }

        @Test func everyLineOfAnIrregularFileIsKept() throws {
            let text = [
                "---", "tags: [messaging]", "owner: platform", "---", "# n. Use Kafka", "",
                "Date: 2023-13-10 (after the offsite)", "Deciders: Ada, Grace", "",
                "![Status: accepted](https://img.shields.io/badge/status-accepted-green)", "",
                "Some words before any section.", "  ", "## Status", "", "Proposed", "", "Accepted", "",
                "Superseded by [ADR-0032](0032-gone.md)", "", "## Context", "", "Many consumers.", "",
                "```yaml", "status: rejected", "```", "", "## Considered Options", "", "* Kafka",
                "* RabbitMQ", "Neither, for now.", "", "## Open Questions", "", "- Who runs it?",
            ].joined(separator: "\n")
            let (store, report, base) = try IrregularFolderTests.imported([
                "0005-use-kafka.md": text, "0009-other.md": IrregularFolderTests.other,
            ])
            defer { TestStore.cleanUp(base) }
            #expect(report.added.count == 2)
            let record = try IrregularFolderTests.stored(store, "0005-use-kafka.md")
            #expect(record.number == 5 && record.title == "Use Kafka" && record.tags == ["messaging"])
            #expect(record.options == ["Kafka", "RabbitMQ"])
            try Self.expectNothingLost(store)
            // Guesses are made the same way each time: importing again changes nothing.
            let again = try store.importADRs(from: base.appendingPathComponent("doc/adr"))
            #expect(again.events == 0 && again.unchanged.count == 2, "\(again)")
            #expect(again.warnings == report.warnings)
        }

        @Test func theCheckFindsALostLine() throws {
            let (store, _, base) = try IrregularFolderTests.imported([
                "0001-use-kafka.md":
                    "# 1. Use Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nMany consumers.\n"
            ])
            defer { TestStore.cleanUp(base) }
            let record = try IrregularFolderTests.stored(store, "0001-use-kafka.md")
            let text =
                "# 1. Use Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nMany consumers.\nOne producer.\n"
            #expect(LostLines(record, [record.id: record]).in(text) == ["One producer."])
        }

        /// Checks, for every imported record, that each line of its file is found in it.
        static func expectNothingLost(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            let records = try store.adrs().map { try store.adr($0.id) }
            let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
            for record in records {
                let source = try #require(record.source)
                let path =
                    source.hasPrefix("/")
                    ? source
                    : store.location.folder.deletingLastPathComponent()
                        .appendingPathComponent(source).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let lost = LostLines(record, byID).in(text)
                #expect(lost.isEmpty, "\(source) lost: \(lost)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Finds the lines of a file that an imported record does not hold anywhere: not in a field,
/// section, metadata entry, status or link. HTML comments (template hints) and the front
/// matter's `---` fences are not content.
struct LostLines {
    let record: ADRRecord
    let byID: [String: ADRRecord]
    private let haystack: String

    static let structural: Set = [
        "status", "context", "decision", "consequences", "considered options", "options", "links",
        "context and problem statement", "decision outcome",
    ]

    init(_ record: ADRRecord, _ byID: [String: ADRRecord]) {
        self.record = record
        self.byID = byID
        var parts = [record.title, "\(record.number). \(record.title)", record.date, record.context]
        parts += [record.decision, record.consequences] + record.history.map(\.status) + record.options
        parts += record.tags + record.metadata.flatMap { [$0.heading, $0.text] }
        parts += record.sections.flatMap { [$0.heading, $0.text] }
        haystack = parts.map(Self.normal).joined(separator: "\n")
    }

    /// Lower case, runs of white space as one space, trimmed.
    static func normal(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func `in`(_ text: String) -> [String] {
        var lines = MarkdownLines.split(MarkdownLines.stripComments(text))
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            lines.remove(at: end)
            lines.removeFirst()
        }
        return lines.filter { !Self.normal($0).isEmpty && !found($0) }
    }

    private func found(_ line: String) -> Bool {
        var text = Self.normal(line)
        if haystack.contains(text) { return true }
        text = String(text.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = String(text.dropFirst(2)) }
        if text.hasPrefix("n. ") { text = String(text.dropFirst(3)) }
        if Self.structural.contains(text) || haystack.contains(text) { return true }
        if let colon = text.firstIndex(of: ":") {
            let key = String(text[..<colon])
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "tags" { return MarkdownLines.tagList(value).allSatisfy(record.tags.contains) }
            if !value.isEmpty && (haystack.contains(value) || linked(value)) { return true }
        }
        return linked(text) || badge(text)
    }

    /// Whether every `[text](target)` on the line is one of the record's links, and the words
    /// around them are its label.
    private func linked(_ text: String) -> Bool {
        let links = text.matches(of: /(!?)\[([^\]]*)\]\(([^)]*)\)/)
        guard !links.isEmpty else { return false }
        var rest = text
        for link in links.reversed() {
            // An image is not a link.
            guard link.1.isEmpty, points(text: String(link.2), target: String(link.3)) else { return false }
            rest.removeSubrange(link.range)
        }
        let label = rest.trimmingCharacters(in: CharacterSet(charactersIn: " :-*"))
        return label.isEmpty || record.links.contains { Self.normal($0.label) == label }
    }

    private func points(text: String, target: String) -> Bool {
        var file = target.removingPercentEncoding ?? target
        if let hash = file.firstIndex(of: "#"), hash != file.startIndex { file = String(file[..<hash]) }
        file = (file as NSString).lastPathComponent
        return record.links.contains { link in
            let name = byID[link.target]?.source.map { ($0 as NSString).lastPathComponent.lowercased() }
            return name == file || Self.normal(link.title) == text || text.hasSuffix("\(link.number)")
        }
    }

    /// A badge image whose text or address names the record's status.
    private func badge(_ text: String) -> Bool {
        guard text.contains("![") else { return false }
        let decoded = text.removingPercentEncoding ?? text
        return record.history.contains { decoded.contains($0.status.lowercased()) }
    }
}
