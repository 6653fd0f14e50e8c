import GRDB

/// Every schema migration, in order. Migrations never change after they land; a new
/// change is a new migration.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-log") { db in try EventLogSchema.create(db) }
        migrator.registerMigration("v1-projections") { db in try Projector.createTables(db) }
        migrator.registerMigration("v2-search-trigram") { db in try SearchProjection.migrateTrigramIndex(db) }
        return migrator
    }
}
