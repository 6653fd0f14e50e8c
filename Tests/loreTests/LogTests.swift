import Foundation
import LoreKit
import Testing

/// `lore log --format json`: the records bundles carry, with ids that are body hashes.
@Suite struct LogTests {
    @Test func everyRecordCarriesItsBodyAndAnIdThatHashesIt() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("Logged café 🚀", ["--decision", "Line one\nline \"two\"\\"])
        try sandbox.ok("adr", "accept", "1", "--reason", "yes")
        try sandbox.newADR("Second")
        try sandbox.ok("adr", "supersede", "1", "--by", "2")

        let text = try sandbox.logText()
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count >= 5, "\(text)")
        for record in array {
            for key in ["id", "body", "payload", "salt", "sig"] {
                #expect(record.keys.contains(key), "record lacks \(key): \(record)")
            }
            let id = try #require(record["id"] as? String)
            let body = try #require(record["body"] as? String)
            #expect(EventID(digestOf: Data(body.utf8)).hex == id)
            #expect(record["payload"] is [String: Any], "payload should be a JSON object: \(record)")
            let bodyObject = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            #expect(bodyObject?["kind"] as? String == record["kind"] as? String)
        }
        let kinds = try sandbox.log().map(\.kind)
        #expect(kinds.filter { $0 == "adr.recorded" }.count == 2)
        #expect(kinds.contains("adr.status-changed") && kinds.contains("adr.superseded"))
        try sandbox.saveSchemaSample("log")
    }

    @Test func filtersByKindAndStream() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let first = try sandbox.newADR("First")
        try sandbox.newADR("Second")
        try sandbox.ok("adr", "accept", "1")
        let recorded = try sandbox.lore("log", "--kind", "adr.recorded", "--format", "json")
        #expect(
            try decode([LoggedEvent].self, recorded.stdout).map(\.kind) == ["adr.recorded", "adr.recorded"])
        let stream = try sandbox.lore("log", "--stream", "adr/\(first.id)", "--format", "json")
        let events = try decode([LoggedEvent].self, stream.stdout)
        #expect(events.map(\.kind) == ["adr.recorded", "adr.status-changed"])
        #expect(events.allSatisfy { $0.stream == "adr/\(first.id)" })
        let table = try sandbox.lore("log")
        #expect(table.status == 0 && table.stdout.contains("adr.status-changed"), "\(table)")
    }
}
