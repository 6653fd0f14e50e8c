import Foundation
import Testing

@testable import LoreKit

/// Substring search: trigrams find the candidates, the text decides, title hits come first.
@Suite struct SubstringSearchTests {
    static func marked(_ hit: SearchHit) -> [String] { hit.parts.filter(\.match).map(\.text) }

    @Test func titleHitsComeFirstThenTheNewestAndMatchesAreMarkedAsWritten() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Use HttpClientFactory everywhere"),
            ADRDraft(title: "Timeouts", context: "Every httpclientfactory client gets a timeout."),
            ADRDraft(title: "Retries", context: "The HTTPCLIENTFACTORY retries twice."),
        ])
        defer { TestStore.cleanUp(folder) }
        let hits = try store.search("ClientFact").hits
        #expect(hits.map(\.number) == [1, 3, 2])
        #expect(hits.allSatisfy { $0.matched == "substring" })
        #expect(hits.map(Self.marked) == [["ClientFact"], ["CLIENTFACT"], ["clientfact"]])
        #expect(hits[1].snippet == "The HTTPCLIENTFACTORY retries twice.")
        #expect(try store.search("ClientFact type:note").hits.isEmpty)
    }

    @Test func everyPieceMustBeInTheTextNotJustItsTrigrams() throws {
        let (store, folder) = try TestStore.make(recording: [
            ADRDraft(title: "Trigrams only", context: "xabcx abdx bca cab"),
            ADRDraft(title: "Both halves", context: "the qabcabdq token"),
        ])
        defer { TestStore.cleanUp(folder) }
        #expect(try store.search("abcabd").hits.map(\.number) == [2])
        // Pieces may sit in different fields.
        #expect(try store.search("halve qabcab").hits.map(\.number) == [2])
    }

    @Test func caseFoldsBeyondASCII() throws {
        let (store, folder) = try TestStore.make(recording: [ADRDraft(title: "ГРАФИКИ нагрузки")])
        defer { TestStore.cleanUp(folder) }
        let hits = try store.search("рафик").hits
        #expect(hits.map(\.number) == [1])
        #expect(hits.map(Self.marked) == [["РАФИК"]])
    }

    @Test func aSnippetIsAMarkedPassageOfTheFieldWithTheMostPieces() {
        let body = (1...40).map { "word\($0)" }.joined(separator: " ")
        let snippet = Substrings.snippet(fields: ["Title", "", "", body], pieces: ["ord20", "RD21"])
        let (plain, parts) = Snippet.parts(snippet)
        #expect(plain.hasPrefix("…") && plain.hasSuffix("…"))
        #expect(parts.filter(\.match).map(\.text) == ["ord20", "rd21"])
        #expect(plain.count <= Substrings.length + 2)
        #expect(Substrings.snippet(fields: ["Title"], pieces: ["zzz"]) == "")
    }

    @Test func thePrefilterIsTheTrigramsOfTheLongerPieces() {
        #expect(Substrings.prefilter(["Kafka", "ab"]) == #""kaf" AND "afk" AND "fka""#)
        #expect(Substrings.prefilter(["ab", "日本"]) == nil)
        #expect(Substrings.prefilter(["a\"bc"]) == #""a""b" AND """bc""#)
    }
}
