import Crypto
public import Foundation

/// A replica's Ed25519 private key. The replica id is its public key.
public struct SigningKey: Sendable {
    /// The 32 raw bytes to keep on disk.
    public let rawRepresentation: Data
    /// The replica this key signs for.
    public let replica: ReplicaID
    /// The parsed key: restoring it from raw bytes derives the public key (a scalar
    /// multiplication), which cost as much as the signature itself when done per event.
    /// (An immutable value; swift-crypto has not marked it Sendable yet.)
    nonisolated(unsafe) private let key: Curve25519.Signing.PrivateKey

    /// A fresh random key.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        self.key = key
        rawRepresentation = key.rawRepresentation
        replica = ReplicaID(publicKey: key.publicKey.rawRepresentation)
    }

    /// Restores a key from its 32 raw bytes.
    public init(rawRepresentation: Data) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        self.key = key
        self.rawRepresentation = key.rawRepresentation
        replica = ReplicaID(publicKey: key.publicKey.rawRepresentation)
    }

    /// Signs a message.
    public func sign(_ message: Data) throws -> Data {
        try key.signature(for: message)
    }
}

extension ReplicaID {
    /// Whether `signature` is this replica's signature of `message`.
    public func verifies(_ signature: Data, of message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return false
        }
        return key.isValidSignature(signature, for: message)
    }
}
