/// What a search keeps besides its text: kinds, statuses, owners, authors and a date range.
///
/// Values are kept as typed (trimmed), each once regardless of case; compare them with the
/// store's values case-insensitively. Several values for one key mean any of them; different
/// keys must all hold.
public struct SearchFilters: Sendable, Hashable {
    /// `type:adr`, `type:note`.
    public var types: [String] = []
    /// `status:accepted`.
    public var statuses: [String] = []
    /// `component:billing`, `component:"billing api"`.
    public var components: [String] = []
    /// `tag:db`.
    public var tags: [String] = []
    /// `author:ada`.
    public var authors: [String] = []
    /// `after:2024-03-01` as `YYYY-MM-DD`; `after:2024-03` and `after:2024` mean the first day
    /// of the month or year. Of several, the latest.
    public var after: String?
    /// `before:2024-04-01` as `YYYY-MM-DD`, spelled as ``after`` is. Of several, the earliest.
    public var before: String?

    /// Makes filters from their values.
    public init(
        types: [String] = [], statuses: [String] = [], components: [String] = [], tags: [String] = [],
        authors: [String] = [], after: String? = nil, before: String? = nil
    ) {
        self.types = types
        self.statuses = statuses
        self.components = components
        self.tags = tags
        self.authors = authors
        self.after = after
        self.before = before
    }

    /// No filter at all.
    public var isEmpty: Bool {
        types.isEmpty && statuses.isEmpty && components.isEmpty && tags.isEmpty && authors.isEmpty
            && after == nil && before == nil
    }
}

extension SearchFilters {
    /// The keys of `key:value` filters, spelled as typed (in any case).
    enum Key: String, CaseIterable {
        case type
        case status
        case component
        case tag
        case author
        case after
        case before
    }

    /// Adds one filter; an empty value or a bad date adds nothing.
    mutating func add(_ key: Key, _ value: String) {
        let value = SearchToken.trimmed(value)
        guard !value.isEmpty else { return }
        switch key {
        case .type: Self.append(value, to: &types)
        case .status: Self.append(value, to: &statuses)
        case .component: Self.append(value, to: &components)
        case .tag: Self.append(value, to: &tags)
        case .author: Self.append(value, to: &authors)
        case .after:
            if let date = Self.date(value) { after = max(after ?? date, date) }
        case .before:
            if let date = Self.date(value) { before = min(before ?? date, date) }
        }
    }

    private static func append(_ value: String, to values: inout [String]) {
        if !values.contains(where: { $0.lowercased() == value.lowercased() }) { values.append(value) }
    }

    /// `2024-03-14`, `2024-3-14`, `2024-03` or `2024` as `YYYY-MM-DD`; nil for anything else,
    /// including days a month does not have.
    static func date(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        let year = numbers[0]
        let month = numbers.count > 1 ? numbers[1] : 1
        let day = numbers.count > 2 ? numbers[2] : 1
        guard year >= 1, (1...12).contains(month), (1...days(inMonth: month, year: year)).contains(day) else {
            return nil
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
