/// A section of a record that fits no named field, kept verbatim with its heading.
public struct ADRSection: Codable, Hashable, Sendable {
    /// The heading's text; empty for text before the first heading.
    public var heading: String
    public var text: String
    /// The heading level (`##` is 2); nil means 2.
    public var level: Int?

    public init(heading: String, text: String, level: Int? = nil) {
        self.heading = heading
        self.text = text
        self.level = level == 2 ? nil : level
    }
}

/// `adr.recorded`: a new architecture decision record.
public struct ADRRecorded: Codable, Hashable, Sendable {
    public var adr: ADRID
    /// The display number the writer claimed; a collision is renumbered by the projection.
    public var number: Int
    public var title: String
    public var status: String
    /// The decision date, `YYYY-MM-DD`.
    public var date: String
    public var context: String
    public var decision: String
    public var consequences: String
    public var options: [String]
    public var tags: [String]
    public var components: [String]
    public var sections: [ADRSection]
    /// Front-matter and preamble fields (deciders, consulted, informed, …) in order.
    public var metadata: [ADRSection]?
    /// Where an imported record came from: its path inside the imported folder.
    public var source: String?

    public init(
        adr: ADRID, number: Int, title: String, status: String, date: String,
        context: String = "", decision: String = "", consequences: String = "",
        options: [String] = [], tags: [String] = [], components: [String] = [],
        sections: [ADRSection] = [], metadata: [ADRSection]? = nil, source: String? = nil
    ) {
        self.adr = adr
        self.number = number
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
        self.metadata = metadata
        self.source = source
    }
}

/// `adr.revised`: new values for some fields of a record; absent fields keep their value.
public struct ADRRevised: Codable, Hashable, Sendable {
    public var adr: ADRID
    public var title: String?
    public var date: String?
    public var context: String?
    public var decision: String?
    public var consequences: String?
    public var options: [String]?
    public var tags: [String]?
    public var components: [String]?
    public var sections: [ADRSection]?
    public var metadata: [ADRSection]?

    public init(adr: ADRID) { self.adr = adr }

    /// Whether the revision changes nothing.
    public var isEmpty: Bool {
        title == nil && date == nil && context == nil && decision == nil && consequences == nil
            && options == nil && tags == nil && components == nil && sections == nil && metadata == nil
    }
}

/// `adr.status-changed`: a record moves to a new status (a standard word or a team's own).
public struct ADRStatusChanged: Codable, Hashable, Sendable {
    public var adr: ADRID
    public var status: String
    public var reason: String?
    public init(adr: ADRID, status: String, reason: String? = nil) {
        self.adr = adr
        self.status = status
        self.reason = reason
    }
}

/// `adr.superseded`: record `adr` is replaced by record `by`.
public struct ADRSuperseded: Codable, Hashable, Sendable {
    public var adr: ADRID
    public var by: ADRID
    public var reason: String?
    public init(adr: ADRID, by: ADRID, reason: String? = nil) {
        self.adr = adr
        self.by = by
        self.reason = reason
    }
}

/// `adr.linked`: a labelled relation from `adr` to `target`, e.g. "Amends" / "Amended by".
public struct ADRLinked: Codable, Hashable, Sendable {
    public var adr: ADRID
    public var label: String
    public var target: ADRID
    public var reverseLabel: String?
    public init(adr: ADRID, label: String, target: ADRID, reverseLabel: String? = nil) {
        self.adr = adr
        self.label = label
        self.target = target
        self.reverseLabel = reverseLabel
    }
    enum CodingKeys: String, CodingKey {
        case adr, label, target
        case reverseLabel = "reverse_label"
    }
}
