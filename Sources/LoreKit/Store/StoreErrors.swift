import GRDB

/// Turns SQLite failures into errors that speak to the user.
enum StoreErrors {
    static func mapping<T>(path: String, _ work: () throws -> T) rethrows -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                throw StoreError.damaged(path: path, reason: "SQLite: \(error.message ?? "malformed")")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError.busy(path)
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
                throw StoreError.damaged(
                    path: path, reason: "cannot access it: \(error.message ?? "I/O error")")
            default:
                throw StoreError.failed(
                    path: path, reason: "SQLite: \(error.message ?? "\(error.resultCode)")")
            }
        }
    }
}
