import Foundation
import Testing

/// A fresh temporary folder for one test: the working directory of every `lore` run, with
/// its own `LORE_HOME` (so keys never touch ~/.config) and `HOME` (so git config is not read).
/// The folder is removed when the sandbox goes away.
final class LoreSandbox {
    /// The temporary folder and working directory.
    let root: URL
    /// `$LORE_HOME`, inside `root`.
    let home: URL
    /// The author every event is recorded with.
    static let author = "Ada Tester <ada@example.com>"

    init() throws {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        root = base.appendingPathComponent("lore-e2e-\(UUID().uuidString.prefix(12))")
        home = root.appendingPathComponent("lore-home")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The `.lore` folder `lore init` creates in `root`.
    var storeFolder: URL { root.appendingPathComponent(".lore") }
    /// The SQLite file of the store in `root`.
    var database: URL { storeFolder.appendingPathComponent("lore.db") }

    /// The environment `lore` runs with: no `LORE_STORE`, no `VISUAL`, nothing from the caller's.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": root.path,
            "LORE_HOME": home.path,
            "LORE_AUTHOR": Self.author,
            "TMPDIR": root.appendingPathComponent("tmp").path,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "dumb",
        ]
    }

    /// Runs `lore` with these arguments, in `directory` (default: `root`), with extra environment.
    @discardableResult
    func lore(_ arguments: String..., in directory: URL? = nil, environment extra: [String: String] = [:])
        throws -> LoreResult
    {
        try lore(arguments, in: directory, environment: extra)
    }

    /// Runs `lore` with an argument array.
    @discardableResult
    func lore(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:])
        throws -> LoreResult
    {
        let result = try LoreRunner.run(
            LoreRunner.binary, arguments, in: directory ?? root,
            environment: environment.merging(extra) { $1 })
        for marker in LoreResult.crashMarkers {
            #expect(!result.stderr.contains(marker), "lore \(arguments) leaked '\(marker)': \(result)")
        }
        return result
    }

    /// Runs `lore` and records an issue unless it exits 0; returns its stdout.
    @discardableResult
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try lore(arguments)
        #expect(result.status == 0, "lore \(arguments) failed: \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Creates a store in `root`.
    func initStore(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try lore("init")
        try #require(result.status == 0, "lore init failed: \(result)", sourceLocation: sourceLocation)
    }

    /// Records an ADR with a decision and returns it as `adr new --format json` printed it.
    @discardableResult
    func newADR(_ title: String, _ more: [String] = [], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> ShownADR
    {
        let result = try lore(["adr", "new", title, "--json"] + more)
        try #require(result.status == 0, "adr new failed: \(result)", sourceLocation: sourceLocation)
        return try decode(ShownADR.self, result.stdout)
    }

    /// `lore adr show REF --format json`, decoded.
    func show(_ ref: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ShownADR {
        let result = try lore("adr", "show", ref, "--format", "json")
        try #require(result.status == 0, "adr show \(ref) failed: \(result)", sourceLocation: sourceLocation)
        return try decode(ShownADR.self, result.stdout)
    }

    /// `lore adr list --format json`, decoded.
    func list(_ more: String...) throws -> [ListedADR] {
        let result = try lore(["adr", "list", "--format", "json"] + more)
        try #require(result.status == 0, "adr list failed: \(result)")
        return try decode([ListedADR].self, result.stdout)
    }

    /// The exact text of `lore log --format json`.
    func logText(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try lore("log", "--format", "json")
        try #require(result.status == 0, "lore log failed: \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// `lore log --format json`, decoded.
    func log() throws -> [LoggedEvent] { try decode([LoggedEvent].self, try logText()) }

    /// Writes the log to `$LORE_SCHEMA_SAMPLES/e2e-<name>.json` when that variable is set,
    /// so `scripts/check-schemas` validates every event the CLI wrote.
    func saveSchemaSample(_ name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["LORE_SCHEMA_SAMPLES"], !folder.isEmpty else {
            return
        }
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(try logText().utf8).write(to: directory.appendingPathComponent("e2e-\(name).json"))
    }

    /// Writes an executable shell script into `root` and returns its path.
    func script(_ name: String, _ body: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    /// Runs `/usr/bin/sqlite3` on the store's database.
    @discardableResult
    func sqlite(_ sql: String) throws -> LoreResult {
        try LoreRunner.run(
            URL(fileURLWithPath: "/usr/bin/sqlite3"), [database.path, sql], in: root, environment: environment
        )
    }
}

/// Decodes JSON text printed by `lore`.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}
