import Foundation
import Testing

@testable import LoreKit

@Suite struct EventEnvelopeTests {
    static let key = try! SigningKey(rawRepresentation: Data(repeating: 7, count: 32))
    static let adr = ADRID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!)

    static func sample(seq: Int64 = 1, prev: EventID? = nil, salt: Data = Data(repeating: 1, count: 16))
        throws
        -> Event
    {
        try Event.make(
            store: StoreID("s-1"), seq: seq, prev: prev, hlc: HLC(wallMillis: 1_710_403_200_000, counter: 3),
            author: "Ada <ada@example.com>", stream: adr.stream, deps: [],
            payload: .adrRecorded(
                ADRRecorded(
                    adr: adr, number: 1, title: "Use \"Postgres\" & café", status: "proposed",
                    date: "2024-03-14")),
            salt: salt, key: key)
    }

    @Test func sameInputsGiveTheSameIdAndBytes() throws {
        let a = try Self.sample()
        let b = try Self.sample()
        #expect(a.id == b.id)
        #expect(a.body == b.body)
        #expect(a.id == EventID(digestOf: a.body))
        #expect(try Self.sample(salt: Data(repeating: 2, count: 16)).id != a.id)
    }

    @Test func bodyRoundTripsThroughItsParser() throws {
        let event = try Self.sample(seq: 2, prev: EventID(digestOf: Data("x".utf8)))
        let parsed = try EventBody.decode(event.body)
        #expect(parsed == event.header)
        #expect(parsed.encoded() == event.body)
        #expect(parsed.kind == .adrRecorded)
        #expect(parsed.replica == Self.key.replica)
    }

    @Test func bodyCarriesEveryEnvelopeField() throws {
        let object = try JSONSerialization.jsonObject(with: try Self.sample().body) as! [String: Any]
        let fields = [
            "v", "store", "replica", "seq", "prev", "hlc", "author", "kind", "schema", "stream", "deps",
            "payload_hash",
        ]
        #expect(Set(object.keys) == Set(fields))
    }

    @Test func intactEventHasNoProblems() throws {
        #expect(try Self.sample().integrityProblems.isEmpty)
    }

    @Test func everyAlteredBodyByteIsDetected() throws {
        let event = try Self.sample()
        for index in event.body.indices {
            var body = event.body
            body[index] ^= 0x01
            let (_, problems) = EventIntegrity.check(
                id: event.id.bytes, body: body, signature: event.signature, salt: event.salt,
                payload: event.payload)
            #expect(!problems.isEmpty, "byte \(index) of the body")
        }
    }

    @Test func everyAlteredPayloadOrSaltByteIsDetected() throws {
        let event = try Self.sample()
        let payload = try #require(event.payload)
        let salt = try #require(event.salt)
        for index in payload.indices {
            var altered = payload
            altered[index] ^= 0x20
            let (_, problems) = EventIntegrity.check(
                id: event.id.bytes, body: event.body, signature: event.signature, salt: salt, payload: altered
            )
            #expect(problems.contains { $0.contains("payload") }, "byte \(index) of the payload")
        }
        for index in salt.indices {
            var altered = salt
            altered[index] ^= 0x01
            let (_, problems) = EventIntegrity.check(
                id: event.id.bytes, body: event.body, signature: event.signature, salt: altered,
                payload: payload)
            #expect(!problems.isEmpty, "byte \(index) of the salt")
        }
    }

    @Test func everyAlteredSignatureByteIsDetected() throws {
        let event = try Self.sample()
        for index in event.signature.indices {
            var signature = event.signature
            signature[index] ^= 0x01
            let (_, problems) = EventIntegrity.check(
                id: event.id.bytes, body: event.body, signature: signature, salt: event.salt,
                payload: event.payload)
            #expect(problems.contains { $0.contains("signature") }, "byte \(index) of the signature")
        }
    }

    @Test func aSignatureByAnotherKeyIsRejected() throws {
        let event = try Self.sample()
        let forged = try SigningKey().sign(Event.signingMessage(for: event.id))
        let (_, problems) = EventIntegrity.check(
            id: event.id.bytes, body: event.body, signature: forged, salt: event.salt, payload: event.payload)
        #expect(problems.contains { $0.contains("signature") })
    }

    @Test func erasedPayloadStillVerifies() throws {
        let event = try Self.sample()
        let (header, problems) = EventIntegrity.check(
            id: event.id.bytes, body: event.body, signature: event.signature, salt: nil, payload: nil)
        #expect(problems.isEmpty)
        #expect(header?.payloadHash == event.header.payloadHash)
    }

    @Test func replicaIdIsThePublicKey() throws {
        let replica = Self.key.replica
        #expect(replica.rawValue.hasPrefix("ed25519."))
        #expect(ReplicaID(replica.rawValue) == replica)
        #expect(ReplicaID("ed25519.zz") == nil)
        #expect(try SigningKey(rawRepresentation: Self.key.rawRepresentation).replica == replica)
    }

    @Test func jsonTextEscapesControlAndQuoteCharacters() throws {
        let tricky = "a\"b\\c\nd\u{01}é日本"
        let quoted = JSONText.quote(tricky)
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(decoded == tricky)
    }

    @Test func hlcTicksForwardAndPacksLosslessly() {
        let clock = HLC(wallMillis: 1000, counter: 5)
        #expect(HLC(packed: clock.packed) == clock)
        #expect(clock.tick(nowMillis: 900) == HLC(wallMillis: 1000, counter: 6))
        #expect(clock.tick(nowMillis: 2000) == HLC(wallMillis: 2000, counter: 0))
        #expect(
            HLC(wallMillis: 1000, counter: 0xffff).tick(nowMillis: 0) == HLC(wallMillis: 1001, counter: 0))
        #expect(clock < clock.tick(nowMillis: 0))
    }

    @Test(arguments: [
        Int64(0), 1_710_403_200_000, 951_782_400_000, 4_102_444_799_999, 1_795_976_822_527, 86_399_999,
    ])
    func clockReadingsPrintAsISO8601InUTC(_ millis: Int64) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let expected = formatter.string(from: Date(timeIntervalSince1970: Double(millis / 1000)))
        #expect(HLC(wallMillis: millis, counter: 7).iso8601 == expected)
    }
}
