public import Foundation

/// Problems finding, opening or writing a store.
public enum StoreError: LocalizedError, Equatable {
    case notFound(searchedFrom: String)
    case alreadyExists(String)
    case notAStore(String)
    case damaged(path: String, reason: String)
    case newerSchema(String)
    case keyUnreadable(path: String, reason: String)
    case homeUnwritable(path: String, reason: String)
    case wrongStore(expected: String, found: String)
    case busy(String)
    case failed(path: String, reason: String)
    case logFailsVerification(event: String?, String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let dir):
            "no lore store found in \(dir) or any parent; run `lore init` or pass --store PATH"
        case .alreadyExists(let path): "a lore store already exists at \(path)"
        case .notAStore(let path): "\(path) is not a lore store (no lore.db inside); run `lore init` there"
        case .damaged(let path, let reason):
            "the store file \(path) is damaged (\(reason)); restore it from a backup or another site"
        case .newerSchema(let path):
            "the store at \(path) was written by a newer lore; upgrade lore to open it"
        case .keyUnreadable(let path, let reason): "cannot read the signing key \(path): \(reason)"
        case .homeUnwritable(let path, let reason):
            "cannot write under LORE_HOME \(path): \(reason); set LORE_HOME to a writable folder"
        case .wrongStore(let expected, let found):
            "event belongs to store \(found), not to this store \(expected)"
        case .busy(let path): "the store at \(path) is busy (another lore is writing); try again"
        case .logFailsVerification(let event, let message):
            "the log fails verification (\(event.map { "event \($0): " } ?? "")\(message)); nothing was rebuilt; "
                + "run `lore verify` and restore the store from a backup or another site"
        case .failed(let path, let reason):
            "the store at \(path) could not complete the operation (\(reason))"
        }
    }
}
