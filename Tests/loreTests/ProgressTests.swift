import Foundation
import Testing

/// Long work shows a progress bar on a terminal once it has taken a second; quick work and
/// piped output show none.
@Suite struct ProgressTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/adr-corpora/npryce__adr-tools")

    @Test func pipedOutputShowsNoProgress() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let piped = try sandbox.lore("import", Self.fixture.path)
        #expect(piped.status == 0, "\(piped)")
        #expect(!piped.stderr.contains("importing") && !piped.stderr.contains("\r"), "\(piped)")
        let rebuilt = try sandbox.lore("rebuild")
        #expect(rebuilt.status == 0 && !rebuilt.stderr.contains("rebuilding"), "\(rebuilt)")
    }

    @Test func quickWorkOnATerminalShowsNoBar() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.ok("import", Self.fixture.path)
        let terminal = try sandbox.inTerminal(["rebuild"], environment: ["TERM": "xterm-256color"])
        #expect(terminal.status == 0, "\(terminal)")
        #expect(terminal.stdout.contains("rebuilt projections"), "\(terminal)")
        #expect(!terminal.stdout.contains("rebuilding") && !terminal.stdout.contains("\u{1B}"), "\(terminal)")
    }

    /// An import of 1,500 records takes the debug build a good part of a second; the bar is
    /// asked for after 0.1 s (`LORE_PROGRESS_DELAY`) so the test does not depend on how fast
    /// lore has become.
    @Test(arguments: ["xterm-256color", "dumb"])
    func longWorkShowsABarWithRateAndETAAndClearsIt(term: String) throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let folder = sandbox.root.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 1...1500 {
            let text = """
                # \(number). Decision \(number)

                Date: 2024-01-01

                ## Status

                Accepted

                ## Context

                Context \(number).

                ## Decision

                We do \(number).

                ## Consequences

                Some.

                """
            try Data(text.utf8).write(
                to: folder.appendingPathComponent(String(format: "%04d-decision.md", number)))
        }
        let started = Date()
        let result = try sandbox.inTerminal(
            ["import", folder.path],
            environment: ["TERM": term, "COLUMNS": "100", "LORE_PROGRESS_DELAY": "0.1"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result)")

        // The terminal turns "\n" into "\r\n"; every other "\r" starts a redraw or the clearing.
        let segments = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\r", omittingEmptySubsequences: false).map(String.init)
        let erase = term == "dumb" ? "" : "\u{1B}[K"
        let bars = segments.filter { $0.hasPrefix("importing [") }
            .map { String($0.dropLast(erase.count)).trimmingCharacters(in: .whitespaces) }
        #expect(!bars.isEmpty, "no bar in \(elapsed)s: \(result)")
        #expect(bars.allSatisfy { $0.count < 100 }, "a bar is wider than the terminal: \(bars)")
        // `importing [====>     ]  40%  600/1,500 records  420 records/s  ETA 0:03`
        let form = try Regex(
            #"importing \[[=> ]+\] +(\d+)%  ([\d,]+)/1,500 records(  [\d.,]+ records/s  ETA \d+:\d\d)?"#)
        let matches = bars.compactMap { try? form.wholeMatch(in: $0) }
        #expect(matches.count == bars.count, "badly formed: \(bars)")
        #expect(bars.contains { $0.contains("records/s  ETA ") }, "no rate and ETA: \(bars)")
        let counts = matches.compactMap {
            Int(($0.output[2].substring ?? "").replacingOccurrences(of: ",", with: ""))
        }
        #expect(counts == counts.sorted() && counts.allSatisfy { $0 < 1500 }, "\(bars)")
        // None before the delay, then at most ten a second.
        #expect(Double(bars.count) <= max(0, elapsed - 0.1) * 10 + 1, "\(bars.count) draws in \(elapsed)s")
        #expect(term == "dumb" ? !result.stdout.contains("\u{1B}") : true, "escape codes on a dumb terminal")

        // Cleared before the result: the last bar is blanked and the result starts the line.
        let last = try #require(segments.last)
        if term == "dumb" {
            let blank = segments.dropLast().last ?? ""
            #expect(
                blank.allSatisfy { $0 == " " } && blank.count >= (bars.last?.count ?? 0),
                "\(segments.suffix(3))")
            #expect(last.hasPrefix("imported 1500 records"), "\(segments.suffix(3))")
        } else {
            #expect(last.hasPrefix("\u{1B}[Kimported 1500 records"), "\(segments.suffix(3))")
        }
    }
}
