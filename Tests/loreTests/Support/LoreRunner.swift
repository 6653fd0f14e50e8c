import Foundation
import Testing

/// What one run of `lore` printed and how it exited.
struct LoreResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The non-empty lines of stderr.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `lore` binary and other programs with `Process`, never through a shell.
enum LoreRunner {
    /// The built `lore` executable: next to the test bundle, else the newest `.build*/debug/lore`.
    static let binary: URL = locate()

    /// The repository root: this file is `Tests/loreTests/Support/LoreRunner.swift`.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `/work/shared/fixtures`: `shared` is a sibling of the repository root.
    static let fixtures = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    /// Runs `executable` with exactly these arguments and environment, stdin at /dev/null.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
        stdin: FileHandle = .nullDevice
    ) throws -> LoreResult {
        let io = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lore-e2e-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: io) }
        let outURL = io.appendingPathComponent("out")
        let errURL = io.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return LoreResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    private static func locate() -> URL {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["LORE_BINARY"], fm.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let bundle = Bundle.main.bundleURL
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [
            bundle, bundle.deletingLastPathComponent(), executable.deletingLastPathComponent(),
        ]
        // On macOS the runner sits inside `X.xctest/Contents/MacOS`.
        candidates += Bundle.allBundles.filter { $0.bundleURL.pathExtension == "xctest" }
            .map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let lore = folder.appendingPathComponent("lore")
            if fm.isExecutableFile(atPath: lore.path) { return lore }
        }
        // Fall back to the newest `.build*/debug/lore` under the repository.
        let scratch = (try? fm.contentsOfDirectory(atPath: repoRoot.path)) ?? []
        let built = scratch.filter { $0.hasPrefix(".build") }
            .map { repoRoot.appendingPathComponent($0).appendingPathComponent("debug/lore") }
            .filter { fm.isExecutableFile(atPath: $0.path) }
        let newest = built.max { modified($0) < modified($1) }
        return newest ?? repoRoot.appendingPathComponent(".build/debug/lore")
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date)
            ?? .distantPast
    }
}
