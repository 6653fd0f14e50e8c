import Foundation
import LoreKit

/// The commands that write: fill a store, time one bulk batch, time durable single appends.
enum WriteCommands {
    static let author = "Bench Author <bench@example.com>"

    /// `populate`: a new store holding `--records` decisions with their components, teams,
    /// owners, hand-offs and follow-up events, appended in batches of `--chunk` events (one
    /// transaction each), and a context note per `--notes-every` decisions, added one by one
    /// as `lore note add` does.
    static func populate(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let records = try arguments.int("records")
        let chunk = try arguments.int("chunk", default: 50_000)
        let notesEvery = try arguments.int("notes-every", default: 25)
        let store = try Store.create(location, name: "Bench", site: "bench", author: author, keyRing: keys)
        var data = DataSet(seed: try arguments.seed, plannedRecords: records)
        var events = 0
        var notes = 0
        let start = Measure.now()
        while data.recordCount < records {
            var batch: [BatchItem] = []
            while batch.count < chunk && data.recordCount < records { batch += data.nextEvents() }
            try store.append(batch)
            events += batch.count
            while notesEvery > 0, notes < data.recordCount / notesEvery {
                try store.addNote(data.note())
                notes += 1
            }
        }
        var line = ResultLine("populate")
        line.add("records", data.recordCount)
        line.add("notes", notes)
        line.add("events", events + notes)
        line.add("components", data.components.count)
        line.add("seconds", Measure.now() - start)
        line.emit()
    }

    /// `bulk`: a new store, and exactly `--events` generated events appended with one call of
    /// the batch API (one transaction, projections and search index included).
    static func bulk(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let count = try arguments.int("events")
        let store = try Store.create(location, name: "Bench", site: "bench", author: author, keyRing: keys)
        var data = DataSet(seed: try arguments.seed, plannedRecords: max(1, count / 2))
        let (batch, generating) = Measure.time { Array(data.events(atLeast: count).prefix(count)) }
        let before = Measure.memory()
        let (_, seconds) = try Measure.time { try store.append(batch) }
        let after = Measure.memory()
        var line = ResultLine("bulk")
        line.add("events", batch.count)
        line.add("records", data.recordCount)
        line.add("seconds", seconds)
        line.add("events_per_s", Double(batch.count) / seconds)
        line.add("generate_seconds", generating)
        line.add("rss_before_kb", before.rssKB)
        line.add("peak_kb", after.peakKB)
        line.add("db_bytes", fileSize(location.database.path) + fileSize(location.database.path + "-wal"))
        line.emit()
    }

    /// `single`: `--count` decisions recorded one by one in an existing store, each its own
    /// durable transaction (WAL, synchronous=FULL), as `lore adr new` does.
    static func single(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let count = try arguments.int("count")
        let store = try Store.open(location, keyRing: keys)
        var data = DataSet(seed: try arguments.seed ^ 0x5151, plannedRecords: 1, registerComponents: false)
        data.components = try store.components().map(\.name)
        guard !data.components.isEmpty else { throw BenchError.usage("the store has no components") }
        for _ in 0..<2 { try store.recordADR(data.draft()) }  // warm-up: key, caches
        var times: [Double] = []
        for _ in 0..<count {
            let draft = data.draft()
            let (_, seconds) = try Measure.time { try store.recordADR(draft) }
            times.append(seconds)
        }
        var line = ResultLine("single")
        line.add("count", count)
        line.add("p50_s", Measure.percentile(times, 50))
        line.add("p99_s", Measure.percentile(times, 99))
        line.add("mean_s", times.reduce(0, +) / Double(max(times.count, 1)))
        line.add("per_s", Double(times.count) / times.reduce(0, +))
        line.emit()
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
