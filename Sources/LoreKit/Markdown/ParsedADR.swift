/// A reference from one record to another as a file writes it: `Superseded by [9. X](0009-x.md)`.
public struct ParsedLink: Sendable, Hashable {
    /// The relation, e.g. `Superseded by`, `Amends`.
    public var label: String
    /// Where it points: the link's target (`0009-x.md`), or the bare text when unlinked.
    public var target: String
    /// The link text (`9. X`), empty when unlinked.
    public var text: String

    public init(label: String, target: String, text: String = "") {
        self.label = label
        self.target = target
        self.text = text
    }
}

/// A decision record read from a markdown file in the adr-tools, MADR or log4brains layout.
public struct ParsedADR: Sendable, Hashable {
    public var title = ""
    /// The number in a `# 7. Title` heading.
    public var headingNumber: Int?
    /// The date exactly as written, if any.
    public var date: String?
    /// Every status line in order; the last is the current status.
    public var statuses: [String] = []
    public var links: [ParsedLink] = []
    public var context = ""
    public var decision = ""
    public var consequences = ""
    public var options: [String] = []
    public var tags: [String] = []
    /// Front-matter and preamble fields (deciders, consulted, …) in order.
    public var metadata: [ADRSection] = []
    /// Sections that fit no named field, verbatim, in order.
    public var sections: [ADRSection] = []
    /// What the reader had to guess.
    public var warnings: [String] = []

    public init() {}

    /// The current status: the last status line.
    public var status: String? { statuses.last }

    /// Whether the file said anything beyond a title.
    public var hasBody: Bool {
        !context.isEmpty || !decision.isEmpty || !consequences.isEmpty || !options.isEmpty
            || !sections.isEmpty
    }
}
