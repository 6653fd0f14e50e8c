import Foundation
import Testing

extension LoreResult {
    /// Text that must never reach a user: raw SQLite errors, Swift traps, stack traces.
    static let crashMarkers = ["SQLite error", "Fatal error", "Program crashed", "Stack dump", "Backtrace"]
}

extension LoreSandbox {
    /// Runs a command that must fail and checks how: the exit status, nothing on stdout, a
    /// message on stderr naming each of `mentions` (one line for errors, exit 1; usage errors,
    /// exit 2, print the message on the first line and usage after it), and an unchanged log.
    @discardableResult
    func expectFailure(
        _ arguments: [String], status: Int32 = 1, mentions: [String], environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> LoreResult {
        let hasStore = FileManager.default.fileExists(atPath: database.path)
        let before = hasStore ? try logText() : ""
        let result = try lore(arguments, environment: environment)
        #expect(result.status == status, "lore \(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(
            result.stdout.isEmpty, "lore \(arguments) printed to stdout: \(result)",
            sourceLocation: sourceLocation)
        let lines = result.stderrLines
        if status == 1 {
            #expect(
                lines.count == 1, "expected one line on stderr: \(result)", sourceLocation: sourceLocation)
            #expect(
                lines.first?.hasPrefix("lore: error: ") == true, "expected `lore: error:`: \(result)",
                sourceLocation: sourceLocation)
        }
        if status == 2 {
            #expect(
                result.stderr.contains("Usage:"), "expected usage after the message: \(result)",
                sourceLocation: sourceLocation)
        }
        for text in mentions {
            #expect(
                lines.first?.contains(text) == true, "stderr does not mention '\(text)': \(result)",
                sourceLocation: sourceLocation)
        }
        if hasStore {
            #expect(
                try logText() == before, "lore \(arguments) changed the log", sourceLocation: sourceLocation)
        }
        return result
    }
}
