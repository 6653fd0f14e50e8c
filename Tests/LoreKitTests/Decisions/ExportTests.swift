import Foundation
import Testing

@testable import LoreKit

/// `lore export` reads every record with a few set-based queries, and `lore export toc` and
/// `graph` only numbers, titles, file names and links; what they read must equal what the
/// per-record path (`lore adr show`) gives, field for field.
@Suite struct ExportTests {
    /// Two sites with one of everything a record can show: a number both claimed (so one is
    /// renumbered), a record superseded differently at each (contested), links, tags,
    /// components, options, a status history, a title Graphviz must escape, and an imported file.
    static func busySites(in folder: URL) throws -> [Store] {
        let sites = try Sites.make(2, in: folder)
        for component in ["events", "billing"] { try sites[0].registerComponent(component) }
        try sites[0].recordADR(
            ADRDraft(
                title: "Use Kafka", context: "Events.", options: ["Kafka", "NATS"],
                tags: ["infra", "messaging"],
                components: ["events", "billing"]))
        try sites[1].recordADR(ADRDraft(title: #"Name "quoted" \ things"#, tags: ["naming"]))
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        try sites[0].recordADR(ADRDraft(title: "Use Pulsar", supersedes: "1"))
        try sites[0].recordADR(ADRDraft(title: "Use NATS", status: "accepted"))
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        try sites[0].supersedeADR("2", by: "3")
        try sites[1].supersedeADR("2", by: "4")
        try sites[1].linkADR("4", "Amends", "1")
        try sites[1].setADRStatus("3", to: "In Review", reason: "board asked")
        let files = folder.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try Data(
            "# 1. Record decisions\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n".utf8
        ).write(to: files.appendingPathComponent("0001-Record-Decisions.md"))
        _ = try sites[1].importADRs(from: files)
        try Sites.send(from: sites[1], to: sites[0], via: folder)
        // Record 1's links are now in neither alphabetical order: Superseded by, Amended by, Clarifies.
        try sites[0].linkADR("1", "Clarifies", "3")
        try Sites.send(from: sites[0], to: sites[1], via: folder)
        return sites
    }

    @Test func exportedRecordsEqualTheRecordsReadOneByOne() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        for store in try Self.busySites(in: folder) {
            let records = try store.exportedADRs().map(\.record)
            let oneByOne = try store.adrs().map { try store.adr("\($0.number)") }
            #expect(records == oneByOne)
            // The sites reach every field the per-record query fills.
            #expect(records.count == 5)
            #expect(records.contains { $0.contested })
            #expect(records.contains { !$0.renumbered.isEmpty })
            #expect(records.contains { $0.claimedNumber != nil })
            #expect(records.contains { $0.supersededBy != nil })
            #expect(records.contains { $0.source != nil })
            #expect(
                records.contains { $0.tags.count == 2 && $0.components.count == 2 && !$0.options.isEmpty })
            #expect(records.contains { $0.history.count >= 2 && $0.history.contains { $0.reason != nil } })
            #expect(records.contains { $0.links.count > 1 })
        }
    }

    @Test func theIndexEqualsTheEntriesOfTheFullRecords() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        for store in try Self.busySites(in: folder) {
            let index = try store.adrIndex()
            let full = try store.exportedADRs().map(ADRIndexEntry.init)
            #expect(index == full)
            #expect(index.contains { $0.fileName == "0001-Record-Decisions.md" })
            #expect(index.map(\.links.count).reduce(0, +) > 4)
            #expect(ADRIndexWriter.graph(index).contains(#"Name \"quoted\" \\ things"#))
        }
    }

    @Test func exportingAgainReplacesEachFileAndLeavesNoTemporaryFile() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Use Kafka", context: "First."))
        let out = folder.appendingPathComponent("out")
        try store.exportADRs(to: out, layout: .adrTools)
        var changes = ADRChanges()
        changes.context = "Second."
        try store.reviseADR("1", changes)
        try store.exportADRs(to: out, layout: .adrTools)
        let text = try String(contentsOf: out.appendingPathComponent("0001-use-kafka.md"), encoding: .utf8)
        #expect(text.contains("Second.") && !text.contains("First."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["0001-use-kafka.md"])
    }

    @Test func aFileThatCannotBeReplacedIsNamedWithTheReason() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Use Kafka"))
        let out = folder.appendingPathComponent("out")
        let blocker = out.appendingPathComponent("0001-use-kafka.md/inside")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        #expect(
            throws: ExportError.unwritable(
                out.appendingPathComponent("0001-use-kafka.md").path, "Is a directory")
        ) {
            try store.exportADRs(to: out, layout: .adrTools)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["0001-use-kafka.md"])
    }
}
