public import Foundation

/// The per-user folder (`$LORE_HOME`, default `~/.config/lore`) that holds replica keys.
///
/// Keys never live inside a store: a copied or restored store has no key and so becomes a
/// new replica instead of extending a chain it cannot prove it owns.
public struct KeyRing: Sendable {
    /// The `$LORE_HOME` folder.
    public let home: URL

    public init(home: URL) { self.home = home.standardizedFileURL }

    /// The home named by `LORE_HOME`, else `$XDG_CONFIG_HOME/lore`, else `~/.config/lore`.
    public static func fromEnvironment(_ environment: [String: String]) -> KeyRing {
        if let path = environment["LORE_HOME"], !path.isEmpty {
            return KeyRing(home: URL(fileURLWithPath: path))
        }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return KeyRing(home: URL(fileURLWithPath: xdg).appendingPathComponent("lore"))
        }
        let user =
            environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return KeyRing(home: user.appendingPathComponent(".config/lore"))
    }

    /// The file that holds a replica's private key.
    public func keyFile(for replica: ReplicaID) -> URL {
        home.appendingPathComponent("keys").appendingPathComponent("\(replica.rawValue).key")
    }

    /// The key for `replica`, or nil when this machine does not hold it.
    ///
    /// - Throws: ``StoreError/keyUnreadable(path:reason:)`` when the file exists but is bad.
    public func key(for replica: ReplicaID) throws -> SigningKey? {
        let file = keyFile(for: replica)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw StoreError.keyUnreadable(path: file.path, reason: "not base64")
            }
            let key = try SigningKey(rawRepresentation: raw)
            guard key.replica == replica else {
                throw StoreError.keyUnreadable(path: file.path, reason: "key does not match its file name")
            }
            return key
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.keyUnreadable(path: file.path, reason: error.localizedDescription)
        }
    }

    /// Creates and saves a new key, readable by its owner only (mode 0600, folder 0700).
    public func createKey() throws -> SigningKey {
        let key = SigningKey()
        let file = keyFile(for: key.replica)
        let fm = FileManager.default
        do {
            try fm.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let created = fm.createFile(
                atPath: file.path, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
            guard created else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw StoreError.homeUnwritable(path: home.path, reason: error.localizedDescription)
        }
        return key
    }
}
