import Foundation
import Testing

@testable import LoreKit

/// Folders written by the real adr-tools (Debian package `adr-tools`; scripts/test installs
/// it): random sequences of `adr new`, `adr new -s`, `adr new -l` and `adr link`, then
/// import and export must give back every file, the toc and the graph byte for byte.
@Suite struct ADRToolsRoundTripTests {
    static let adr = "/usr/bin/adr"

    /// Runs adr-tools in `directory` with a fixed date and no editor.
    static func run(_ arguments: [String], in directory: URL, date: String = "2024-03-14") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: adr)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = "true"
        environment["VISUAL"] = "true"
        environment["ADR_DATE"] = date
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad, userInfo: [NSLocalizedDescriptionKey: "adr \(arguments) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Builds a random adr-tools folder; returns the number of records.
    static func randomFolder(in project: URL, seed: UInt64) throws -> Int {
        var random = SeededGenerator(seed: seed)
        let words = [
            "Use", "PostgreSQL", "Kafka", "retries", "&", "café", "v2.1", "\"quoted\"", "gRPC", "for",
            "the", "ledger", "(draft)", "naïve", "API", "caching", "#7", "100%",
        ]
        _ = try run(["init", "doc/adr"], in: project)
        var count = 1
        for _ in 0..<Int.random(in: 6...12, using: &random) {
            let title = (0..<Int.random(in: 2...6, using: &random)).map { _ in
                words.randomElement(using: &random)!
            }
            let target = String(Int.random(in: 1...count, using: &random))
            let date =
                "2024-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
            let other = String(Int.random(in: 1...count, using: &random))
            switch Int.random(in: 0..<6, using: &random) {
            case 0: _ = try run(["new", "-s", target] + title, in: project, date: date)
            case 3:
                let options = ["-s", target, "-l", "\(other):Extends:Extended by"]
                _ = try run(["new"] + options + title, in: project, date: date)
            case 1:
                _ = try run(["new", "-l", "\(target):Amends:Amended by"] + title, in: project, date: date)
            case 2 where count > 1:
                if other != target {
                    _ = try run(["link", target, "Clarifies", other, "Clarified by"], in: project)
                }
                continue
            default: _ = try run(["new"] + title, in: project, date: date)
            }
            count += 1
        }
        return count
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func importThenExportReproducesTheFolder(seed: UInt64) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.adr) else {
            Issue.record("adr-tools is not installed (apt-get install adr-tools; scripts/test does it)")
            return
        }
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let count = try Self.randomFolder(in: folder, seed: seed)
        let source = folder.appendingPathComponent("doc/adr")
        let report = try store.importADRs(from: source)
        #expect(report.added.count == count)
        #expect(report.layout == "adr-tools")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let out = folder.appendingPathComponent("out")
        let written = try store.exportADRs(to: out, layout: .adrTools)
        let originals = try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
        #expect(written.files.sorted() == originals)
        for name in originals {
            let original = try Data(contentsOf: source.appendingPathComponent(name))
            let exported = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(
                exported == original,
                "\(name) differs:\n--- adr-tools\n\(String(decoding: original, as: UTF8.self))--- lore\n\(String(decoding: exported, as: UTF8.self))"
            )
        }
        // The index `lore export toc|graph` reads, and the same built from the full records.
        let index = try store.adrIndex()
        #expect(index == (try store.exportedADRs().map(ADRIndexEntry.init)))
        #expect(ADRIndexWriter.toc(index) == (try Self.run(["generate", "toc"], in: folder)))
        let graph = try Self.run(["generate", "graph"], in: folder)
        let unescaped = ADRIndexWriter.graph(index).replacingOccurrences(of: "\\\"", with: "\"")
        #expect(unescaped == graph)
        // Importing the same folder again records nothing.
        let again = try store.importADRs(from: source)
        #expect(again.events == 0)
        #expect(again.unchanged.count == count)
        #expect(try store.verify().ok)
        if seed == 1 { try TestStore.writeSamples(store, name: "adr-tools-round-trip") }
    }

    /// Records made in lore, exported as adr-tools files and imported into another store,
    /// keep their titles, statuses, text and links.
    @Test func loreRecordsSurviveExportAndImport() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(
            ADRDraft(title: "Use PostgreSQL", context: "ACID.", decision: "Postgres.", consequences: "Ops."))
        try store.recordADR(
            ADRDraft(title: "Use Kafka & friends", status: "accepted", options: ["Kafka", "RabbitMQ"]))
        try store.recordADR(ADRDraft(title: "Use CockroachDB", supersedes: "1"))
        try store.linkADR("3", "Amends", "2")
        try store.setADRStatus("2", to: "In Review")
        let out = folder.appendingPathComponent("export")
        try store.exportADRs(to: out, layout: .adrTools)
        let (other, otherFolder) = try TestStore.make()
        defer { TestStore.cleanUp(otherFolder) }
        let report = try other.importADRs(from: out)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for (mine, theirs) in zip(try store.adrs(), try other.adrs()) {
            let a = try store.adr("\(mine.number)")
            let b = try other.adr("\(theirs.number)")
            #expect(a.title == b.title)
            #expect(a.status == b.status)
            #expect(a.context == b.context && a.decision == b.decision && a.consequences == b.consequences)
            #expect(a.options == b.options)
            #expect(a.links.map { "\($0.label) \($0.number)" } == b.links.map { "\($0.label) \($0.number)" })
        }
    }
}
