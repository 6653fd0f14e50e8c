import ArgumentParser
import Foundation
import LoreKit

extension Lore {
    /// `lore search QUERY`: ranked, highlighted answers to a newcomer's question.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search decisions and context; the best match first.",
            discussion: """
                Words match in any order; "exact phrases", prefix*, AND/OR/NOT (in capitals), -word, and \
                filters type: status: component: tag: author: after: before: work as you would expect. \
                ADR-12 or an id prefix shows that record first. Exits 1 when nothing matched.
                """)

        @Argument(parsing: .allUnrecognized, help: "What you are looking for (-word excludes a word).")
        var words: [String] = []
        @Option(help: "Only records of this type (adr).")
        var type: [String] = []
        @Option(help: "Only records about this component.")
        var component: [String] = []
        @Option(help: "Only records with this status.")
        var status: [String] = []
        @Option(help: "At most this many results.")
        var limit = 10
        @Option(help: "Skip this many results (for paging).")
        var offset = 0
        @Flag(help: "Print the FTS5 query and filters that ran (to stderr).")
        var explain = false
        @Flag(help: "Pass the query to FTS5 as written (FTS5 syntax, for experts).")
        var raw = false
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
            guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        }

        func run() throws {
            var filters = SearchFilters()
            filters.types = type
            filters.components = component
            filters.statuses = status
            let text = words.joined(separator: " ")
            let results = try storeOptions.open().search(
                text, options: SearchOptions(limit: limit, offset: offset, raw: raw, filters: filters))
            if explain { for line in results.explain { Output.message("explain: \(line)") } }
            for (word, close) in results.suggestions.sorted(by: { $0.key < $1.key }) {
                Output.message("did you mean \(close.joined(separator: ", ")) (for '\(word)')?")
            }
            if format.format == .json {
                try Output.json(results)
            } else if results.hits.isEmpty {
                Output.message("no records match '\(text)'")
            } else {
                print(SearchText.render(results.hits, color: Output.isTerminal(1)), terminator: "")
            }
            if results.hits.isEmpty { throw ExitCode.failure }
        }
    }
}

/// How search results read in a terminal or a pipe.
enum SearchText {
    static func render(_ hits: [SearchHit], color: Bool) -> String {
        hits.map { hit in
            let ref =
                hit.number.map(ADRNumber.display)
                ?? (hit.type == "component" ? "component \(hit.id)" : "\(hit.type) \(hit.id.prefix(8))")
            let marker = hit.live ? "" : " (not live)"
            let highlighted = hit.parts.map { part in
                guard part.match else { return part.text }
                return color ? "\u{1B}[1;33m\(part.text)\u{1B}[0m" : "**\(part.text)**"
            }.joined()
            let title = color && !hit.live ? "\u{1B}[2m\(hit.title)\u{1B}[0m" : hit.title
            return "\(ref)  \(hit.status)\(marker)  \(title)\n    \(highlighted)\n"
        }.joined()
    }
}
