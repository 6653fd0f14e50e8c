import Foundation
import Testing

/// `lore import` and `lore export` end to end, on writable copies of real decision folders.
@Suite struct ImportExportCLITests {
    static let corpora = LoreRunner.fixtures.appendingPathComponent("adr-corpora")

    /// Each corpus with the layout it is detected as and its number of records.
    static let corpusCounts = [
        ("npryce__adr-tools", "adr-tools", 9), ("adr__madr", "madr", 19),
        ("thomvaill__log4brains", "log4brains", 9),
    ]

    /// `lore import --json`, decoded.
    struct Report: Decodable {
        struct Note: Decodable {
            var path: String
            var message: String
        }

        var added: [String]
        var revised: [String]
        var unchanged: [String]
        var events: Int
        var warnings: [Note]
        var skipped: [String]
        var dryRun: Bool

        enum CodingKeys: String, CodingKey {
            case added, revised, unchanged, events, warnings, skipped
            case dryRun = "dry_run"
        }
    }

    /// The numbers of the summary line `imported 9 records (adr-tools) from …: 9 new, …`.
    struct Summary: Equatable {
        var records, new, revised, unchanged, events: Int
        var layout: String

        init(_ stdout: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let head = try #require(
                stdout.firstMatch(of: #/^(?:would import|imported) (\d+) records \(([a-z0-9-]+)\) from /#),
                "no summary line in \(stdout)", sourceLocation: sourceLocation)
            let counts = try #require(
                stdout.firstMatch(of: /: (\d+) new, (\d+) revised, (\d+) unchanged, \d+ links; (\d+) events/),
                "no counts in \(stdout)", sourceLocation: sourceLocation)
            records = Int(head.1) ?? -1
            layout = String(head.2)
            new = Int(counts.1) ?? -1
            revised = Int(counts.2) ?? -1
            unchanged = Int(counts.3) ?? -1
            events = Int(counts.4) ?? -1
        }
    }

    /// A sandbox with a store and a writable copy of `corpus` at `path` inside it.
    static func sandbox(copying corpus: String, to path: String = "doc/adr") throws -> LoreSandbox {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try copy(corpus, to: sandbox.root.appendingPathComponent(path))
        return sandbox
    }

    /// Copies a fixture folder file by file, so the copies are writable (the fixtures are not).
    static func copy(_ corpus: String, to target: URL) throws {
        let fm = FileManager.default
        let source = corpora.appendingPathComponent(corpus)
        try #require(fm.fileExists(atPath: source.path), "missing fixture \(source.path)")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            try Data(contentsOf: source.appendingPathComponent(name)).write(
                to: target.appendingPathComponent(name))
        }
    }

    /// Imports and checks it succeeded.
    static func importing(_ sandbox: LoreSandbox, _ arguments: String...) throws -> LoreResult {
        let result = try sandbox.lore(["import"] + arguments)
        try #require(result.status == 0, "lore import \(arguments) failed: \(result)")
        return result
    }

    @Test(arguments: corpusCounts)
    func importsEachCorpus(corpus: String, layout: String, count: Int) throws {
        let sandbox = try Self.sandbox(copying: corpus)
        let before = try sandbox.log().count
        let result = try Self.importing(sandbox, "doc/adr")
        let summary = try Summary(result.stdout)
        #expect(summary.records == count && summary.new == count, "\(result)")
        #expect(summary.revised == 0 && summary.unchanged == 0)
        #expect(summary.layout == layout)
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result)")
        #expect(try sandbox.log().count - before == summary.events)
        #expect(try sandbox.list().count == count)
        // Warnings, one a line, go to stderr as `path: warning: …`.
        for line in result.stderrLines {
            #expect(line.firstMatch(of: /^doc\/adr\/[^:]+\.md: warning: \S/) != nil, "\(line)")
        }
        let json = try decode(
            Report.self, try sandbox.lore("import", "doc/adr", "--dry-run", "--json").stdout)
        #expect(json.warnings.map { "\($0.path): warning: \($0.message)" } == result.stderrLines)
        if layout != "adr-tools" {
            #expect(result.stdout.contains("; skipped doc/adr/"), "\(result)")
        }
        try sandbox.saveSchemaSample("import-\(layout)")
    }

    @Test func theMADRCorpusSaysWhatWasGuessed() throws {
        let sandbox = try Self.sandbox(copying: "adr__madr")
        let result = try Self.importing(sandbox, "doc/adr")
        // MADR's own records carry no status: each is recorded as proposed, and says so.
        #expect(
            result.stderrLines.contains(
                "doc/adr/0002-do-not-use-numbers-in-headings.md: warning: no status; recorded as proposed"),
            "\(result)")
        #expect(result.stdout.contains("skipped doc/adr/adr-template.md, doc/adr/index.md"), "\(result)")
    }

    @Test func dryRunWritesNothing() throws {
        let sandbox = try Self.sandbox(copying: "npryce__adr-tools")
        let before = try sandbox.logText()
        let result = try Self.importing(sandbox, "doc/adr", "--dry-run")
        #expect(result.stdout.hasPrefix("would import 9 records (adr-tools)"), "\(result)")
        #expect(try Summary(result.stdout).new == 9)
        #expect(try sandbox.logText() == before)
        #expect(try sandbox.list().isEmpty)
        let json = try decode(
            Report.self, try Self.importing(sandbox, "doc/adr", "--dry-run", "--json").stdout)
        #expect(json.dryRun && json.added.count == 9 && json.events > 9)
        #expect(try sandbox.logText() == before)
    }

    @Test func anUnreadableFileIsNamedAndTheRestImport() throws {
        let sandbox = try Self.sandbox(copying: "npryce__adr-tools")
        let file = sandbox.root.appendingPathComponent("doc/adr/0010-latin-1.md")
        try (Data("# 10. Caf".utf8) + Data([0xE9, 0xFF]) + Data("\n\n## Status\n\nAccepted\n".utf8)).write(
            to: file)
        let result = try Self.importing(sandbox, "doc/adr")
        #expect(
            result.stderrLines.contains("doc/adr/0010-latin-1.md: cannot read: not UTF-8 text"), "\(result)")
        #expect(try Summary(result.stdout).new == 9)
        #expect(try sandbox.list().count == 9)
    }

    @Test func jsonReportDecodes() throws {
        let sandbox = try Self.sandbox(copying: "thomvaill__log4brains")
        let result = try Self.importing(sandbox, "doc/adr", "--json")
        let report = try decode(Report.self, result.stdout)
        #expect(report.added.count == 9 && report.revised.isEmpty && report.unchanged.isEmpty)
        #expect(report.added.allSatisfy { $0.hasPrefix("doc/adr/2020") || $0.hasPrefix("doc/adr/2021") })
        #expect(!report.dryRun && report.events > 9)
        #expect(Set(report.skipped) == ["doc/adr/README.md", "doc/adr/index.md", "doc/adr/template.md"])
        #expect(result.stderr.isEmpty, "with --json the warnings are in the report: \(result)")
        #expect(try sandbox.list().count == 9)
    }

    @Test func reimportingAddsNothingAndAnEditIsARevision() throws {
        let sandbox = try Self.sandbox(copying: "npryce__adr-tools")
        _ = try Self.importing(sandbox, "doc/adr")
        let before = try sandbox.logText()
        let again = try Summary(try Self.importing(sandbox, "doc/adr").stdout)
        #expect(again.new == 0 && again.revised == 0 && again.unchanged == 9 && again.events == 0)
        #expect(try sandbox.logText() == before)

        let file = sandbox.root.appendingPathComponent("doc/adr/0002-implement-as-shell-scripts.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "## Consequences", with: "We also ship a Windows port.\n\n## Consequences")
        try #require(edited != text)
        try Data(edited.utf8).write(to: file)
        let revised = try Self.importing(sandbox, "doc/adr")
        let summary = try Summary(revised.stdout)
        #expect(summary.new == 0 && summary.revised == 1 && summary.unchanged == 8, "\(revised)")
        #expect(try sandbox.show("2").decision.hasSuffix("We also ship a Windows port."))
        #expect(try sandbox.show("2").revisions == 1)
        let json = try decode(Report.self, try sandbox.lore("import", "doc/adr", "--json").stdout)
        #expect(json.revised.isEmpty && json.unchanged.count == 9 && json.events == 0)
    }

    @Test func anAdrDirFileIsFollowed() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let project = sandbox.root.appendingPathComponent("project")
        try Self.copy("npryce__adr-tools", to: project.appendingPathComponent("docs/architecture"))
        try Data("docs/architecture\n".utf8).write(to: project.appendingPathComponent(".adr-dir"))
        let result = try Self.importing(sandbox, "project")
        #expect(try Summary(result.stdout).new == 9, "\(result)")
        #expect(result.stderrLines.contains("note: followed .adr-dir to docs/architecture"), "\(result)")
        #expect(try sandbox.list().count == 9)
    }

    @Test func aMissingFolderIsNamed() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.expectFailure(["import", "no-such-folder"], mentions: ["no-such-folder"])
    }

    @Test(arguments: [["notes.txt"], ["README.md", "notes.txt"], []])
    func aFolderWithNoRecordsIsRefused(files: [String]) throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let folder = sandbox.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in files { try Data("# Not a record\n".utf8).write(to: folder.appendingPathComponent(name)) }
        try sandbox.expectFailure(["import", "empty"], mentions: ["no decision records", "empty"])
    }

    @Test(arguments: corpusCounts)
    func exportMADRWritesEveryRecordWithItsDecision(corpus: String, layout: String, count: Int) throws {
        let sandbox = try Self.sandbox(copying: corpus)
        _ = try Self.importing(sandbox, "doc/adr")
        let result = try sandbox.lore("export", "out", "--format", "madr")
        #expect(result.status == 0 && result.stdout.hasPrefix("wrote \(count) records (madr)"), "\(result)")
        let out = sandbox.root.appendingPathComponent("out")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
            $0.hasSuffix(".md")
        }
        #expect(names.count == count)
        let texts = try names.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
        for listed in try sandbox.list() {
            let record = try sandbox.show("\(listed.number)")
            let file = texts.first { $0.contains("\n# \(record.title)\n") }
            #expect(file?.hasPrefix("---\n") == true, "no MADR file for '\(record.title)'")
            #expect(file?.contains(record.decision) == true, "'\(record.title)' lost its decision")
        }
    }

    @Test func exportAdrToolsGivesBackTheAdrToolsText() throws {
        let sandbox = try Self.sandbox(copying: "npryce__adr-tools")
        _ = try Self.importing(sandbox, "doc/adr")
        try sandbox.ok("export", "out", "--format", "adr-tools")
        let source = Self.corpora.appendingPathComponent("npryce__adr-tools")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where name.hasSuffix(".md") {
            let original = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            let exported = try String(
                contentsOf: sandbox.root.appendingPathComponent("out/\(name)"), encoding: .utf8)
            // Hand-edited files may have runs of blank lines, which are not kept.
            #expect(Self.collapsed(exported) == Self.collapsed(original), "\(name) differs")
        }
    }

    /// The text with runs of blank lines as one and a single final line break.
    static func collapsed(_ text: String) -> String {
        text.replacing(/\n{3,}/, with: "\n\n").trimmingCharacters(in: .newlines) + "\n"
    }

    @Test func exportTOCListsEveryRecord() throws {
        let sandbox = try Self.sandbox(copying: "adr__madr")
        _ = try Self.importing(sandbox, "doc/adr")
        let toc = try sandbox.ok("export", "toc")
        #expect(toc.hasPrefix("# Architecture Decision Records\n\n"), "\(toc)")
        let records = try sandbox.list()
        #expect(records.count == 19)
        let items = toc.split(separator: "\n").filter { $0.hasPrefix("* [") }
        #expect(items.count == records.count, "\(toc)")
        for record in records {
            #expect(toc.contains("* [\(record.number). \(record.title)]("), "\(record.title) missing")
        }
        #expect(toc.contains("(0013-use-yaml-front-matter-for-meta-data.md)"))
    }

    @Test func exportGraphHasOneNodePerRecord() throws {
        let sandbox = try Self.sandbox(copying: "npryce__adr-tools")
        _ = try Self.importing(sandbox, "doc/adr")
        let graph = try sandbox.ok("export", "graph")
        #expect(graph.hasPrefix("digraph {\n"), "\(graph)")
        #expect(graph.hasSuffix("}\n"))
        let nodes = graph.matches(of: /\n    _(\d+) \[label="/).map { Int($0.1) ?? -1 }
        let records = try sandbox.list()
        #expect(nodes == records.map(\.number), "\(graph)")
        #expect(nodes.count == 9)
        #expect(graph.contains("_9 -> _5 [label=\"Amends\", weight=0]"), "\(graph)")
    }
}
