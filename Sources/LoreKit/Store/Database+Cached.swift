import GRDB

// Projections run the same few statements for every event they fold. Preparing a statement
// (parsing it and GRDB's authorizer walk) cost more than running it, so the fold and the
// append path take their statements from the connection's cache.

extension Database {
    /// Executes one SQL statement prepared once per connection and cached.
    func execute(cached sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    /// The first row's first column of a cached statement.
    static func fetchOne(_ db: Database, cached sql: String, arguments: StatementArguments = []) throws
        -> Self?
    {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Every row's first column of a cached statement.
    static func fetchAll(_ db: Database, cached sql: String, arguments: StatementArguments = []) throws
        -> [Self]
    {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}

extension Row {
    /// The first row of a cached statement.
    static func fetchOne(_ db: Database, cached sql: String, arguments: StatementArguments = []) throws
        -> Row?
    {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Every row of a cached statement.
    static func fetchAll(_ db: Database, cached sql: String, arguments: StatementArguments = []) throws
        -> [Row]
    {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
