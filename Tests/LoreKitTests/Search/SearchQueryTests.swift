import GRDB
import Testing

@testable import LoreKit

/// What people type into a search box when they are not being careful, or are being mean.
private let hostileInputs: [String] = [
    "C++", "ADR-0042", "2024-03-14", "don't", "v1.2", "@team", "50%", "[x]", "\"", "*", "NOT", "x OR",
    "OR x", "AND", "OR", "a AND AND b", "a OR OR b", "NOT NOT", "x NOT", "-", "--", "-\"", "\"\"", "\" \"",
    "\"\"\"", "\"\"*", "\"a\"\"b\"", "***", "a**", "\"a\"**", "-*", "NEAR(a b)", "NEAR(a b, 2)", "a:b",
    "col:value", "title:foo", "^start", "a ^b", "{a b}", "{a b}:c", "a + b", "a - b", "🚀", "🚀*",
    "👩🏽‍💻 deploy", "日本語", "データベース 移行", "café", "naïve résumé", "ⓐ", "kafka ⓐ", "ᦰ", "kafka ᦰ",
    "why kafka not rabbitmq", "billing database", "who decided retries", "(unbalanced", "a) b (", "((((",
    "\\", "'", "\u{0}", "a\u{0}b", "\"a\u{0}b\"", "tag:\"a\u{0}b\"", "\t\n\r\n", "kafka\tOR\nrabbit",
    "\u{200B}", "\u{FEFF}kafka", "%_", "'; DROP TABLE t; --", "\"kafka\" OR", "OR \"\" OR", "a OR 🚀",
    "-\"vendor lock", "NOT status:draft", "-tag:db", "tag:", "tag:\"\"", "after:", "after:2024-13-01",
    "before:99999", "http://x", "10:30", "foo:\"bar baz\"", "type:\"", "status:\"accepted",
    String(repeating: "deploy ", count: 5_000),
    (0..<5_000).map { "w\($0)" }.joined(separator: " "),
    (0..<2_000).map { "w\($0)" }.joined(separator: " OR "),
    (0..<2_000).map { "-w\($0)" }.joined(separator: " "),
    String(repeating: "a", count: 10_000),
    String(repeating: "\"", count: 10_001),
    String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000),
    String(repeating: "NOT ", count: 1_000) + "x",
]

/// Inputs and the exact `match` and `exclude` they give, in the canonical spelling: an
/// explicit AND, each OR chain in parentheses.
private let expressionCases: [(input: String, match: String?, exclude: String?)] = [
    ("why kafka not rabbitmq", "\"why\" AND \"kafka\" AND \"not\" AND \"rabbitmq\"", nil),
    ("kafka -rabbitmq", "\"kafka\"", "\"rabbitmq\""),
    ("kafka OR rabbit*", "(\"kafka\" OR \"rabbit\"*)", nil),
    ("x y OR z", "\"x\" AND (\"y\" OR \"z\")", nil),
    ("a OR b OR c d", "(\"a\" OR \"b\" OR \"c\") AND \"d\"", nil),
    ("a OR b c OR d", "(\"a\" OR \"b\") AND (\"c\" OR \"d\")", nil),
    ("a AND b", "\"a\" AND \"b\"", nil),
    ("and or not", "\"and\" AND \"or\" AND \"not\"", nil),
    ("\"billing database\" retries", "\"billing database\" AND \"retries\"", nil),
    ("\"event sour\"*", "\"event sour\"*", nil),
    ("\"runs to the end", "\"runs to the end\"", nil),
    ("rabbit**", "\"rabbit\"*", nil),
    ("-\"vendor lock\" kafka", "\"kafka\"", "\"vendor lock\""),
    ("kafka NOT rabbitmq NOT celery -rabbitmq", "\"kafka\"", "\"rabbitmq\" OR \"celery\""),
    ("a OR -b", "\"a\"", "\"b\""),
    ("NOT NOT x", nil, "\"x\""),
    ("x OR", "\"x\"", nil),
    ("OR x", "\"x\"", nil),
    ("a AND AND b", "\"a\" AND \"b\"", nil),
    ("NOT", nil, nil),
    ("kafka kafka", "\"kafka\"", nil),
    ("a 🚀 OR b", "\"a\" AND \"b\"", nil),
    ("👩🏽‍💻 deploy", "\"deploy\"", nil),
    ("C++", "\"C++\"", nil),
    ("don't", "\"don't\"", nil),
    ("foo\"bar", "\"foo\"\"bar\"", nil),
    ("NEAR(a b)", "\"NEAR(a\" AND \"b)\"", nil),
    ("title:foo http://x 10:30", "\"title:foo\" AND \"http://x\" AND \"10:30\"", nil),
    ("^start {a b} a + b", "\"^start\" AND \"{a\" AND \"b}\" AND \"a\" AND \"b\"", nil),
    ("--force", "\"--force\"", nil),
    ("x\u{0}y", "\"x\" AND \"y\"", nil),
    ("\"a\u{0}b\"", "\"a b\"", nil),
    ("kafka ᦰ ⓐ", "\"kafka\"", nil),
    ("🚀 * \" - -- \"\" ***", nil, nil),
]

/// Inputs and the `words` and `text` they give.
private let wordsAndTextCases: [(input: String, words: [String], text: String)] = [
    ("don't ADR-0042 Café", ["don", "t", "adr", "0042", "café"], "don't ADR-0042 Café"),
    ("\"billing database\" rabbit* -celery", ["billing", "database", "rabbit"], "billing database rabbit"),
    ("kafka OR Kafka NOT x status:accepted", ["kafka"], "kafka Kafka"),
    ("50 % 🚀 *** \"", ["50"], "50 % 🚀 *** \""),
    ("データベース 移行 naïve", ["データベース", "移行", "naïve"], "データベース 移行 naïve"),
    ("  a\t\tb  ", ["a", "b"], "a b"),
]

/// Inputs and the rows of ``FTSTable`` they find.
private let rowCases: [(input: String, rows: [Int64])] = [
    ("billing database", [2, 5]),
    ("\"billing database\"", [2]),  // a phrase needs the words adjacent and in order
    ("\"database billing\"", []),
    ("retries", [2]),
    ("retr*", [2, 5]),  // a prefix matches longer words
    ("\"billing data\"*", [2]),
    ("billing -postgres", [5]),  // an exclusion removes rows
    ("database NOT events", [2]),
    ("-kafka", [2, 3, 4, 5]),
    ("kafka", [1]),
    ("kafka OR postgres", [1, 2]),  // OR widens
    ("kafka postgres", []),
    ("cafe", [3]), ("CAFÉ", [3]), ("naive resume", [3]),
    ("日本語", [3]), ("データベース 移行", [3]),
    ("C++ don't v1.2 50% @team", [4]),
    ("kafka ᦰ", [1]), ("kafka ⓐ", [1]),
    ("why kafka not rabbitmq", [1]),
]

@Suite struct SearchQueryTests {
    @Test(arguments: hostileInputs)
    func hostileInputParsesIntoExpressionsFTS5Accepts(_ input: String) throws {
        let query = SearchQuery.parse(input)
        let table = try FTSTable()
        for expression in [query.match, query.exclude, query.expression].compactMap({ $0 }) {
            #expect(throws: Never.self) { try table.rowids(expression) }
            #expect(onlyQuotedTokens(expression), "bare FTS5 syntax in \(expression.prefix(200))")
        }
        #expect(query.match != "" && query.exclude != "")
        #expect(query.words.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
        #expect(query.words.allSatisfy { $0.allSatisfy(SearchTerm.isWordCharacter) })
        #expect(!query.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(query.match != nil || query.words.isEmpty)
    }

    @Test func randomInputsNeverProduceAnExpressionFTS5Rejects() throws {
        let pieces = [
            "a", "Z", "é", "e\u{301}", "日", "1", "\"", "\"", "*", "-", "(", ")", ":", " ", " ", "\t", "\u{0}",
            "OR", "AND", "NOT", "NEAR", "^", "+", "{", "}", "🚀", "ⓐ", "ᦰ", "status:", "after:", "'", "\\",
            "%",
        ]
        var random = SplitMix(seed: 42)
        let table = try FTSTable()
        for _ in 0..<2_000 {
            let input = (0..<random.next(below: 24)).map { _ in pieces[random.next(below: pieces.count)] }
                .joined()
            let query = SearchQuery.parse(input)
            for expression in [query.match, query.exclude, query.expression].compactMap({ $0 }) {
                #expect(throws: Never.self, "\(input.debugDescription)") { try table.rowids(expression) }
                #expect(onlyQuotedTokens(expression), "\(input.debugDescription) → \(expression)")
            }
        }
    }

    @Test(arguments: expressionCases)
    func exactExpressions(_ input: String, match: String?, exclude: String?) {
        let query = SearchQuery.parse(input)
        #expect(query.match == match)
        #expect(query.exclude == exclude)
    }

    @Test(arguments: wordsAndTextCases)
    func wordsAndText(_ input: String, words: [String], text: String) {
        let query = SearchQuery.parse(input)
        #expect(query.words == words)
        #expect(query.text == text)
    }

    @Test func filtersComeOutOfTheText() {
        let query = SearchQuery.parse("status:accepted component:\"billing api\" retries")
        #expect(query.filters == SearchFilters(statuses: ["accepted"], components: ["billing api"]))
        #expect(query.match == "\"retries\"")
        #expect(query.text == "retries")
        #expect(query.words == ["retries"])
    }

    @Test func filterKeysIgnoreCaseAndRepeatsAccumulate() {
        let query = SearchQuery.parse(
            "TYPE:adr Type:note tag:db tag:api tag:DB Author:ada AUTHOR:\"Grace H\"")
        #expect(query.filters.types == ["adr", "note"])
        #expect(query.filters.tags == ["db", "api"])
        #expect(query.filters.authors == ["ada", "Grace H"])
        #expect(query.match == nil && query.text.isEmpty)
    }

    @Test(arguments: [
        "tag:", "tag:\"\"", "tag:\" \"", "after:", "after:2024-13-01", "after:2023-02-29", "after:2024-00",
        "before:24-01-01", "before:2024-01-001", "after:yesterday", "after:2024-1-", "before:+2024",
        "-tag:db", "NOT status:draft", "after:２０２４",
    ])
    func unusableFiltersAreDroppedEntirely(_ input: String) {
        let query = SearchQuery.parse(input)
        #expect(query.filters.isEmpty)
        #expect(query.match == nil && query.exclude == nil && query.text.isEmpty)
    }

    @Test(arguments: [
        ("after:2024-02-29", "2024-02-29"), ("after:2024-03", "2024-03-01"), ("after:2024", "2024-01-01"),
        ("after:2024-3-1", "2024-03-01"), ("after:2023 after:2024-06 after:bad", "2024-06-01"),
    ])
    func afterDatesNormalizeAndTheLatestWins(_ input: String, after: String) {
        #expect(SearchQuery.parse(input).filters.after == after)
    }

    @Test func beforeDatesKeepTheEarliest() {
        #expect(
            SearchQuery.parse("before:2025 before:2024-04-01 before:2024-13").filters.before == "2024-04-01")
    }

    @Test(arguments: ["foo:bar", "a:b", "http://x", "10:30", "types:adr", "tags:db"])
    func unknownKeysAreText(_ input: String) {
        let query = SearchQuery.parse(input)
        #expect(query.filters.isEmpty)
        #expect(query.match == "\"\(input)\"")
    }

    @Test func unterminatedFilterValueRunsToTheEnd() {
        #expect(SearchQuery.parse("component:\"billing api").filters.components == ["billing api"])
    }

    @Test(arguments: [
        "ADR-12", "adr 12", "adr-0012", "Adr_12", "#12", "12", "0012", "1b4e", "1B4E", "1b4eb7ea",
        "1b4eb7ea-538a", "1b4eb7ea-538a-4c2e-9d3f-0123456789ab", "  ADR-12\n",
    ])
    func referencesAreRecognized(_ input: String) {
        let query = SearchQuery.parse(input)
        #expect(query.reference == SearchToken.trimmed(input))
        #expect(query.match != nil)
    }

    @Test(arguments: [
        "", "ADR-", "adr", "12 kafka", "ADR-12 status:accepted", "2024-03-14", "1b4", "1b4g", "----",
        "1b4e-", "kafka", "#", "１２３４", "99999999999999999999999", "-12",
    ])
    func nonReferencesAreNot(_ input: String) {
        #expect(SearchQuery.parse(input).reference == nil)
    }

    @Test func filtersKnowWhenTheyAreEmpty() {
        #expect(SearchFilters().isEmpty)
        #expect(!SearchFilters(before: "2024-01-01").isEmpty)
        #expect(!SearchFilters(tags: ["db"]).isEmpty)
    }

    @Test(arguments: rowCases)
    func queriesFindTheRightRows(_ input: String, rows: [Int64]) throws {
        let table = try FTSTable()
        let query = SearchQuery.parse(input)
        #expect(try table.rows(for: query) == rows)
        if let expression = query.expression {
            #expect(try table.rowids(expression) == rows)
        }
    }

    /// Why a term FTS5 finds no token in must not reach `match`: with an explicit AND it
    /// silently empties the result (and SQLite 3.40's unicode61 finds no token in `ᦰ` or `ⓐ`,
    /// which `Character.isLetter` calls letters).
    @Test func anEmptyPhraseEmptiesAnAndButNotAnOr() throws {
        let table = try FTSTable()
        #expect(try table.rowids("\"\"") == [])
        #expect(try table.rowids("\"kafka\" AND \"ᦰ\"") == [])
        #expect(try table.rowids("\"kafka\" AND \"\"") == [])
        #expect(try table.rowids("(\"kafka\" OR \"ⓐ\")") == [1])
        #expect(!SearchTerm.isWordCharacter("ᦰ") && !SearchTerm.isWordCharacter("ⓐ"))
    }
}

/// An in-memory FTS5 table tokenized as lore's index is, with five records.
private struct FTSTable {
    let queue: DatabaseQueue

    init() throws {
        queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(
                sql:
                    "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
            for (rowid, title, body) in [
                (1, "Use Kafka for events", "why kafka not rabbitmq: we need replay"),
                (2, "Billing database", "postgres for the billing api; retries with backoff"),
                (3, "Café naïve résumé", "日本語 データベース 移行"),
                (4, "C++ style", "don't use exceptions; v1.2 at 50% for @team"),
                (5, "Event sourcing", "a database of billing events; retrying is safe"),
            ] {
                try db.execute(
                    sql: "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)",
                    arguments: [rowid, title, body])
            }
        }
    }

    /// The rows an FTS5 expression matches, bound as an argument as the store binds it.
    func rowids(_ expression: String) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", arguments: [expression])
        }
    }

    /// The rows a query finds: its match (every row without one) minus its exclusions.
    func rows(for query: SearchQuery) throws -> [Int64] {
        let all = try queue.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM t ORDER BY rowid") }
        let matched = try query.match.map(rowids) ?? all
        let excluded = Set(try query.exclude.map(rowids) ?? [])
        return matched.filter { !excluded.contains($0) }
    }
}

/// Whether everything outside double-quoted strings is an operator, a parenthesis or a prefix `*`.
private func onlyQuotedTokens(_ expression: String) -> Bool {
    var skeleton = ""
    var isQuoted = false
    var characters = expression.makeIterator()
    var pending = characters.next()
    while let character = pending {
        pending = characters.next()
        if isQuoted, character == "\"" {
            if pending == "\"" {
                pending = characters.next()
            } else {
                isQuoted = false
                skeleton.append("Q")
            }
        } else if character == "\"" {
            isQuoted = true
        } else if !isQuoted {
            skeleton.append(character)
        }
    }
    let words = skeleton.filter { $0 != "(" && $0 != ")" }.split(separator: " ")
    return !isQuoted && words.allSatisfy { ["Q", "Q*", "AND", "OR", "NOT"].contains($0) }
        && skeleton.filter { $0 == "(" }.count == skeleton.filter { $0 == ")" }.count
}

/// A seeded generator, so the random inputs are the same on every run.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
