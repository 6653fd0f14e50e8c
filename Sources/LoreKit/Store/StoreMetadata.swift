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

    /// Every value the store holds, in one read (unknown keys left out).
    static func values(_ db: Database) throws -> [Key: String] {
        var values: [Key: String] = [:]
        for row in try Row.fetchAll(db, cached: "SELECT key, value FROM store_meta") {
            let name: String = row[0]
            if let key = Key(rawValue: name) { values[key] = row[1] }
        }
        return values
    }

    static func info(_ db: Database) throws -> StoreInfo {
        try info(from: values(db), path: db.description)
    }

    /// The store's facts from its ``values(_:)``.
    ///
    /// - Throws: ``StoreError/damaged(path:reason:)`` when the id or the replica is missing.
    static func info(from values: [Key: String], path: String) throws -> StoreInfo {
        guard let id = values[.storeID], let text = values[.replica], let replica = ReplicaID(text) else {
            throw StoreError.damaged(path: path, reason: "store_meta lacks the store id or replica")
        }
        return StoreInfo(
            id: StoreID(id), name: values[.name] ?? "", replica: replica, site: values[.site] ?? "",
            author: values[.author] ?? "")
    }
}
