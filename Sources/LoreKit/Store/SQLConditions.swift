import GRDB

/// A WHERE clause built from optional filters, values always bound, never spliced.
struct SQLConditions {
    private(set) var conditions: [String] = []
    private(set) var arguments: StatementArguments = []

    /// Adds `condition` (with one `?`) when `value` is given.
    mutating func add(_ condition: String, _ value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        conditions.append(condition)
        arguments += [value]
    }

    /// Adds a condition without arguments.
    mutating func add(_ condition: String) { conditions.append(condition) }

    /// `WHERE a AND b`, or nothing.
    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
}
