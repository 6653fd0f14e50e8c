public import Foundation

/// What a person gives to record a new decision.
public struct ADRDraft: Sendable, Hashable {
    public var title: String
    public var status: String
    /// `YYYY-MM-DD`; nil means today.
    public var date: String?
    public var context: String
    public var decision: String
    public var consequences: String
    public var options: [String]
    public var tags: [String]
    public var components: [String]
    public var sections: [ADRSection]
    /// Front-matter and preamble fields, in order.
    public var metadata: [ADRSection] = []
    /// A reference (number or id prefix) of the record this one supersedes.
    public var supersedes: String?

    public init(
        title: String, status: String = ADRStatus.proposed, date: String? = nil, context: String = "",
        decision: String = "", consequences: String = "", options: [String] = [], tags: [String] = [],
        components: [String] = [], sections: [ADRSection] = [], supersedes: String? = nil
    ) {
        self.title = title
        self.status = status
        self.date = date
        self.context = context
        self.decision = decision
        self.consequences = consequences
        self.options = options
        self.tags = tags
        self.components = components
        self.sections = sections
        self.supersedes = supersedes
    }
}

/// New values for some fields of a record; nil fields keep their value.
public struct ADRChanges: Sendable, Hashable {
    public var title: String?
    public var date: String?
    public var context: String?
    public var decision: String?
    public var consequences: String?
    public var options: [String]?
    public var tags: [String]?
    public var components: [String]?
    public init() {}
}

/// Checks and normalises the values people type.
public enum ADRInput {
    /// A title: trimmed, non-empty, one line; otherwise kept exactly.
    public static func title(_ raw: String) throws -> String {
        let title = raw.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw ADRError.emptyTitle }
        guard !title.contains(where: \.isNewline) else { throw ADRError.multilineTitle }
        return title
    }

    /// A calendar date `YYYY-MM-DD` that exists (no 2023-13-10, no February 30).
    public static func date(_ raw: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { throw ADRError.badDate(raw) }
        return text
    }

    /// Today's date in the local time zone, `YYYY-MM-DD`.
    public static func today(_ now: Date) -> String {
        // The C library's local time, not a Calendar: building one (and loading the time zone
        // through it) was a tenth of a `lore adr new`.
        var seconds = time_t(now.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
    }

    /// The status of a new record: `proposed` or `accepted`, any case.
    public static func initialStatus(_ raw: String) throws -> String {
        let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = [ADRStatus.proposed, ADRStatus.accepted]
        guard allowed.contains(word) else { throw ADRError.badStatus(raw, expected: allowed) }
        return word
    }

    /// A status word: a standard one (any case, stored lowercase) or a team's own words,
    /// one line, kept as typed.
    public static func status(_ raw: String) throws -> String {
        let word = raw.trimmingCharacters(in: .whitespaces)
        if let standard = ADRStatus.standard.first(where: { $0.caseInsensitiveCompare(word) == .orderedSame })
        {
            return standard
        }
        guard !word.isEmpty, word.count <= 80, !word.contains(where: \.isNewline) else {
            throw ADRError.badStatus(raw, expected: ADRStatus.standard + ["a one-line word of your own"])
        }
        return word
    }

    /// A link label: one short line.
    public static func label(_ raw: String) throws -> String {
        let label = raw.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= 80, !label.contains(where: \.isNewline) else {
            throw ADRError.badLabel(raw)
        }
        return label
    }

    /// Tags and component names: trimmed, empty ones dropped, duplicates removed, order kept.
    public static func names(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        return raw.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
