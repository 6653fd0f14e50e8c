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
        var out: [UInt8] = []
        out.reserveCapacity(512 + author.utf8.count + stream.utf8.count + deps.count * 67)
        func raw(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func number<T: BinaryInteger>(_ value: T) { out.append(contentsOf: String(value).utf8) }
        raw("{\"v\":")
        number(version)
        raw(",\"store\":")
        JSONText.append(store.rawValue, to: &out)
        raw(",\"replica\":")
        JSONText.append(replica.rawValue, to: &out)
        raw(",\"seq\":")
        number(seq)
        raw(",\"prev\":")
        if let prev { JSONText.append(prev.hex, to: &out) } else { raw("null") }
        raw(",\"hlc\":{\"ms\":")
        number(hlc.wallMillis)
        raw(",\"c\":")
        number(hlc.counter)
        raw("},\"author\":")
        JSONText.append(author, to: &out)
        raw(",\"kind\":")
        JSONText.append(kindName, to: &out)
        raw(",\"schema\":")
        number(schema)
        raw(",\"stream\":")
        JSONText.append(stream, to: &out)
        raw(",\"deps\":[")
        for (index, dep) in deps.enumerated() {
            if index > 0 { raw(",") }
            JSONText.append(dep.hex, to: &out)
        }
        raw("],\"payload_hash\":")
        JSONText.append(payloadHash, to: &out)
        raw("}")
        return Data(out)
    }

    /// Parses body bytes written by any site.
    ///
    /// - Throws: ``EventError/malformedBody(_:)`` naming the field that does not fit.
    public static func decode(_ bytes: Data) throws -> EventBody {
        let wire: Wire
        if let canonical = decodeCanonical(bytes) {
            wire = canonical
        } else {
            do {
                wire = try JSONDecoder().decode(Wire.self, from: bytes)
            } catch {
                throw EventError.malformedBody("not a lore event body (\(error.localizedDescription))")
            }
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

    struct Wire: Decodable {
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
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the quoted, escaped JSON literal of a string as UTF-8: `"`, `\\` and control
    /// characters escaped (the short forms for newline, return and tab), everything else as is.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0a: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0d: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)],
                        hex[Int(byte & 0xf)],
                    ]
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
