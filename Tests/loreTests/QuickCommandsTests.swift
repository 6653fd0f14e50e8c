import ArgumentParser
import Testing

@testable import lore

/// The quick reading of `lore adr new` must read every line it accepts exactly as the parser
/// does, and leave every other line to the parser.
@Suite struct QuickCommandsTests {
    /// Arguments a user might type after `lore adr new`, plain and not: one option of each
    /// kind (single, repeatable, choice, the one that makes a title optional, the shared one),
    /// the flag, and what the quick reading must leave to the parser.
    static let vocabulary = [
        "--context", "--tag", "--status", "--file", "--store", "--json", "--help", "-h", "--", "--tag=db",
        "--bogus", "--version", "--generate-completion-script", "help", "Use Postgres", "", "accepted",
        "nope",
        "-x",
    ]
    /// Every option with a value, for longer lines.
    static let options = ADRNewRequest.quickOptions.sorted().map { "--" + $0 }
    static let values = [
        "Use Postgres", "", "accepted", "Proposed", "nope", "2026-01-02", "12", "-x", "--json", "-", "---x",
        "\u{2013}x", "-\u{301}x",
    ]
    static let titles = ["Use Postgres", "", "help", "12"]

    /// Compares both readings of `arguments`; returns whether the quick one accepted it.
    func compare(_ arguments: [String]) throws -> Bool {
        let line = ["adr", "new"] + arguments
        guard let quick = QuickCommands.command(for: line) else { return false }
        let request = try #require(quick as? ADRNewRequest)
        let parsed = try #require(
            try? Lore.parseAsRoot(line) as? Lore.ADR.ADRNew, "quick read \(arguments), the parser refuses it")
        #expect(parsed.request == request, "\(arguments)")
        return true
    }

    @Test func everyLineOfUpToThreeArgumentsReadsAsTheParserReadsIt() throws {
        var lines: [[String]] = [[]]
        var accepted = 0
        for _ in 1...3 {
            lines = lines.flatMap { line in Self.vocabulary.map { line + [$0] } }
            for line in lines where try compare(line) { accepted += 1 }
        }
        // Not vacuous: lines such as `"Use Postgres" --json` or `--file accepted` run quick.
        #expect(accepted > 200)
    }

    @Test func longerLinesReadAsTheParserReadsThem() throws {
        var accepted = 0
        var state: UInt64 = 1
        func pick<T>(_ choices: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return choices[Int((state >> 33) % UInt64(choices.count))]
        }
        for _ in 0..<2_000 {
            // Mostly a title and `--option value` pairs, now and then anything at all.
            var line = pick([true, true, true, false]) ? [pick(Self.titles)] : []
            for _ in 0..<pick([1, 2, 3, 4]) {
                switch pick([0, 0, 0, 0, 0, 0, 1, 2]) {
                case 0: line += [pick(Self.options), pick(Self.values)]
                case 1: line.append(pick(Self.values))
                default: line.append(pick(Self.vocabulary))
                }
            }
            if try compare(line) { accepted += 1 }
        }
        let typical = [
            "Use Postgres", "--component", "billing", "--tag", "db", "--tag", "ops", "--status", "Accepted",
        ]
        #expect(try compare(typical))
        #expect(accepted > 300)
    }

    @Test func theQuickReadingKnowsEveryNameTheCommandTakes() {
        let help = Lore.ADR.ADRNew.helpMessage(columns: 200)
        let names = Set(help.matches(of: /--([a-z-]+)/).map { String($0.1) })
        #expect(names == ADRNewRequest.quickOptions.union(ADRNewRequest.quickFlags).union(["help"]))
    }

    @Test func otherCommandsAreLeftToTheParser() {
        #expect(QuickCommands.command(for: ["adr", "list"]) == nil)
        #expect(QuickCommands.command(for: ["adr"]) == nil)
        #expect(QuickCommands.command(for: ["new", "adr", "Use Postgres"]) == nil)
        #expect(QuickCommands.command(for: ["adr", "new", "--help"]) == nil)
    }
}
