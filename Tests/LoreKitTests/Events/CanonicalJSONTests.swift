import Foundation
import Testing

@testable import LoreKit

/// The hand-written JSON paths (body encoding, the canonical body reader, bundle line
/// spans and string unescaping) must agree with Foundation's JSON on every input.
@Suite struct CanonicalJSONTests {
    /// Text drawn from plain words, quotes, backslashes, control characters, accents, CJK
    /// and emoji (outside the BMP, so escapes need surrogate pairs).
    static func randomText(_ random: inout SeededGenerator, plain: Bool = false) -> String {
        let plainPieces = ["a", "Zed", "billing", " ", "-", "<", "@", ".", "Café", "日本", "🙂"]
        let hardPieces = ["\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{1f}", "/", "\u{7f}"]
        let pieces = plain ? plainPieces : plainPieces + hardPieces
        return (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            .joined()
    }

    static func randomBody(_ random: inout SeededGenerator, plain: Bool) -> EventBody {
        let key = SigningKey()
        let deps = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            EventID(bytes: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }))!
        }
        return EventBody(
            store: StoreID(randomText(&random, plain: plain)), replica: key.replica,
            seq: Int64.random(in: 1...Int64.max, using: &random),
            prev: Bool.random(using: &random) ? deps.first : nil,
            hlc: HLC(
                wallMillis: Int64.random(in: 0...(1 << 46), using: &random),
                counter: Int64.random(in: 0...0xffff, using: &random)),
            author: randomText(&random, plain: plain),
            kind: EventKind.allCases.randomElement(using: &random)!,
            stream: randomText(&random, plain: plain), deps: deps,
            payloadHash: randomText(&random, plain: plain))
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func bodiesReadBackEqualThroughBothReaders(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var fastPathTaken = 0
        for round in 0..<200 {
            let body = Self.randomBody(&random, plain: round % 2 == 0)
            let bytes = body.encoded()
            // The bytes are JSON Foundation reads, and both readers give the body back.
            #expect((try? JSONSerialization.jsonObject(with: bytes)) != nil)
            #expect(try EventBody.decode(bytes) == body)
            if let fast = EventBody.decodeCanonical(bytes) {
                fastPathTaken += 1
                let general = try JSONDecoder().decode(EventBody.Wire.self, from: bytes)
                #expect(
                    fast.store == general.store && fast.author == general.author
                        && fast.stream == general.stream
                        && fast.deps == general.deps && fast.prev == general.prev && fast.seq == general.seq
                        && fast.hlc.ms == general.hlc.ms && fast.hlc.c == general.hlc.c
                        && fast.payloadHash == general.payloadHash)
            }
        }
        #expect(fastPathTaken >= 100)  // every plain body takes the fast path
    }

    @Test func bodiesNotInTheCanonicalFormAreLeftToTheGeneralReader() throws {
        var random = SeededGenerator(seed: 9)
        let body = Self.randomBody(&random, plain: true)
        let text = String(decoding: body.encoded(), as: UTF8.self)
        let spaced = text.replacingOccurrences(of: ",\"seq\":", with: ", \"seq\" : ")
        #expect(EventBody.decodeCanonical(Data(spaced.utf8)) == nil)
        #expect(try EventBody.decode(Data(spaced.utf8)) == body)
        for broken in [
            text + " x", String(text.dropLast()), text.replacingOccurrences(of: "\"v\":1", with: "\"v\":01"),
        ] {
            #expect(EventBody.decodeCanonical(Data(broken.utf8)) == nil)
        }
        #expect(throws: EventError.self) { try EventBody.decode(Data((text + " x").utf8)) }
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func jsonStringsUnescapeAsFoundationReadsThem(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let encoder = JSONEncoder()
        for _ in 0..<300 {
            let text = Self.randomText(&random)
            for literal in [JSONText.quote(text), String(decoding: try encoder.encode(text), as: UTF8.self)] {
                #expect(JSONSpan.string(Data(literal.utf8)) == text)
            }
        }
        // \u escapes, including a surrogate pair, as other writers may use them.
        #expect(JSONSpan.string(Data(#""caf\u00e9 \ud83d\ude42 \/""#.utf8)) == "café 🙂 /")
        for bad in [#""abc"#, #""a\qb""#, #""\ud83d""#, #""\ude42x""#, "\"a\u{01}b\"", #""a"b""#, #""\u12""#]
        {
            #expect(JSONSpan.string(Data(bad.utf8)) == nil)
            #expect((try? JSONDecoder().decode(String.self, from: Data(bad.utf8))) == nil)
        }
    }

    @Test func lineMembersGiveEachValuesExactBytes() throws {
        let line = #"{"id":"ab","payload":{"x":[1,{"y":"}"}]},"n":12, "t":true ,"salt":null}"#
        let members = try #require(JSONSpan.members(of: Data(line.utf8)))
        #expect(
            members.mapValues { String(decoding: $0, as: UTF8.self) } == [
                "id": #""ab""#, "payload": #"{"x":[1,{"y":"}"}]}"#, "n": "12", "t": "true", "salt": "null",
            ])
        for bad in ["", "[]", #"{"a":1"#, #"{"a":1} x"#, #"{"a" 1}"#, #"{"a":}"#, #"{"a":1,}"#] {
            #expect(JSONSpan.members(of: Data(bad.utf8)) == nil)
        }
        #expect(JSONSpan.members(of: Data("{}".utf8)) == [:])
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func theLineReaderGivesBackEveryLineAcrossChunkBoundaries(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        // Lengths around the 64 KiB read size, empty lines, and a last line without newline.
        let lines = (0..<60).map { _ -> String in
            let length = [0, 1, 100, 65_535, 65_536, 65_537, 150_000].randomElement(using: &random)!
            return String(repeating: "x", count: Int.random(in: 0...length, using: &random))
        }
        let endsWithNewline = seed % 2 == 0
        let url = folder.appendingPathComponent("lines.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")).utf8).write(to: url)
        var reader = try LineReader(url)
        defer { reader.close() }
        var read: [String] = []
        while let line = try reader.next() { read.append(String(decoding: line, as: UTF8.self)) }
        let expected = endsWithNewline || lines.last != "" ? lines : Array(lines.dropLast())
        #expect(read == expected)
    }
}
