import Crypto
public import Foundation

/// A stored event: exact body bytes, its id, the payload beside it and the signature.
public struct Event: Sendable, Hashable {
    public let id: EventID
    public let body: Data
    public let header: EventBody
    /// The payload bytes; nil once erased by redaction.
    public let payload: Data?
    /// The salt mixed into `payload_hash`; nil once erased by redaction.
    public let salt: Data?
    /// The Ed25519 signature over ``signingMessage(for:)`` of the id.
    public let signature: Data

    public init(id: EventID, body: Data, header: EventBody, payload: Data?, salt: Data?, signature: Data) {
        self.id = id
        self.body = body
        self.header = header
        self.payload = payload
        self.salt = salt
        self.signature = signature
    }

    /// Builds and signs a new event.
    ///
    /// - Parameters:
    ///   - payload: the typed payload; its kind goes into the body.
    ///   - salt: 16 random bytes (injected so tests are deterministic).
    ///   - key: the replica's signing key; its public key must match `replica`.
    /// - Returns: the event, ready to append.
    public static func make(
        store: StoreID, seq: Int64, prev: EventID?, hlc: HLC, author: String, stream: String,
        deps: [EventID], payload: EventPayload, salt: Data, key: SigningKey
    ) throws -> Event {
        let payloadBytes = try payload.encoded()
        let header = EventBody(
            store: store, replica: key.replica, seq: seq, prev: prev, hlc: hlc, author: author,
            kind: payload.kind, stream: stream, deps: deps,
            payloadHash: payloadHash(salt: salt, payload: payloadBytes))
        let body = header.encoded()
        let id = EventID(digestOf: body)
        let signature = try key.sign(signingMessage(for: id))
        return Event(
            id: id, body: body, header: header, payload: payloadBytes, salt: salt, signature: signature)
    }

    /// SHA-256(salt ‖ payload), hex.
    public static func payloadHash(salt: Data, payload: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: payload)
        return Data(hasher.finalize()).hexString
    }

    /// The domain-separated bytes a replica signs for an event id.
    public static func signingMessage(for id: EventID) -> Data {
        Data("lore-event-v1\0".utf8) + id.bytes
    }

    /// The typed payload, or nil when it was redacted or the kind is unknown to this build.
    public func decodedPayload() throws -> EventPayload? {
        guard let payload, let kind = header.kind else { return nil }
        return try EventPayload.decode(kind: kind, from: payload)
    }
}

extension EventID {
    /// The id of body bytes: their SHA-256.
    public init(digestOf body: Data) {
        self.init(bytes: Data(SHA256.hash(data: body)))!
    }
}
