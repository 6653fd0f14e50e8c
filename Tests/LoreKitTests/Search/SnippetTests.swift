import Testing

@testable import LoreKit

/// FTS5's marked snippets become plain text and parts.
@Suite struct SnippetTests {
    @Test func marksSplitThePartsAndLineBreaksBecomeSpaces() {
        let marked =
            "Use \(SearchQueries.open)Kafka\(SearchQueries.close) for\nevents\tand \(SearchQueries.open)é\(SearchQueries.close)"
        let (plain, parts) = Snippet.parts(marked)
        #expect(plain == "Use Kafka for events and é")
        #expect(
            parts == [
                SnippetPart(text: "Use ", match: false), SnippetPart(text: "Kafka", match: true),
                SnippetPart(text: " for events and ", match: false), SnippetPart(text: "é", match: true),
            ])
    }
}
