public import Foundation

/// Where a store lives on disk: the `.lore` folder and the SQLite file inside it.
public struct StoreLocation: Sendable, Hashable {
    /// The name of the folder `lore init` creates.
    public static let folderName = ".lore"
    /// The database file's name inside the folder.
    public static let databaseName = "lore.db"

    /// The `.lore` folder.
    public let folder: URL

    public init(folder: URL) { self.folder = folder.standardizedFileURL }

    public static func == (a: StoreLocation, b: StoreLocation) -> Bool { a.folder.path == b.folder.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(folder.path) }

    /// The SQLite database file.
    public var database: URL { folder.appendingPathComponent(Self.databaseName) }

    /// Finds the store: an explicit path wins, then `LORE_STORE`, then the first `.lore`
    /// folder walking up from `directory`, as git finds `.git`.
    ///
    /// An explicit path may name the `.lore` folder itself or the folder that holds it.
    /// - Throws: ``StoreError/notFound(searchedFrom:)`` when no store is found.
    public static func find(explicit: String?, environment: [String: String], from directory: URL) throws
        -> StoreLocation
    {
        if let path = explicit ?? environment["LORE_STORE"], !path.isEmpty {
            return try named(path, relativeTo: directory)
        }
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(folderName)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(databaseName).path) {
                return StoreLocation(folder: candidate)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw StoreError.notFound(searchedFrom: directory.path)
    }

    /// The location an explicit path names, for opening an existing store.
    static func named(_ path: String, relativeTo directory: URL) throws -> StoreLocation {
        let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        let fm = FileManager.default
        if fm.fileExists(atPath: url.appendingPathComponent(databaseName).path) {
            return StoreLocation(folder: url)
        }
        let nested = url.appendingPathComponent(folderName)
        if fm.fileExists(atPath: nested.appendingPathComponent(databaseName).path) {
            return StoreLocation(folder: nested)
        }
        throw StoreError.notAStore(url.path)
    }

    /// The location for a new store: `path` itself when it ends in `.lore`, else `path/.lore`.
    public static func forNewStore(at path: String, relativeTo directory: URL) -> StoreLocation {
        let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        if url.lastPathComponent == folderName { return StoreLocation(folder: url) }
        return StoreLocation(folder: url.appendingPathComponent(folderName))
    }
}
