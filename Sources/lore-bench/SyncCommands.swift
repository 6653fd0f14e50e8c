import Foundation
import LoreKit

/// Bundles between sites: a whole store exported and joined at a new site, and incremental
/// sync of a few new events on top of a shared history.
enum SyncCommands {
    /// `bundle-export`: the whole log of `--store` as one bundle file `--out`.
    static func export(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let out = URL(fileURLWithPath: try arguments.string("out"))
        let store = try Store.open(location, keyRing: keys)
        let (count, seconds) = try Measure.time { try store.exportBundle(to: out) }
        var line = ResultLine("bundle-export")
        line.add("events", count)
        line.add("seconds", seconds)
        line.add("bytes", WriteCommands.fileSize(out.path))
        line.emit()
    }

    /// `bundle-import`: a new site joins from the bundle `--bundle` into `--store`: every
    /// event checked, appended in one transaction, projected and indexed for search. Run it in
    /// a process of its own to read its peak memory.
    static func importBundle(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let bundle = URL(fileURLWithPath: try arguments.string("bundle"))
        let ((_, report), seconds) = try Measure.time {
            try Store.join(
                location, from: bundle, site: "receiver", author: WriteCommands.author, keyRing: keys)
        }
        var line = ResultLine("bundle-import")
        line.add("events", report.added)
        line.add("seconds", seconds)
        line.add("events_per_s", Double(report.added) / seconds)
        line.add("peak_kb", Measure.memory().peakKB)
        line.emit()
    }

    /// `sync`: `--rounds` times, `--events` new decisions at the sender `--store`, then the
    /// sender exports what the receiver `--peer` lacks (by the receiver's have file) and the
    /// receiver imports it. Each side is timed alone; the history is whatever the two share.
    static func incremental(_ arguments: Arguments) throws {
        let (location, keys) = try arguments.location()
        let peerFolder = URL(fileURLWithPath: try arguments.string("peer"))
        let peer = StoreLocation(folder: peerFolder.appendingPathComponent(StoreLocation.folderName))
        let count = try arguments.int("events", default: 100)
        let rounds = try arguments.int("rounds", default: 3)
        let sender = try Store.open(location, keyRing: keys)
        let receiver = try Store.open(peer, keyRing: keys)
        let history = try sender.stats().events
        let components = try sender.components().map(\.name)
        let records = try sender.stats().adrsByStatus.values.reduce(0, +)
        var exports: [Double] = []
        var imports: [Double] = []
        var importsCPU: [Double] = []
        var sent = 0
        for round in 0..<rounds {
            var data = DataSet(
                seed: try arguments.seed ^ UInt64(0x5e4d + round), plannedRecords: count,
                registerComponents: false,
                firstNumber: records + 1 + round * count * 2)
            data.components = components
            try sender.append(Array(data.events(atLeast: count).prefix(count)))
            let file = peerFolder.appendingPathComponent("delta-\(round).bundle")
            let have = try receiver.have()
            let (events, exporting) = try Measure.time { try sender.exportBundle(to: file, for: have) }
            let (report, importing, importingCPU) = try Measure.timeWithCPU {
                try receiver.importBundles([file])
            }
            guard report.added == events else {
                throw BenchError.usage("the receiver added \(report.added) of \(events) events")
            }
            sent = events
            exports.append(exporting)
            imports.append(importing)
            importsCPU.append(importingCPU)
        }
        var line = ResultLine("sync")
        line.add("history", history)
        line.add("events", sent)
        line.add("export_s", Measure.percentile(exports, 50))
        line.add("import_s", Measure.percentile(imports, 50))
        line.add("import_cpu_s", Measure.percentile(importsCPU, 50))
        line.add("import_mean_s", imports.reduce(0, +) / Double(max(imports.count, 1)))
        line.add("import_max_s", imports.max() ?? 0)
        line.emit()
    }
}
