import Foundation
import Testing

/// `lore verify` and `lore rebuild` against stores changed behind lore's back.
@Suite struct VerifyTamperTests {
    private static let marker = "Zanzibar-7f3"

    /// A store with a few records, one with the marker in its title; returns the log.
    private func tamperableStore() throws -> (LoreSandbox, [LoggedEvent]) {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("Use a message queue", ["--decision", "RabbitMQ."])
        try sandbox.newADR("Route through \(Self.marker) harbour", ["--context", "Ships."])
        try sandbox.newADR("Keep a changelog")
        try sandbox.ok("adr", "accept", "2", "--reason", "tides")
        let verified = try sandbox.lore("verify")
        try #require(verified.status == 0, "an untouched store must verify: \(verified)")
        #expect(verified.stdout.hasPrefix("ok: "), "\(verified)")
        try checkpoint(sandbox)
        return (sandbox, try sandbox.log())
    }

    /// Makes sure every committed page is in `lore.db` itself, not in a write-ahead log.
    private func checkpoint(_ sandbox: LoreSandbox) throws {
        let wal = sandbox.database.path + "-wal"
        if let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int, size > 0 {
            let result = try sandbox.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
            #expect(result.status == 0, "\(result)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int
        try #require(size == nil || size == 0, "the WAL still holds \(size ?? 0) bytes")
    }

    /// Every offset at which `needle` occurs in `data`.
    private func offsets(of needle: Data, in data: Data) -> [Int] {
        var found: [Int] = []
        var start = data.startIndex
        while let range = data.range(of: needle, in: start..<data.endIndex) {
            found.append(range.lowerBound - data.startIndex)
            start = range.lowerBound + 1
        }
        return found
    }

    /// The event that recorded the record titled `title`.
    private func recorded(_ title: String, _ sandbox: LoreSandbox, _ log: [LoggedEvent]) throws -> LoggedEvent
    {
        let adr = try #require(try sandbox.list().first { $0.title.contains(title) })
        return try #require(log.first { $0.kind == "adr.recorded" && $0.stream == "adr/\(adr.id)" })
    }

    /// Checks that `verify` fails and names `event`, in text and in JSON.
    private func expectVerifyNames(
        _ event: LoggedEvent, saying words: String, _ sandbox: LoreSandbox,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try sandbox.lore("verify")
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let line = result.stderrLines.first { $0.contains("event \(event.id.prefix(12))") }
        #expect(
            line?.contains(words) == true, "verify should name event \(event.id): \(result)",
            sourceLocation: sourceLocation)
        let json = try sandbox.lore("verify", "--format", "json")
        #expect(json.status == 1, "\(json)", sourceLocation: sourceLocation)
        #expect(json.stdout.contains(event.id), "\(json)", sourceLocation: sourceLocation)
    }

    @Test func anAlteredPayloadIsNamed() throws {
        let (sandbox, log) = try tamperableStore()
        let target = try recorded(Self.marker, sandbox, log)
        var bytes = try Data(contentsOf: sandbox.database)
        let found = offsets(of: Data(Self.marker.utf8), in: bytes)
        try #require(!found.isEmpty, "the marker is not in lore.db")
        for offset in found {
            bytes[bytes.startIndex + offset + Self.marker.utf8.count - 1] = UInt8(ascii: "4")
        }
        try bytes.write(to: sandbox.database)
        try expectVerifyNames(target, saying: "payload", sandbox)
    }

    @Test func anAlteredBodyIsNamed() throws {
        let (sandbox, log) = try tamperableStore()
        let target = try recorded("Keep a changelog", sandbox, log)
        var bytes = try Data(contentsOf: sandbox.database)
        let found = offsets(of: Data(target.body.utf8), in: bytes)
        try #require(found.count == 1, "the body occurs \(found.count) times in lore.db")
        let author = try #require(offsets(of: Data(#""author":""#.utf8), in: Data(target.body.utf8)).first)
        let index = bytes.startIndex + found[0] + author + #""author":""#.utf8.count
        bytes[index] = bytes[index] == UInt8(ascii: "B") ? UInt8(ascii: "C") : UInt8(ascii: "B")
        try bytes.write(to: sandbox.database)
        try expectVerifyNames(target, saying: "id does not match", sandbox)
    }

    @Test func driftedProjectionsAreFoundAndRebuilt() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("Use a message queue")
        try sandbox.newADR("Keep a changelog")
        let check = try sandbox.lore("rebuild", "--check")
        #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(check)")

        let update = try sandbox.sqlite("UPDATE adrs SET title = 'x'")
        try #require(update.status == 0, "\(update)")
        #expect(try sandbox.list().map(\.title) == ["x", "x"])
        let drifted = try sandbox.lore("rebuild", "--check")
        #expect(drifted.status == 1 && drifted.stdout.isEmpty, "\(drifted)")
        #expect(drifted.stderr.contains("differ from a rebuild"), "\(drifted)")
        #expect(try sandbox.list().map(\.title) == ["x", "x"], "rebuild --check must change nothing")
        let verify = try sandbox.lore("verify")
        #expect(verify.status == 1 && verify.stderr.contains("projections"), "\(verify)")

        let rebuilt = try sandbox.lore("rebuild")
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("repaired"), "\(rebuilt)")
        #expect(try sandbox.list().map(\.title) == ["Use a message queue", "Keep a changelog"])
        let again = try sandbox.lore("verify")
        #expect(again.status == 0, "\(again)")
    }

    @Test(arguments: [
        "DELETE FROM events", "UPDATE events SET seq = 99", "UPDATE events SET body = x'00'",
        "DELETE FROM payloads", "UPDATE payloads SET payload = x'7b7d'", "UPDATE payloads SET salt = x'00'",
    ])
    func theSchemaRefusesToRewriteTheLog(sql: String) throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("Immutable", ["--decision", "Events never change."])
        let before = try sandbox.logText()
        let result = try sandbox.sqlite(sql)
        #expect(result.status != 0, "sqlite3 \(sql) succeeded: \(result)")
        #expect(
            result.stderr.contains("lore events are immutable") || result.stderr.contains("lore payloads"))
        #expect(try sandbox.logText() == before)
        let verify = try sandbox.lore("verify")
        #expect(verify.status == 0, "\(verify)")
    }
}
