import Foundation

/// English-like text of varied length: sentences of Zipf-distributed words, titles from the
/// patterns real decision titles follow.
struct TextGenerator: Sendable {
    let vocabulary: Vocabulary

    static let titlePatterns = [
        "Use %1 for %2", "Adopt %1 in %2", "Replace %1 with %3 in %2", "Move %2 to %1",
        "Split %2 into separate services", "Keep %2 on %1", "Retire %1 from %2",
        "Introduce %1 between %2 and %3", "Record %2 events in %1", "Cache %2 reads with %1",
        "Hand %2 over to the partner team", "Encrypt %2 data with %1", "Version the %2 api",
    ]

    static let tags = [
        "storage", "messaging", "security", "observability", "deployment", "api", "data", "cost",
        "compliance", "performance", "reliability", "frontend", "mobile", "testing", "process",
        "ownership", "handoff", "search", "infrastructure", "privacy", "tooling", "build",
    ]

    /// One sentence of `words` words.
    func sentence(words count: Int, _ random: inout SeededRandom) -> String {
        var out = ""
        out.reserveCapacity(count * 8)
        for index in 0..<count {
            var word = vocabulary.word(&random)
            if index == 0, let first = word.first {
                word = first.uppercased() + word.dropFirst()
            } else {
                out += index > 2 && random.chance(0.07) ? ", " : " "
            }
            out += word
        }
        return out + "."
    }

    /// A paragraph of about `typical` sentences (sometimes many more).
    func paragraph(typical: Int, _ random: inout SeededRandom) -> String {
        let count = random.length(typical: typical, max: typical * 6)
        return (0..<count).map { _ in sentence(words: random.length(typical: 14, max: 40), &random) }
            .joined(separator: " ")
    }

    /// A decision title naming technologies and a component.
    func title(component: String, _ random: inout SeededRandom) -> String {
        let first = vocabulary.contentWord(&random)
        let third = vocabulary.contentWord(&random)
        return random.pick(Self.titlePatterns).replacingOccurrences(of: "%1", with: first)
            .replacingOccurrences(of: "%2", with: component).replacingOccurrences(of: "%3", with: third)
    }

    /// A considered option: a few words.
    func option(_ random: inout SeededRandom) -> String {
        let words = (0..<(1 + random.below(4))).map { _ in vocabulary.contentWord(&random) }
        return words.joined(separator: " ").capitalizedFirst
    }

    /// Component names: `billing`, `billing-ledger`, …
    static func componentNames(_ count: Int, _ vocabulary: Vocabulary) -> [String] {
        let areas = [
            "billing", "checkout", "identity", "search", "catalogue", "payments", "reporting", "mobile",
            "notifications", "ledger", "pricing", "shipping", "inventory", "analytics", "support", "auth",
        ]
        let parts = ["api", "worker", "db", "ui", "gateway", "store", "sync", "jobs", "cache", "feed"]
        var names: [String] = []
        var index = 0
        while names.count < count {
            let area = areas[index % areas.count]
            let round = index / areas.count
            names.append(
                round == 0
                    ? area
                    : round <= parts.count
                        ? "\(area)-\(parts[round - 1])" : "\(area)-\(parts[round % parts.count])-\(round)")
            index += 1
        }
        return names
    }
}

extension String {
    /// The string with its first character in upper case.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
