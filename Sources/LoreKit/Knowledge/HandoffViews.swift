/// The phases a hand-off moves through, in order; advancing past the last completes it.
public enum HandoffPhase: String, CaseIterable, Sendable, Codable {
    case discovery
    case rampUp = "ramp-up"
    case fullOperation = "full-operation"

    /// The phase after this one; nil after the last.
    public var next: HandoffPhase? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }
}

/// The two sides that sign off each checklist item.
public enum HandoffSide: String, CaseIterable, Sendable, Codable {
    case from
    case to
}

/// The checklist every hand-off starts with; a team adds its own items after these.
public enum HandoffChecklist {
    public static let defaults = [
        "Knowledge-transfer sessions held",
        "Decisions reviewed with rationale",
        "Runbooks verified",
        "Access granted with least privilege",
        "Escalation contacts named",
        "Back-out plan agreed",
    ]
}

/// What a person gives to start a hand-off.
public struct HandoffDraft: Sendable, Hashable {
    public var components: [String]
    public var from: String
    public var to: String
    /// `YYYY-MM-DD`.
    public var due: String?
    /// Items added after ``HandoffChecklist/defaults``.
    public var items: [String]

    public init(components: [String], from: String, to: String, due: String? = nil, items: [String] = []) {
        self.components = components
        self.from = from
        self.to = to
        self.due = due
        self.items = items
    }
}

/// One row of `lore handoff list`.
public struct HandoffSummary: Sendable, Hashable, Codable {
    public var id: String
    public var number: Int
    public var components: [String]
    public var from: String
    public var to: String
    public var due: String?
    /// The phase reached: one of ``HandoffPhase`` (or another site's word).
    public var phase: String
    public var completed: Bool
    /// Whether it was completed with items still open.
    public var forced: Bool
    public var itemsDone: Int
    public var itemsTotal: Int
    /// When it started and when it was completed (ISO 8601, UTC).
    public var started: String
    public var completedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, number, components, from, to, due, phase, completed, forced, started
        case itemsDone = "items_done"
        case itemsTotal = "items_total"
        case completedAt = "completed_at"
    }
}

/// One phase a hand-off entered (or its completion): who moved it and when.
public struct HandoffStep: Sendable, Hashable, Codable {
    /// A ``HandoffPhase`` or `completed`.
    public var phase: String
    public var author: String
    /// ISO 8601, UTC, from the event's clock.
    public var at: String
    public var event: String
}

/// One side's sign-off of a checklist item.
public struct HandoffSignOff: Sendable, Hashable, Codable {
    public var author: String
    public var at: String
    public var evidence: String?
    public var event: String
}

/// A checklist item: done once both sides have signed it off.
public struct HandoffItemView: Sendable, Hashable, Codable {
    /// 1-based.
    public var number: Int
    public var text: String
    public var from: HandoffSignOff?
    public var to: HandoffSignOff?
    public var done: Bool { from != nil && to != nil }

    enum CodingKeys: String, CodingKey { case number, text, from, to, done }

    public init(number: Int, text: String, from: HandoffSignOff?, to: HandoffSignOff?) {
        self.number = number
        self.text = text
        self.from = from
        self.to = to
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(Int.self, forKey: .number), text: try c.decode(String.self, forKey: .text),
            from: try c.decodeIfPresent(HandoffSignOff.self, forKey: .from),
            to: try c.decodeIfPresent(HandoffSignOff.self, forKey: .to))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encodeIfPresent(to, forKey: .to)
        try c.encode(done, forKey: .done)
    }
}

/// Everything `lore handoff show` prints about one hand-off.
public struct HandoffRecord: Sendable, Hashable, Codable {
    public var summary: HandoffSummary
    public var author: String
    /// The reason given at completion (required when it was forced).
    public var reason: String?
    public var phases: [HandoffStep]
    public var items: [HandoffItemView]
    /// The numbers of the items not yet signed off by both sides.
    public var open: [Int] { items.filter { !$0.done }.map(\.number) }

    enum CodingKeys: String, CodingKey { case author, reason, phases, items, open }

    public init(
        summary: HandoffSummary, author: String, reason: String?, phases: [HandoffStep],
        items: [HandoffItemView]
    ) {
        self.summary = summary
        self.author = author
        self.reason = reason
        self.phases = phases
        self.items = items
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            summary: try HandoffSummary(from: decoder), author: try c.decode(String.self, forKey: .author),
            reason: try c.decodeIfPresent(String.self, forKey: .reason),
            phases: try c.decode([HandoffStep].self, forKey: .phases),
            items: try c.decode([HandoffItemView].self, forKey: .items))
    }

    /// The summary's fields and the record's side by side in one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(author, forKey: .author)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(phases, forKey: .phases)
        try c.encode(items, forKey: .items)
        try c.encode(open, forKey: .open)
    }
}
