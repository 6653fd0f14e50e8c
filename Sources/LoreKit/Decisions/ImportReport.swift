/// A note about one file of an imported folder.
public struct FileNote: Sendable, Hashable, Codable {
    public var path: String
    public var message: String
}

/// What `lore import` did (or, with `--dry-run`, would do).
public struct ImportReport: Sendable, Hashable, Codable {
    public var folder: String
    public var layout: String
    public var dryRun: Bool
    /// Paths of records added, revised, and left as they were.
    public var added: [String] = []
    public var revised: [String] = []
    public var unchanged: [String] = []
    public var relationsAdded = 0
    public var statusChanges = 0
    public var events = 0
    public var warnings: [FileNote] = []
    public var unreadable: [FileNote] = []
    public var skipped: [String] = []
    public var notes: [String] = []

    enum CodingKeys: String, CodingKey {
        case folder, layout, added, revised, unchanged, events, warnings, unreadable, skipped, notes
        case dryRun = "dry_run"
        case relationsAdded = "relations_added"
        case statusChanges = "status_changes"
    }
}
