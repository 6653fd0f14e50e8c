import Foundation

extension EventBody {
    /// Reads a body in exactly the form ``encoded()`` writes (keys in order, no spaces,
    /// strings without escapes) without Foundation's JSON decoder, which cost more than the
    /// rest of a rebuild's per-event work. Nil for anything else, which the general decoder
    /// then reads (or refuses): this path accepts only a subset of what it would accept, with
    /// the same values.
    static func decodeCanonical(_ data: Data) -> Wire? {
        var reader = CanonicalJSONReader(bytes: [UInt8](data))
        guard reader.literal("{\"v\":"), let v = reader.integer(),
            reader.literal(",\"store\":"), let store = reader.string(),
            reader.literal(",\"replica\":"), let replica = reader.string(),
            reader.literal(",\"seq\":"), let seq = reader.integer(),
            reader.literal(",\"prev\":"), let prev = reader.nullOrString(),
            reader.literal(",\"hlc\":{\"ms\":"), let ms = reader.integer(),
            reader.literal(",\"c\":"), let c = reader.integer(),
            reader.literal("},\"author\":"), let author = reader.string(),
            reader.literal(",\"kind\":"), let kind = reader.string(),
            reader.literal(",\"schema\":"), let schema = reader.integer(),
            reader.literal(",\"stream\":"), let stream = reader.string(),
            reader.literal(",\"deps\":["), let deps = reader.stringsUntilBracket(),
            reader.literal(",\"payload_hash\":"), let payloadHash = reader.string(),
            reader.literal("}"), reader.atEnd,
            let v = Int(exactly: v), let schema = Int(exactly: schema)
        else { return nil }
        return Wire(
            v: v, store: store, replica: replica, seq: seq, prev: prev, hlc: .init(ms: ms, c: c),
            author: author, kind: kind, schema: schema, stream: stream, deps: deps, payloadHash: payloadHash)
    }
}

/// A cursor over JSON text in lore's canonical form: literals matched exactly, integers
/// without sign or leading zeros, strings without escapes or control characters. Every
/// method returns nil (leaving the reader unusable) when the text is not in that form.
struct CanonicalJSONReader {
    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = text.withUTF8Buffer { expected in
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        if matches { index += count }
        return matches
    }

    mutating func integer() -> Int64? {
        let start = index
        var value: Int64 = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != 0x30 else { return nil }
        return value
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            guard bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 else { return nil }
            end += 1
        }
        guard end < bytes.count, let text = String(validating: bytes[start..<end], as: UTF8.self) else {
            return nil
        }
        index = end + 1
        return text
    }

    /// `null` as .some(nil), a string as .some(text), anything else nil.
    mutating func nullOrString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// Strings separated by commas up to and including `]`.
    mutating func stringsUntilBracket() -> [String]? {
        var result: [String] = []
        if literal("]") { return result }
        while true {
            guard let text = string() else { return nil }
            result.append(text)
            if literal("]") { return result }
            guard literal(",") else { return nil }
        }
    }
}
