import Foundation

/// Reads a file line by line in chunks, so big bundles are never held in memory.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// The next line without its `\n` (a last line without one is returned too), or nil at the end.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return buffer
            }
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }

    func close() { try? handle.close() }
}

/// Finds the exact bytes of a top-level value in a JSON object line, so a payload is
/// hashed exactly as its writer wrote it, never re-encoded.
enum JSONSpan {
    /// The bytes of the value of `key` in the top-level object, or nil.
    static func value(of key: String, in line: Data) -> Data? {
        let bytes = [UInt8](line)
        var index = 0
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) { index += 1 }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index
            guard let keyEnd = endOfString(bytes, from: index) else { return nil }
            let name = try? JSONDecoder().decode(String.self, from: Data(bytes[keyStart..<keyEnd]))
            index = keyEnd
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            let valueStart = index
            guard let valueEnd = endOfValue(bytes, from: index) else { return nil }
            if name == key { return Data(bytes[valueStart..<valueEnd]) }
            index = valueEnd
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// The index just past a string starting at `start` (a `"`).
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The index just past any JSON value starting at `start`.
    private static func endOfValue(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""): return endOfString(bytes, from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = endOfString(bytes, from: index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index])
            {
                index += 1
            }
            return index
        }
    }
}
