public import Foundation

/// The id of an event: the SHA-256 of its body bytes.
public struct EventID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32 raw digest bytes.
    public let bytes: Data

    /// Wraps 32 raw digest bytes.
    public init?(bytes: Data) {
        guard bytes.count == 32 else { return nil }
        self.bytes = Data(bytes)
    }

    /// Parses 64 hexadecimal digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64, let data = Data(hexString: hex) else { return nil }
        self.bytes = data
    }

    /// The lowercase hexadecimal spelling used in bodies, JSON and messages.
    public var hex: String { bytes.hexString }

    /// The first 12 hex digits, for tables and messages.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: EventID, rhs: EventID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// The id of a knowledge base; replaying its events into another store is refused.
public struct StoreID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A site or device that writes events; the id is its Ed25519 public key.
///
/// Spelled `ed25519.` followed by the 64 lowercase hex digits of the key, so it is safe
/// as a directory name on case-insensitive file systems.
public struct ReplicaID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let prefix = "ed25519."
    public let rawValue: String

    /// Parses the textual form, checking the prefix and the key length.
    public init?(_ rawValue: String) {
        guard rawValue.hasPrefix(Self.prefix),
            let key = Data(hexString: String(rawValue.dropFirst(Self.prefix.count))),
            key.count == 32
        else { return nil }
        self.rawValue = rawValue
    }

    /// Builds the id of a raw 32-byte public key.
    public init(publicKey: Data) {
        self.rawValue = Self.prefix + publicKey.hexString
    }

    /// The raw public key bytes.
    public var publicKey: Data {
        Data(hexString: String(rawValue.dropFirst(Self.prefix.count))) ?? Data()
    }

    /// A short form for tables: the first 8 hex digits of the key.
    public var short: String { String(rawValue.dropFirst(Self.prefix.count).prefix(8)) }

    public var description: String { rawValue }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The permanent id of an architecture decision record (a lowercase UUID).
public struct ADRID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ uuid: UUID) { self.rawValue = uuid.uuidString.lowercased() }
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self).lowercased()
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    /// The stream that holds this record's events.
    public var stream: String { "adr/\(rawValue)" }
    public var description: String { rawValue }
}

extension Data {
    /// Lowercase hexadecimal digits of the bytes.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses an even number of hexadecimal digits (either case); nil on anything else.
    public init?(hexString: String) {
        let utf8 = Array(hexString.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes)
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
