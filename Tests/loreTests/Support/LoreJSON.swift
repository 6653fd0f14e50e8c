import Foundation

/// A record as `lore adr show --format json` and `adr new --format json` print it.
struct ShownADR: Decodable {
    struct Step: Decodable {
        var status: String
        var author: String
        var at: String
        var reason: String?
        var event: String
    }

    struct Link: Decodable {
        var label: String
        var target: String
        var number: Int
        var title: String
    }

    struct Section: Decodable {
        var heading: String
        var text: String
    }

    var id: String
    var number: Int
    var title: String
    var status: String
    var date: String
    var context: String
    var decision: String
    var consequences: String
    var options: [String]
    var tags: [String]
    var components: [String]
    var sections: [Section]
    var author: String
    var revisions: Int
    var history: [Step]
    var links: [Link]

    /// The targets of the links with this label.
    func targets(_ label: String) -> [String] { links.filter { $0.label == label }.map(\.target) }
}

/// One row of `lore adr list --format json`.
struct ListedADR: Decodable {
    var id: String
    var number: Int
    var title: String
    var status: String
    var date: String
    var supersededBy: Int?

    enum CodingKeys: String, CodingKey {
        case id, number, title, status, date
        case supersededBy = "superseded_by"
    }
}

/// One record of `lore log --format json` (the payload is checked separately, as raw JSON).
struct LoggedEvent: Decodable {
    var id: String
    var kind: String
    var stream: String
    var body: String
    var salt: String?
    var sig: String
}
