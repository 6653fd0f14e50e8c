import GRDB

extension Database {
    /// Runs `work` in one transaction of `kind` and returns its value: committed, or rolled
    /// back when `rollback` is set (a dry run) or `work` throws.
    ///
    /// Lore's reads and writes use this rather than GRDB's `read`/`write`: `read` sets
    /// `PRAGMA query_only` before and after, which expires every prepared statement of the
    /// connection, and a savepoint inside `write`'s transaction makes SQLite copy every
    /// changed page into a statement journal first.
    func transaction<T>(_ kind: TransactionKind, rollback: Bool = false, _ work: () throws -> T) throws -> T {
        var result: T?
        try inTransaction(kind) {
            result = try work()
            return rollback ? .rollback : .commit
        }
        guard let result else { preconditionFailure("the transaction ran work or threw") }
        return result
    }
}
