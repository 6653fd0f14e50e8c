import GRDB

/// Placeholder until the projection lands (issue 5).
enum HandoffProjection: Projection {
    static let tables: [ProjectionTable] = []
    static func createTables(_ db: Database) throws {}
    static func apply(_ event: StoredEvent, payload: EventPayload, _ db: Database) throws {}
}
