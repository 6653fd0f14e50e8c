/// One row of `lore note list`.
public struct NoteSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var kind: String
    /// `YYYY-MM-DD`, when the note has a review date.
    public var reviewBy: String?
    /// A runbook or risk whose review date has passed, as of the day it was read.
    public var stale: Bool
    public var retracted: Bool
    public var tags: [String]
    public var components: [String]

    enum CodingKeys: String, CodingKey {
        case id, title, kind, stale, retracted, tags, components
        case reviewBy = "review_by"
    }
}

/// One step of a note's history: who added, revised or retracted it, when, and why.
public struct NoteStep: Sendable, Hashable, Codable {
    /// `added`, `revised` or `retracted`.
    public var what: String
    public var author: String
    /// When it was recorded (ISO 8601, UTC), from the event's clock.
    public var at: String
    public var reason: String?
    public var event: String
}

/// Everything `lore note show` prints about one note.
public struct NoteRecord: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var kind: String
    /// Markdown.
    public var body: String
    public var reviewBy: String?
    /// A runbook or risk whose review date has passed, as of the day it was read.
    public var stale: Bool
    public var retracted: Bool
    public var retractReason: String?
    public var tags: [String]
    public var components: [String]
    public var author: String
    /// When it was added (ISO 8601, UTC).
    public var recorded: String
    /// When it last changed (ISO 8601, UTC).
    public var updated: String
    public var revisions: Int
    public var history: [NoteStep]

    enum CodingKeys: String, CodingKey {
        case id, title, kind, body, stale, retracted, tags, components, author, recorded, updated
        case revisions, history
        case reviewBy = "review_by"
        case retractReason = "retract_reason"
    }

    /// The first eight characters of the id, for tables and messages.
    public var shortID: String { String(id.prefix(8)) }
}

/// Which notes `lore note list` shows.
public struct NoteFilter: Sendable, Hashable {
    /// One of ``NoteKind``, any case.
    public var kind: String?
    /// A registered component, any case.
    public var component: String?
    public var tag: String?
    /// Include retracted notes.
    public var includeRetracted: Bool

    public init(
        kind: String? = nil, component: String? = nil, tag: String? = nil, includeRetracted: Bool = false
    ) {
        self.kind = kind
        self.component = component
        self.tag = tag
        self.includeRetracted = includeRetracted
    }
}
