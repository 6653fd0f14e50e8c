import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import LoreKit

/// Search over a real store: ranking, liveness, folding, fallbacks, suggestions, filters,
/// and an index that stays in step with the log.
@Suite struct StoreSearchTests {
    static func titles(_ results: SearchResults) -> [String] { results.hits.map(\.title) }

    @Test func aTitleHitBeatsABodyHit() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Retry policy for payments", context: "Nothing about queues."),
            ADRDraft(
                title: "Use RabbitMQ", context: "We need a queue.", consequences: "Kafka was considered."),
            ADRDraft(title: "Use Kafka for events", context: "Many consumers."),
        ])
        defer { TestStore.cleanUp(folder) }
        #expect(Self.titles(try store.search("kafka")) == ["Use Kafka for events", "Use RabbitMQ"])
    }

    @Test func liveRecordsRankAboveSupersededOnesWhichStayVisibleAndMarked() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use Kafka for events"),
            ADRDraft(title: "Events go to a queue", context: "We publish events with Kafka."),
        ])
        defer { TestStore.cleanUp(folder) }
        try store.supersedeADR("1", by: "2")
        let hits = try store.search("kafka").hits
        #expect(hits.map(\.number) == [2, 1])
        #expect(hits.map(\.live) == [true, false])
        #expect(hits[1].status == "superseded")
    }

    @Test func caseAndDiacriticsFoldPrefixesMatchAndThereIsNoStemming() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Café ordering service", decision: "Publish news to subscribers."),
            ADRDraft(title: "New billing engine"),
        ])
        defer { TestStore.cleanUp(folder) }
        #expect(Self.titles(try store.search("cafe")) == ["Café ordering service"])
        #expect(Self.titles(try store.search("CAFÉ")) == ["Café ordering service"])
        #expect(Self.titles(try store.search("subscrib*")) == ["Café ordering service"])
        #expect(Self.titles(try store.search("news")) == ["Café ordering service"])
        #expect(Self.titles(try store.search("new")) == ["New billing engine"])
    }

    @Test func substringsAndTextWithoutSpacesFallBackToTrigrams() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use HttpClientFactory everywhere"),
            ADRDraft(title: "データベース移行の方針", decision: "段階的に移行する"),
        ])
        defer { TestStore.cleanUp(folder) }
        let identifier = try store.search("ClientFact")
        #expect(Self.titles(identifier) == ["Use HttpClientFactory everywhere"])
        #expect(identifier.hits.first?.matched == "substring")
        #expect(Self.titles(try store.search("移行")) == ["データベース移行の方針"])
        #expect(Self.titles(try store.search("データベース")) == ["データベース移行の方針"])
    }

    @Test func anExactReferenceComesFirst() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Mentions ADR 2 in passing", context: "See 2 for details; ADR-2 too."),
            ADRDraft(title: "The second record"),
        ])
        defer { TestStore.cleanUp(folder) }
        for reference in ["ADR-2", "2", "adr 2", "0002"] {
            let hits = try store.search(reference).hits
            #expect(hits.first?.title == "The second record", "\(reference)")
            #expect(hits.first?.matched == "reference")
        }
        let id = try store.adr("2").id
        #expect(try store.search(id).hits.first?.title == "The second record")
    }

    @Test func aReferencedRecordIsAnAnswerSoTheQueryIsNotWidened() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Write an ADR for every choice"), ADRDraft(title: "The second record"),
        ])
        defer { TestStore.cleanUp(folder) }
        let referenced = try store.search("ADR-2")
        #expect(referenced.hits.map(\.title) == ["The second record"])
        #expect(referenced.explain.allSatisfy { !$0.hasPrefix("no record has every word") })
        #expect(referenced.explain.allSatisfy { !$0.hasPrefix("search_trigram") })
        // No such record: the words are all there is, and some of them match.
        let unreferenced = try store.search("ADR-9")
        #expect(unreferenced.hits.map(\.title) == ["Write an ADR for every choice"])
        #expect(unreferenced.hits.map(\.matched) == ["some words"])
    }

    @Test func wordsThatMatchNothingGetCloseSuggestionsWithoutRewritingTheQuery() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use Kafka for events"), ADRDraft(title: "Kafka retention"),
            ADRDraft(title: "Kanban board"),
        ])
        defer { TestStore.cleanUp(folder) }
        let results = try store.search("kafak")
        #expect(results.hits.isEmpty)
        #expect(results.suggestions["kafak"]?.first == "kafka")
        #expect(try store.search("kafka").suggestions.isEmpty)
    }

    @Test func filtersBecomeConditions() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(
                title: "Billing uses Postgres", status: "accepted", date: "2024-01-10", tags: ["db"],
                components: ["billing"]),
            ADRDraft(title: "Search uses Postgres", date: "2024-03-10", tags: ["db"], components: ["search"]),
            ADRDraft(
                title: "Billing retries", status: "accepted", date: "2024-05-01", components: ["billing"]),
        ])
        defer { TestStore.cleanUp(folder) }
        #expect(Self.titles(try store.search("postgres component:billing")) == ["Billing uses Postgres"])
        #expect(Self.titles(try store.search("postgres status:proposed")) == ["Search uses Postgres"])
        #expect(Self.titles(try store.search("tag:db after:2024-02-01")) == ["Search uses Postgres"])
        #expect(Self.titles(try store.search("billing before:2024-02-01")) == ["Billing uses Postgres"])
        var options = SearchOptions()
        options.filters.components = ["billing"]
        #expect(
            try store.search("", options: options).hits.contains {
                $0.type == "component" && $0.id == "billing"
            })
        options.filters.types = ["adr"]
        #expect(
            Self.titles(try store.search("", options: options)).sorted() == [
                "Billing retries", "Billing uses Postgres",
            ])
        #expect(try store.search("postgres author:nobody").hits.isEmpty)
        // Component and tag names compare without ASCII case, as Search.md says.
        #expect(Self.titles(try store.search("postgres component:BILLING")) == ["Billing uses Postgres"])
        #expect(Self.titles(try store.search("tag:DB after:2024-02-01")) == ["Search uses Postgres"])
    }

    @Test func theIndexFollowsRevisionsRebuildsAndImports() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use Kafka", decision: "Zookeeper for all events.")
        ])
        defer { TestStore.cleanUp(folder) }
        #expect(Self.titles(try store.search("zookeeper")) == ["Use Kafka"])
        var changes = ADRChanges()
        changes.decision = "Pulsar for all events."
        try store.reviseADR("1", changes)
        #expect(try store.search("zookeeper").hits.isEmpty)
        #expect(try store.search("pulsar").hits.first?.snippet.contains("Pulsar") == true)
        #expect(Self.titles(try store.search("pulsar")) == ["Use Kafka"])
        try store.rebuild()
        #expect(Self.titles(try store.search("pulsar")) == ["Use Kafka"])
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/adr-corpora/npryce__adr-tools")
        _ = try store.importADRs(from: fixtures)
        #expect(try store.search("help scripts").hits.first?.title == "Help scripts")
        let check = try store.checkProjections()
        #expect(check.matches && check.indexIntact)
    }

    @Test func rawQueriesPassThroughAndTheirErrorsAreMessages() throws {
        let (store, folder) = try TestStore.make(recording: [ADRDraft(title: "Use Kafka for events")])
        defer { TestStore.cleanUp(folder) }
        #expect(
            Self.titles(try store.search("title:kafka", options: SearchOptions(raw: true))) == [
                "Use Kafka for events"
            ])
        #expect(throws: SearchError.self) {
            try store.search("\"unterminated AND", options: SearchOptions(raw: true))
        }
    }

    @Test(arguments: [
        "C++", "ADR-0042", "2024-03-14", "don't", "v1.2", "@team", "50%", "[x]", "\"", "*", "NOT", "x OR",
        "🚀",
        "日本", "a AND AND b", "-", "\"\"", "NEAR(a b)", "title:x", "^x", "{a b}", "\\", "'", "(", "OR",
        "AND NOT",
    ])
    func hostileInputNeverFails(_ input: String) throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use C++ and ADR-0042 for @team at 50% [x] 🚀")
        ])
        defer { TestStore.cleanUp(folder) }
        _ = try store.search(input)
    }

    @Test func notesAndComponentsAreSearchedTooAndRetractedNotesRankBelow() throws {
        let (store, folder) = try TestStore.make(recording: [ADRDraft(title: "Use Kafka for billing events")])
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing", description: "Invoices and the ledger", system: "payments")
        let runbook = try store.addNote(
            NoteDraft(title: "Restart the billing consumers", kind: "runbook", body: "Drain Kafka lag first.")
        )
        let old = try store.addNote(NoteDraft(title: "Old Kafka runbook", kind: "runbook", body: "Obsolete."))
        try store.retractNote(old.id, reason: "replaced")
        let kafka = try store.search("kafka").hits
        #expect(kafka.map(\.type) == ["adr", "note", "note"])
        #expect(kafka.last?.live == false && kafka.last?.status == "retracted")
        #expect(try store.search("ledger").hits.map(\.id) == ["billing"])
        #expect(try store.search("kafka type:note").hits.first?.id == runbook.id)
        #expect(try store.checkProjections().matches)
        try store.rebuild()
        #expect(try store.search("kafka").hits.map(\.type) == ["adr", "note", "note"])
    }

    /// A search leaves the connection's compiled statements valid for the next one (GRDB's
    /// read-only access sets `PRAGMA query_only`, which expires them all).
    @Test func searchesDoNotRecompileTheirStatements() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use HttpClientFactory everywhere"), ADRDraft(title: "Host the cache in Zürich"),
        ])
        defer { TestStore.cleanUp(folder) }
        // A piece outside ASCII is compared through lore's own case-folding function, which
        // is defined once per connection: defining it again expires every prepared statement.
        for query in ["ClientFact", "ÜRICH", "ÜRICH", "ClientFact"] {
            #expect(try store.search(query).hits.count == 1)
        }
        let recompiled = try store.read { db in
            // The substring search reads the newest document's rowid with this statement.
            let statement = try db.cachedStatement(sql: "SELECT coalesce(max(doc), 0) FROM search_docs")
            return sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0)
        }
        #expect(recompiled == 0)
    }

    /// A dry-run import rolls back everything it wrote, the search projection's scratch table
    /// included; the next write on the same connection still indexes what it records.
    @Test func aWriteAfterADryRunIsStillIndexed() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let records = folder.appendingPathComponent("doc/adr")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        try Data("# 1. Use Quokka queues\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n".utf8)
            .write(to: records.appendingPathComponent("0001-use-quokka-queues.md"))
        _ = try store.importADRs(from: records, dryRun: true)
        #expect(try store.search("quokka").hits.isEmpty)
        try store.recordADR(ADRDraft(title: "Adopt Zanzibar permissions"))
        #expect(try store.search("zanzibar").hits.map(\.title) == ["Adopt Zanzibar permissions"])
        _ = try store.importADRs(from: records)
        #expect(try store.search("quokka").hits.count == 1)
    }
}
