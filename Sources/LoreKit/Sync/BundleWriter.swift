import Crypto
import Foundation
import GRDB

/// Writes bundles: streamed from the log to a temporary file, renamed when complete.
enum BundleWriter {
    /// Writes every event the receiver lacks according to `have` (nil: everything).
    ///
    /// - Returns: how many events were written, per replica range.
    static func write(
        to url: URL, store: StoreInfo, have: [String: HaveEntry]?, progress: ProgressReport?, _ db: Database
    ) throws -> (count: Int, ranges: [String: [Int64]]) {
        var ranges: [String: [Int64]] = [:]
        var total = 0
        var after: [String: Int64] = [:]
        for replica in try EventLog.replicas(db) {
            var known = have?[replica]?.seq ?? 0
            // The receiver's head differs from ours at that seq: a fork; send ours from there.
            if let entry = have?[replica], !entry.id.isEmpty, known > 0,
                try EventLog.id(of: replica, seq: known, db)?.hexString != entry.id
            {
                known -= 1
            }
            after[replica] = known
            if let range = try EventLog.range(replica, after: known, db) {
                ranges[replica] = [range.from, range.to]
                total += range.count
            }
        }
        let header = BundleHeader(
            format: BundleFormat.name, version: BundleFormat.version, minReader: BundleFormat.minReader,
            store: store.id.rawValue, name: store.name, sender: store.replica.rawValue, forHave: have,
            count: total,
            ranges: ranges)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).lore-tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw SyncError.unwritable(url.path, "cannot create a file there")
        }
        var output = BufferedOutput(try FileHandle(forWritingTo: temporary))
        do {
            try output.line(Data(try Self.encoder.encode(header)))
            var written = 0
            for replica in ranges.keys.sorted() {
                try EventLog.forEach(replica: replica, after: after[replica] ?? 0, db) { stored in
                    try output.line(Data(stored.event.jsonRecord().utf8))
                    written += 1
                    if written % 1000 == 0 { progress?(written, total) }
                }
            }
            let trailer = BundleTrailer(trailer: true, count: written, sha256: output.digest)
            try output.line(Data(try Self.encoder.encode(trailer)), hashed: false)
            try output.close()
            if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
            try FileManager.default.moveItem(at: temporary, to: url)
            progress?(written, total)
            return (written, ranges)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Buffered line output that hashes what it writes.
struct BufferedOutput {
    private let handle: FileHandle
    private var buffer = Data()
    private var hasher = SHA256()

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func line(_ data: Data, hashed: Bool = true) throws {
        var bytes = data
        bytes.append(0x0A)
        if hashed { hasher.update(data: bytes) }
        buffer.append(bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    var digest: String { Data(hasher.finalize()).hexString }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }
}
