public import Foundation

/// Problems reading, checking or writing bundles and sync folders.
public enum SyncError: LocalizedError, Equatable {
    case unreadable(String, String)
    case unwritable(String, String)
    case notABundle(String, String)
    case newerFormat(String, Int)
    case otherStore(String, bundle: String, store: String)
    case damaged(String, line: Int, String)
    case truncated(String)
    case noStoreInFolder(String)
    case severalStores(String, [String])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .notABundle(let path, let reason):
            "\(path) is not a lore bundle (\(reason)); nothing was imported"
        case .newerFormat(let path, let version):
            "\(path) needs lore that reads bundle format \(version); upgrade lore to import it; nothing was imported"
        case .otherStore(let path, let bundle, let store):
            "\(path) belongs to store \(bundle), not to this store \(store); nothing was imported"
        case .damaged(let path, let line, let reason):
            "\(path) is damaged at line \(line): \(reason); nothing was imported"
        case .truncated(let path): "\(path) is truncated (no trailer line); nothing was imported"
        case .noStoreInFolder(let path):
            "\(path) holds no lore sync folder (expected PATH/<store-id>/<replica>/)"
        case .severalStores(let path, let stores):
            "\(path) holds several stores (\(stores.joined(separator: ", "))); give PATH/<store-id>"
        }
    }
}
