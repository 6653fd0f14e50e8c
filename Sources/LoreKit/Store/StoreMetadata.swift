import GRDB

/// The `store_meta` table: local facts about this store (not part of the log).
enum StoreMetadata {
    enum Key: String {
        case storeID = "store_id"
        case name, replica, site, author
        /// Set while the projections lag the log on purpose: a join commits the events it
        /// imported before it folds them (``Store/foldPendingProjections()``).
        case projectionsPending = "projections_pending"
    }

    static func remove(_ key: Key, in db: Database) throws {
        try db.execute(sql: "DELETE FROM store_meta WHERE key = ?", arguments: [key.rawValue])
    }

    static func get(_ key: Key, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = ?", arguments: [key.rawValue])
    }

    static func set(_ values: [Key: String], in db: Database) throws {
        for (key, value) in values {
            try db.execute(
                sql: "INSERT INTO store_meta (key, value) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [key.rawValue, value])
        }
    }

    static func info(_ db: Database) throws -> StoreInfo {
        guard let id = try get(.storeID, db), let text = try get(.replica, db),
            let replica = ReplicaID(text)
        else {
            throw StoreError.damaged(path: db.description, reason: "store_meta lacks the store id or replica")
        }
        return StoreInfo(
            id: StoreID(id), name: try get(.name, db) ?? "", replica: replica,
            site: try get(.site, db) ?? "", author: try get(.author, db) ?? "")
    }
}
