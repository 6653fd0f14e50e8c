import Foundation

/// One row of `lore adr list`.
public struct ADRSummary: Sendable, Hashable, Codable {
    public var id: String
    public var number: Int
    public var title: String
    public var status: String
    public var date: String
    public var tags: [String]
    public var components: [String]
    public var supersededBy: Int?

    enum CodingKeys: String, CodingKey {
        case id, number, title, status, date, tags, components
        case supersededBy = "superseded_by"
    }
}

/// One step of a record's status history: who, when, why.
public struct ADRStatusStep: Sendable, Hashable, Codable {
    public var status: String
    public var author: String
    /// When it was recorded (ISO 8601, UTC), from the event's clock.
    public var at: String
    public var reason: String?
    public var event: String
}

/// A relation seen from one record: `Superseded by ADR-0009 Use Kafka`.
public struct ADRLinkView: Sendable, Hashable, Codable {
    public var label: String
    public var target: String
    public var number: Int
    public var title: String
}

/// Everything `lore adr show` prints about one record.
public struct ADRRecord: Sendable, Hashable, Codable {
    public var id: String
    public var number: Int
    public var title: String
    public var status: String
    public var date: String
    public var context: String
    public var decision: String
    public var consequences: String
    public var options: [String]
    public var tags: [String]
    public var components: [String]
    public var sections: [ADRSection]
    /// Front-matter and preamble fields, in order.
    public var metadata: [ADRSection]
    /// The path inside an imported folder this record came from.
    public var source: String?
    public var author: String
    public var recorded: String
    public var revisions: Int
    public var history: [ADRStatusStep]
    public var links: [ADRLinkView]
    /// The number this record was created with, when a collision gave it another.
    public var claimedNumber: Int?
    /// The number of the record that supersedes this one now (the latest supersede).
    public var supersededBy: Int?
    /// Whether sites superseded this record differently without seeing each other's change
    /// (`lore conflicts` lists it; `lore resolve` ends it).
    public var contested = false
    /// Records that were created with this record's number at another site and renumbered.
    public var renumbered: [ADRLinkView] = []

    enum CodingKeys: String, CodingKey {
        case id, number, title, status, date, context, decision, consequences, options, tags, components
        case sections, metadata, source, author, recorded, revisions, history, links
        case claimedNumber = "claimed_number"
        case supersededBy = "superseded_by"
        case contested, renumbered
    }
}

/// Which records `lore adr list` shows.
public struct ADRFilter: Sendable {
    public var status: String?
    public var tag: String?
    public var component: String?
    public init(status: String? = nil, tag: String? = nil, component: String? = nil) {
        self.status = status
        self.tag = tag
        self.component = component
    }
}

extension HLC {
    /// The wall-clock part as ISO 8601 in UTC, to the second.
    ///
    /// Computed from the civil calendar directly: building a date formatter per call was
    /// the largest cost of `lore export toc` (scripts/bench).
    public var iso8601: String {
        let seconds = wallMillis >= 0 ? wallMillis / 1000 : (wallMillis - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, UTC).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let hour = secondOfDay / 3600
        let minute = (secondOfDay % 3600) / 60
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(secondOfDay % 60))Z"
    }
}
