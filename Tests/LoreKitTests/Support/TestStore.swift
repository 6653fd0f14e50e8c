import Foundation
import GRDB

@testable import LoreKit

/// A counter that tests share with `@Sendable` closures.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64

    init(_ start: UInt64 = 0) { value = start }

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Fresh stores in temporary folders, with a deterministic clock, UUIDs and salts.
enum TestStore {
    /// A clock that starts at 2024-03-14 and moves one second per reading; counters for
    /// UUIDs and salts so every run writes the same bytes.
    /// - Parameter namespace: sets the first UUID digits, so sites of one test never mint the same id.
    static func environment(start: Date = Date(timeIntervalSince1970: 1_710_403_200), namespace: UInt32 = 0)
        -> LoreEnvironment
    {
        let ticks = Counter()
        let uuids = Counter()
        let salts = Counter()
        return LoreEnvironment(
            now: { start.addingTimeInterval(Double(ticks.next())) },
            newUUID: {
                let n = uuids.next()
                return UUID(uuidString: String(format: "%08x-0000-4000-8000-%012llx", namespace, n))!
            },
            randomBytes: { count in
                let n = salts.next()
                return Data((0..<count).map { UInt8(truncatingIfNeeded: n &+ UInt64($0)) })
            })
    }

    /// A new temporary folder, removed by the caller with ``cleanUp(_:)``.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lore-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new store holding `drafts`, recorded in order, with the components they name
    /// registered first.
    static func make(recording drafts: [ADRDraft]) throws -> (Store, URL) {
        let (store, folder) = try make()
        for component in Set(drafts.flatMap(\.components)) { try store.registerComponent(component) }
        for draft in drafts { try store.recordADR(draft) }
        return (store, folder)
    }

    /// A new store in its own temporary folder, with its own key ring.
    static func make(environment: LoreEnvironment = environment()) throws -> (Store, URL) {
        let folder = temporaryFolder()
        let store = try Store.create(
            StoreLocation(folder: folder.appendingPathComponent(".lore")), name: "test", site: "london",
            author: "Ada <ada@example.com>", keyRing: KeyRing(home: folder.appendingPathComponent("home")),
            environment: environment)
        return (store, folder)
    }

    static func cleanUp(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs raw SQL on the store's file (used to tamper with it), triggers dropped first.
    static func tamper(_ store: Store, _ sql: String, arguments: StatementArguments = []) throws {
        try store.queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS events_immutable_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS payloads_erase_only")
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    /// Writes the store's events to `$LORE_SCHEMA_SAMPLES/<name>.jsonl` for scripts/check-schemas.
    static func writeSamples(_ store: Store, name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["LORE_SCHEMA_SAMPLES"], !folder.isEmpty else {
            return
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = try store.events().map { $0.event.jsonRecord() }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(
            to: URL(fileURLWithPath: folder).appendingPathComponent("unit-\(name).jsonl"))
    }
}

/// A small deterministic random generator (SplitMix64) for property tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
