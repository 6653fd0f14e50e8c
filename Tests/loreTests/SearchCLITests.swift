import Foundation
import Testing

/// `lore search` as a newcomer uses it: ranked answers, highlighted words, clear misses.
@Suite struct SearchCLITests {
    static func sandbox() throws -> LoreSandbox {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        _ = try sandbox.ok("component", "add", "billing")
        try sandbox.newADR(
            "Use Kafka for domain events",
            ["--decision", "Publish every domain event to Kafka.", "--tag", "events"])
        try sandbox.newADR(
            "Use RabbitMQ for task queues", ["--context", "Kafka was considered for queues but rejected."])
        try sandbox.newADR("Retry with idempotency keys", ["--component", "billing", "--status", "accepted"])
        return sandbox
    }

    @Test func rankedResultsWithPlainMarkersWhenPiped() throws {
        let sandbox = try Self.sandbox()
        // No record holds both words: records with some of them, the title hit first.
        let question = try sandbox.lore("search", "why", "kafka", "--format", "json")
        #expect(question.status == 0, "\(question)")
        #expect(question.stdout.contains("\"matched\" : \"some words\""), "\(question)")
        let gibberish = try sandbox.lore("search", "zzqx", "qqzx")
        #expect(gibberish.status == 1, "\(gibberish)")
        let kafka = try sandbox.lore("search", "kafka")
        #expect(kafka.status == 0, "\(kafka)")
        let lines = kafka.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ADR-0001") == true, "title hit first: \(kafka)")
        #expect(kafka.stdout.contains("**Kafka**"), "\(kafka)")
        #expect(!kafka.stdout.contains("\u{1B}["), "no colour in a pipe: \(kafka)")
    }

    @Test func colourOnATerminal() throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.inTerminal(["search", "kafka"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\u{1B}[1;33mKafka\u{1B}[0m"), "\(result)")
    }

    @Test func jsonCarriesTheSnippetAsFields() throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.lore("search", "idempotency", "--format", "json")
        #expect(result.status == 0, "\(result)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["number"] as? Int == 3)
        let parts = try #require(hits.first?["parts"] as? [[String: Any]])
        #expect(parts.contains { ($0["match"] as? Bool) == true && ($0["text"] as? String) == "idempotency" })
    }

    @Test func nothingMatchedExitsOneWithSuggestions() throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.lore("search", "kafak")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no records match 'kafak'"), "\(result)")
        #expect(result.stderr.contains("did you mean kafka"), "\(result)")
    }

    @Test func filtersFlagsExplainAndRaw() throws {
        let sandbox = try Self.sandbox()
        let filtered = try sandbox.lore("search", "--component", "billing", "--explain")
        #expect(
            filtered.status == 0 && filtered.stdout.contains("Retry with idempotency keys"), "\(filtered)")
        #expect(filtered.stderr.contains("explain:"), "\(filtered)")
        let explained = try sandbox.lore("search", "kafka", "-queues", "--explain")
        #expect(explained.stderr.contains(#"search_fts MATCH "kafka" NOT "queues""#), "\(explained)")
        #expect(
            explained.stdout.contains("ADR-0001") && !explained.stdout.contains("ADR-0002"), "\(explained)")
        let raw = try sandbox.lore("search", "--raw", "title:rabbitmq")
        #expect(raw.status == 0 && raw.stdout.contains("ADR-0002"), "\(raw)")
        let broken = try sandbox.expectFailure(
            ["search", "--raw", "\"open AND"], mentions: ["FTS5", "--raw"])
        #expect(broken.stderrLines.count == 1)
        _ = try sandbox.expectFailure(["search", "kafka", "--limit", "0"], status: 2, mentions: ["--limit"])
    }

    @Test(arguments: ["C++", "ADR-0042", "\"", "*", "NOT", "x OR", "🚀", "日本", "[x]", "50%", "don't"])
    func hostileQueriesAnswerWithoutErrors(_ query: String) throws {
        let sandbox = try Self.sandbox()
        let result = try sandbox.lore("search", query)
        #expect(result.status == 0 || result.status == 1, "\(result)")
        #expect(!result.stderr.contains("error"), "\(result)")
    }
}
