public import Foundation

/// The signed part of an event. Its exact bytes are hashed into the ``EventID`` and are
/// never re-serialised after they are written.
public struct EventBody: Hashable, Sendable {
    /// The body format this build writes.
    public static let formatVersion = 1

    public var version: Int
    public var store: StoreID
    public var replica: ReplicaID
    public var seq: Int64
    public var prev: EventID?
    public var hlc: HLC
    public var author: String
    /// The kind name as written; may be a kind this build does not know (from a newer site).
    public var kindName: String
    public var schema: Int
    public var stream: String
    public var deps: [EventID]
    /// SHA-256(salt ‖ payload bytes), hex.
    public var payloadHash: String

    public init(
        store: StoreID, replica: ReplicaID, seq: Int64, prev: EventID?, hlc: HLC, author: String,
        kind: EventKind, stream: String, deps: [EventID], payloadHash: String
    ) {
        self.version = Self.formatVersion
        self.store = store
        self.replica = replica
        self.seq = seq
        self.prev = prev
        self.hlc = hlc
        self.author = author
        self.kindName = kind.rawValue
        self.schema = kind.currentSchema
        self.stream = stream
        self.deps = deps
        self.payloadHash = payloadHash
    }

    /// The kind, when this build knows it.
    public var kind: EventKind? { EventKind(rawValue: kindName) }

    /// The canonical bytes: compact JSON with keys in a fixed order.
    public func encoded() -> Data {
        var out = "{\"v\":\(version)"
        out += ",\"store\":" + JSONText.quote(store.rawValue)
        out += ",\"replica\":" + JSONText.quote(replica.rawValue)
        out += ",\"seq\":\(seq)"
        out += ",\"prev\":" + (prev.map { JSONText.quote($0.hex) } ?? "null")
        out += ",\"hlc\":{\"ms\":\(hlc.wallMillis),\"c\":\(hlc.counter)}"
        out += ",\"author\":" + JSONText.quote(author)
        out += ",\"kind\":" + JSONText.quote(kindName)
        out += ",\"schema\":\(schema)"
        out += ",\"stream\":" + JSONText.quote(stream)
        out += ",\"deps\":[" + deps.map { JSONText.quote($0.hex) }.joined(separator: ",") + "]"
        out += ",\"payload_hash\":" + JSONText.quote(payloadHash) + "}"
        return Data(out.utf8)
    }

    /// Parses body bytes written by any site.
    ///
    /// - Throws: ``EventError/malformedBody(_:)`` naming the field that does not fit.
    public static func decode(_ bytes: Data) throws -> EventBody {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: bytes)
        } catch {
            throw EventError.malformedBody("not a lore event body (\(error.localizedDescription))")
        }
        guard let replica = ReplicaID(wire.replica) else {
            throw EventError.malformedBody("replica '\(wire.replica)' is not an ed25519 key id")
        }
        var prev: EventID?
        if let text = wire.prev {
            guard let id = EventID(hex: text) else { throw EventError.malformedBody("prev '\(text)'") }
            prev = id
        }
        let deps = try wire.deps.map { text in
            guard let id = EventID(hex: text) else { throw EventError.malformedBody("dep '\(text)'") }
            return id
        }
        guard wire.seq >= 1, wire.hlc.ms >= 0, (0...0xffff).contains(wire.hlc.c) else {
            throw EventError.malformedBody("seq or hlc out of range")
        }
        var body = EventBody(
            store: StoreID(wire.store), replica: replica, seq: wire.seq, prev: prev,
            hlc: HLC(wallMillis: wire.hlc.ms, counter: wire.hlc.c), author: wire.author,
            kind: .adrRecorded, stream: wire.stream, deps: deps, payloadHash: wire.payloadHash)
        body.version = wire.v
        body.kindName = wire.kind
        body.schema = wire.schema
        return body
    }

    private struct Wire: Decodable {
        struct Clock: Decodable {
            var ms: Int64
            var c: Int64
        }
        var v: Int
        var store: String
        var replica: String
        var seq: Int64
        var prev: String?
        var hlc: Clock
        var author: String
        var kind: String
        var schema: Int
        var stream: String
        var deps: [String]
        var payloadHash: String
        enum CodingKeys: String, CodingKey {
            case v, store, replica, seq, prev, hlc, author, kind, schema, stream, deps
            case payloadHash = "payload_hash"
        }
    }
}

/// Writes JSON string literals exactly as RFC 8259 requires.
enum JSONText {
    /// The quoted, escaped JSON literal of a string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
