/// A record as the import will write it.
public struct PlannedRecord: Sendable, Hashable {
    /// The path inside the folder: the record's import key.
    public var source: String
    public var number: Int
    public var parsed: ParsedADR
    /// A valid `YYYY-MM-DD`, or nil when the file gives none.
    public var date: String?
    /// Status words in the order the file gives them (superseded comes from links).
    public var statuses: [String]
    /// Links the file gives that point at nothing in the folder, kept as text.
    public var unresolvedLinks: [ParsedLink]
}

/// A relation between two records of the folder, from `source` to `target`.
public struct PlannedRelation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `target` supersedes `source`.
        case supersededBy
        /// A labelled link with the label seen from the target.
        case link(reverse: String?)
    }

    public var source: String
    public var label: String
    public var target: String
    public var kind: Kind
}

/// What importing a folder will do, before anything is written.
public struct ImportPlan: Sendable {
    public var layout: ADRLayout
    public var records: [PlannedRecord]
    /// Relations in an order that keeps every file's order of links.
    public var relations: [PlannedRelation]
    /// Per-file notes on what had to be guessed, by path.
    public var warnings: [String: [String]]
    public var unreadable: [(path: String, reason: String)]
    public var skipped: [String]
    public var notes: [String]

    mutating func warn(_ path: String, _ message: String) {
        warnings[path, default: []].append(message)
    }
}
