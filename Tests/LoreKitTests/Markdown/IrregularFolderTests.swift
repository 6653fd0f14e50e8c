import Foundation
import Testing

@testable import LoreKit

/// Real decision folders are irregular: each test writes a few hand-made files showing one
/// irregularity and checks both the most faithful reading and the warning that says what
/// was guessed.
@Suite struct IrregularFolderTests {
    /// A regular second record, for folders that need more than one.
    static let other = "# 9. Other\n\nDate: 2023-01-09\n\n## Status\n\nAccepted\n\n## Context\n\nOther.\n"

    /// Writes `files` (path → text) into a new temporary folder.
    static func folder(_ files: [String: String], in base: URL? = nil) throws -> URL {
        let url = base ?? TestStore.temporaryFolder()
        for (path, text) in files { try write(Data(text.utf8), to: url.appendingPathComponent(path)) }
        return url
    }

    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The pure plan for a folder of these files; paths are relative to the folder.
    static func plan(_ files: [String: String], layout: ADRLayout? = nil) throws -> ImportPlan {
        let url = try folder(files)
        defer { TestStore.cleanUp(url) }
        return ImportPlanner.plan(try ADRFolder.read(url), layout: layout)
    }

    /// Imports these files (written to `doc/adr` beside a fresh store) for real.
    static func imported(_ files: [String: String]) throws -> (Store, ImportReport, URL) {
        let (store, base) = try TestStore.make()
        let adr = try folder(files, in: base.appendingPathComponent("doc/adr"))
        return (store, try store.importADRs(from: adr), base)
    }

    static func record(_ plan: ImportPlan, _ path: String) throws -> PlannedRecord {
        try #require(plan.records.first { $0.source == path }, "no record for \(path) in \(plan.records)")
    }

    /// The stored record imported from `doc/adr/<name>`.
    static func stored(_ store: Store, _ name: String) throws -> ADRRecord {
        let records = try store.adrs().map { try store.adr($0.id) }
        return try #require(records.first { $0.source == "doc/adr/" + name }, "no record from \(name)")
    }

    /// Whether some warning for `path` mentions every fragment (case-insensitively).
    static func warned(_ plan: ImportPlan, _ path: String, _ fragments: String...) -> Bool {
        (plan.warnings[path] ?? []).contains { message in
            fragments.allSatisfy { message.localizedCaseInsensitiveContains($0) }
        }
    }

    static func warned(_ report: ImportReport, _ name: String, _ fragments: String...) -> Bool {
        report.warnings.contains { note in
            note.path == "doc/adr/" + name
                && fragments.allSatisfy { note.message.localizedCaseInsensitiveContains($0) }
        }
    }

    // MARK: Numbers and titles

    @Test func headingNumberThatDiffersFromTheFileNumber() throws {
        let plan = try Self.plan(["0003-use-kafka.md": "# 7. Use Kafka\n\n## Status\n\nAccepted\n"])
        let record = try Self.record(plan, "0003-use-kafka.md")
        #expect(record.number == 3)
        #expect(record.parsed.title == "Use Kafka")
        #expect(Self.warned(plan, "0003-use-kafka.md", "heading says 7", "file name says 3"))
    }

    @Test func placeholderHeadingNumber() throws {
        let plan = try Self.plan(["0004-use-kafka.md": "# n. Use Kafka\n\n## Status\n\nAccepted\n"])
        let record = try Self.record(plan, "0004-use-kafka.md")
        #expect(record.number == 4)
        #expect(record.parsed.title == "Use Kafka")
        #expect(Self.warned(plan, "0004-use-kafka.md", "placeholder", "n."))
    }

    @Test func duplicateNumbersAreBothKept() throws {
        let plan = try Self.plan([
            "0002-use-kafka.md": "# 2. Use Kafka\n\n## Status\n\nAccepted\n",
            "0002-use-rabbitmq.md": "# 2. Use RabbitMQ\n\n## Status\n\nRejected\n",
            "0009-other.md": Self.other,
        ])
        #expect(plan.records.count == 3)
        #expect(try Self.record(plan, "0002-use-kafka.md").number == 2)
        let second = try Self.record(plan, "0002-use-rabbitmq.md")
        #expect(second.number == 10)
        #expect(second.parsed.title == "Use RabbitMQ")
        #expect(second.statuses == ["rejected"])
        #expect(Self.warned(plan, "0002-use-rabbitmq.md", "number 2", "also used"))
        #expect(plan.warnings["0002-use-kafka.md"] == nil)
    }

    @Test func filesWithoutANumberAreNumberedAfterTheOthers() throws {
        let plan = try Self.plan([
            "use-kafka.md": "# Use Kafka\n\n## Status\n\nAccepted\n\n## Decision\n\nKafka.\n",
            "0009-other.md": Self.other,
            "0001-first.md": "# 1. First\n\n## Status\n\nAccepted\n",
        ])
        let record = try Self.record(plan, "use-kafka.md")
        #expect(record.number == 10)
        #expect(record.parsed.title == "Use Kafka")
        #expect(record.parsed.decision == "Kafka.")
        #expect(Self.warned(plan, "use-kafka.md", "no number", "numbered 10"))
        // A gap (2…8) is no guess: the numbers the files give are kept.
        #expect(plan.records.map(\.number) == [1, 9, 10])
    }

    @Test func aHeadingNumberIsUsedWhenTheFileNameHasNone() throws {
        let plan = try Self.plan(["use-kafka.md": "# 5. Use Kafka\n\n## Status\n\nAccepted\n"])
        #expect(try Self.record(plan, "use-kafka.md").number == 5)
        #expect(!Self.warned(plan, "use-kafka.md", "no number"))
    }

    @Test(arguments: [
        ("use-kafka.md", "# use-kafka"), ("0004-use-kafka.md", "# 0004-use-kafka"),
        ("0004-use-kafka.md", "# 4. use-kafka"),
    ])
    func titleEqualToTheSlug(name: String, heading: String) throws {
        let plan = try Self.plan([name: heading + "\n\n## Status\n\nAccepted\n"])
        let record = try Self.record(plan, name)
        #expect(record.parsed.title == heading.split(separator: " ").last.map(String.init))
        #expect(Self.warned(plan, name, "slug"), "\(plan.warnings)")
    }

    // MARK: Statuses

    @Test(arguments: ["Pending", "Approved", "Partly superseded", "In Review"])
    func statusWordsBeyondTheUsualAreKeptAsTyped(_ word: String) throws {
        let (store, report, base) = try Self.imported([
            "0001-use-kafka.md": "# 1. Use Kafka\n\nDate: 2023-01-01\n\n## Status\n\n\(word)\n"
        ])
        defer { TestStore.cleanUp(base) }
        #expect(report.added == ["doc/adr/0001-use-kafka.md"])
        let record = try Self.stored(store, "0001-use-kafka.md")
        #expect(record.status == word)
        #expect(record.history.map(\.status) == [word])
        #expect(record.links.isEmpty)
    }

    @Test func aStatusSentenceIsKeptWhole() throws {
        let sentence = "Accepted by the architecture board after the March review"
        let long = String(repeating: "We will revisit this once the load tests are in, ", count: 3)
            .trimmingCharacters(in: .whitespaces)
        let (store, report, base) = try Self.imported([
            "0001-short.md": "# 1. Short\n\nDate: 2023-01-01\n\n## Status\n\n\(sentence)\n",
            "0002-long.md": "# 2. Long\n\nDate: 2023-01-02\n\n## Status\n\n\(long)\n",
        ])
        defer { TestStore.cleanUp(base) }
        #expect(try Self.stored(store, "0001-short.md").status == sentence)
        #expect(Self.warned(report, "0001-short.md", "sentence"))
        let record = try Self.stored(store, "0002-long.md")
        #expect(long.hasPrefix(record.status) && record.status.count == 80)
        #expect(record.metadata.contains(ADRSection(heading: "Status", text: long)))
        #expect(Self.warned(report, "0002-long.md", "too long", "full text kept"))
    }

    @Test(arguments: [
        ("![Status: accepted](https://img.shields.io/badge/status-accepted-green)", "accepted"),
        ("![](https://img.shields.io/badge/status-in%20review-yellow)", "in review"),
        ("[![Status](https://img.shields.io/badge/status-rejected-red)](https://example.com)", "rejected"),
    ])
    func statusGivenAsABadge(line: String, status: String) throws {
        // In a status section, and (as MADR's own example has it) right under the title.
        for (placement, text) in [
            ("section", "# 1. Use Kafka\n\n## Status\n\n\(line)\n\n## Context\n\nC.\n"),
            ("preamble", "# 1. Use Kafka\n\n\(line)\n\n## Context\n\nC.\n"),
        ] {
            let plan = try Self.plan(["0001-use-kafka.md": text])
            let record = try Self.record(plan, "0001-use-kafka.md")
            #expect(record.parsed.context == "C.")
            #expect(record.statuses == [status], "\(placement)")
            #expect(Self.warned(plan, "0001-use-kafka.md", "badge", status), "\(placement)")
        }
    }

    @Test func severalStatusLinesBecomeTheHistory() throws {
        let (store, report, base) = try Self.imported([
            "0001-use-kafka.md": "# 1. Use Kafka\n\nDate: 2023-01-01\n\n## Status\n\nProposed\n\nAccepted\n"
        ])
        defer { TestStore.cleanUp(base) }
        let record = try Self.stored(store, "0001-use-kafka.md")
        #expect(record.status == "accepted")
        #expect(record.history.map(\.status) == ["proposed", "accepted"])
        #expect(Self.warned(report, "0001-use-kafka.md", "several status lines", "last"))
    }

    @Test(arguments: [1, 3])
    func statusHeadingAtTheWrongLevel(level: Int) throws {
        let hashes = String(repeating: "#", count: level)
        let plan = try Self.plan([
            "0001-use-kafka.md": "# 1. Use Kafka\n\n\(hashes) Status\n\nAccepted\n\n## Context\n\nC.\n"
        ])
        let record = try Self.record(plan, "0001-use-kafka.md")
        #expect(record.parsed.title == "Use Kafka")
        #expect(record.statuses == ["accepted"])
        #expect(!record.parsed.sections.contains { $0.heading == "Status" })
        #expect(Self.warned(plan, "0001-use-kafka.md", "level-\(level)"))
    }

    @Test func supersededWithNoSuccessorNamedIsKeptAsWritten() throws {
        let (store, report, base) = try Self.imported([
            "0001-use-kafka.md": "# 1. Use Kafka\n\nDate: 2023-01-01\n\n## Status\n\nSuperseded\n"
        ])
        defer { TestStore.cleanUp(base) }
        let record = try Self.stored(store, "0001-use-kafka.md")
        #expect(record.status == "superseded" && record.links.isEmpty && record.supersededBy == nil)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func noStatusAtAllIsProposed() throws {
        let plan = try Self.plan(["0001-use-kafka.md": "# 1. Use Kafka\n\n## Context\n\nC.\n"])
        #expect(try Self.record(plan, "0001-use-kafka.md").statuses.isEmpty)
        #expect(Self.warned(plan, "0001-use-kafka.md", "no status", "proposed"))
    }

    // MARK: Dates

    @Test(
        arguments: [
            ("2023-13-10", "2023-10-13", ["impossible", "2023-10-13", "swapped"]),
            ("2023-01-05 (approximately)", "2023-01-05", ["remark", "2023-01-05"]),
            ("2023-02-30", nil, ["impossible", "kept as text"]),
            ("sometime in March", nil, ["not a date", "kept as text"]),
        ] as [(String, String?, [String])])
    func irregularDates(raw: String, date: String?, words: [String]) throws {
        let (store, report, base) = try Self.imported([
            "0001-use-kafka.md": "# 1. Use Kafka\n\nDate: \(raw)\n\n## Status\n\nAccepted\n"
        ])
        defer { TestStore.cleanUp(base) }
        let record = try Self.stored(store, "0001-use-kafka.md")
        // Without a readable date the import date (the test clock's 2024-03-14) is used.
        #expect(record.date == date ?? "2024-03-14")
        #expect(record.metadata.contains(ADRSection(heading: "Date", text: raw)), "\(record.metadata)")
        let notes = report.warnings.map(\.message)
        #expect(words.allSatisfy { word in notes.contains { $0.contains(word) } }, "\(notes)")
    }

    @Test func aDatePrefixedFileNameGivesTheDateWhenTheFileHasNone() throws {
        let plan = try Self.plan(["20230105-use-kafka.md": "# Use Kafka\n\n- Status: accepted\n"])
        #expect(try Self.record(plan, "20230105-use-kafka.md").date == "2023-01-05")
    }

    // MARK: Layout of the text and of the folder

    @Test func blankLinesHoldingSpacesAndNoFinalNewline() throws {
        let text = [
            "# 1. Use Kafka", "  ", "Date: 2023-01-01", "\t", "## Status", "   ", "Accepted", " ",
            "## Context", "", "First paragraph.", "    ", "Second paragraph.", "  ", "## Decision", " ",
            "We use Kafka.",
        ].joined(separator: "\n")
        let plan = try Self.plan(["0001-use-kafka.md": text])
        let record = try Self.record(plan, "0001-use-kafka.md")
        #expect(record.date == "2023-01-01")
        #expect(record.statuses == ["accepted"])
        #expect(record.parsed.context == "First paragraph.\n\nSecond paragraph.")
        #expect(record.parsed.decision == "We use Kafka.")
        #expect(record.parsed.sections.isEmpty && record.parsed.metadata.isEmpty)
        #expect(plan.warnings.isEmpty, "a regular file, however spaced, needs no guess")
    }

    @Test(arguments: [
        ("ADR-007_Use_Kafka.md", 7), ("0003_Use_Postgres.md", 3), ("0004-Use-CAPITALS.md", 4),
        ("#12-use-grpc.md", 12), ("ADR#13 Use REST.md", 13), ("adr_0014_use_graphql.markdown", 14),
    ])
    func irregularFileNames(name: String, number: Int) throws {
        let plan = try Self.plan([name: "# Use It\n\n## Status\n\nAccepted\n"])
        let record = try Self.record(plan, name)
        #expect(record.number == number)
        #expect(record.parsed.title == "Use It")
        #expect(!Self.warned(plan, name, "number"), "\(plan.warnings)")
    }

    @Test func log4brainsFilesSharingADateAreDistinctRecordsOrderedBySlug() throws {
        let (store, report, base) = try Self.imported([
            "20230105-use-kafka.md": "# Use Kafka\n\n- Status: accepted\n\n## Decision\n\nKafka.\n",
            "20230105-drop-rabbitmq.md": "# Drop RabbitMQ\n\n- Status: accepted\n\n## Decision\n\nDrop it.\n",
            "20230101-start.md": "# Start\n\n- Status: accepted\n- Date: 2023-01-01\n",
        ])
        defer { TestStore.cleanUp(base) }
        #expect(report.layout == "log4brains")
        #expect(report.added.count == 3)
        let records = try store.adrs().map { try store.adr($0.id) }
        #expect(records.map(\.title) == ["Start", "Drop RabbitMQ", "Use Kafka"])
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.date) == ["2023-01-01", "2023-01-05", "2023-01-05"])
        #expect(records.map(\.decision) == ["", "Drop it.", "Kafka."])
        #expect(Set(records.map(\.id)).count == 3)
    }

    @Test(arguments: ["tags: [db, storage]", "tags:\n  - db\n  - storage"])
    func frontMatterHoldingOnlyTags(_ front: String) throws {
        let plan = try Self.plan([
            "0001-use-postgres.md":
                "---\n\(front)\n---\n# Use Postgres\n\n## Status\n\nAccepted\n\n## Decision\n\nPG.\n"
        ])
        let record = try Self.record(plan, "0001-use-postgres.md")
        #expect(record.parsed.tags == ["db", "storage"])
        #expect(record.parsed.metadata.isEmpty)
        #expect(record.parsed.title == "Use Postgres")
        #expect(record.date == nil)
        #expect(record.statuses == ["accepted"])
        #expect(record.parsed.decision == "PG.")
    }

    @Test func fencedYAMLInASectionIsTextNotMetadata() throws {
        let fence = "```yaml\n---\nstatus: rejected\ndate: 2020-01-01\nowner: team-a\n---\n# Not a title\n```"
        let text = """
            # 1. Use YAML

            Date: 2023-01-01

            ## Status

            Accepted

            ## Context

            For example:

            \(fence)

            """
        let record = try Self.record(try Self.plan(["0001-use-yaml.md": text]), "0001-use-yaml.md")
        #expect(record.parsed.context == "For example:\n\n" + fence)
        #expect(record.statuses == ["accepted"] && record.date == "2023-01-01")
        #expect(record.parsed.title == "Use YAML")
        #expect(record.parsed.metadata.isEmpty && record.parsed.tags.isEmpty)
    }

    @Test func fencedYAMLBeforeTheFirstSectionIsTextNotMetadata() throws {
        let fence = "```yaml\nstatus: rejected\nowner: team-a\n```"
        let text = """
            # 1. Use YAML

            Date: 2023-01-01

            A config looks like this:

            \(fence)

            ## Status

            Accepted

            """
        let record = try Self.record(try Self.plan(["0001-use-yaml.md": text]), "0001-use-yaml.md")
        #expect(record.date == "2023-01-01")
        #expect(record.statuses == ["accepted"])
        #expect(record.parsed.metadata.isEmpty, "\(record.parsed.metadata)")
        #expect(record.parsed.sections.first?.text == "A config looks like this:\n\n" + fence)
    }

    @Test func readmeIndexAndTemplatesBesideTheRecordsAreSkipped() throws {
        let plan = try Self.plan([
            "0001-use-kafka.md": "# 1. Use Kafka\n\n## Status\n\nAccepted\n",
            "README.md": "# Decisions\n\nSee the records below.\n",
            "index.md": "# Index\n\n* [1](0001-use-kafka.md)\n",
            "template.md": "# NUMBER. TITLE\n\n## Status\n\nSTATUS\n", "adr-template.md": "# Title\n",
            "templates/full.md": "# Full template\n",
        ])
        #expect(plan.records.map(\.source) == ["0001-use-kafka.md"])
        #expect(
            Set(plan.skipped) == [
                "README.md", "index.md", "template.md", "adr-template.md", "templates/full.md",
            ])
        #expect(plan.warnings.isEmpty)
    }

    @Test func aFileThatIsNotUTF8IsNamedAndTheRestImport() throws {
        let (store, base) = try TestStore.make()
        defer { TestStore.cleanUp(base) }
        let adr = try Self.folder(
            ["0001-use-kafka.md": "# 1. Use Kafka\n\n## Status\n\nAccepted\n", "0003-other.md": Self.other],
            in: base.appendingPathComponent("doc/adr"))
        let latin1 =
            Data("# 2. Caf".utf8) + Data([0xE9, 0xFF, 0xFE]) + Data("\n\n## Status\n\nAccepted\n".utf8)
        try Self.write(latin1, to: adr.appendingPathComponent("0002-cafe.md"))
        let report = try store.importADRs(from: adr)
        #expect(report.unreadable == [FileNote(path: "doc/adr/0002-cafe.md", message: "not UTF-8 text")])
        #expect(report.added == ["doc/adr/0001-use-kafka.md", "doc/adr/0003-other.md"])
        #expect(try store.adrs().map(\.title) == ["Use Kafka", "Other"])
    }
}
