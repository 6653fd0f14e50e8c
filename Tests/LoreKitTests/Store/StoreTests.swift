import Foundation
import GRDB
import Testing

@testable import LoreKit

@Suite struct StoreTests {
    @Test func createWritesAnEnrolmentSignedByANewKeyKeptOutsideTheStore() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let info = try store.info()
        let events = try store.events()
        #expect(events.count == 1)
        #expect(events[0].event.header.kind == .keyEnrolled)
        #expect(events[0].event.header.replica == info.replica)
        let keyFile = store.keyRing.keyFile(for: info.replica)
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!keyFile.path.hasPrefix(store.location.folder.path))
        let storeFiles = try FileManager.default.contentsOfDirectory(atPath: store.location.folder.path)
        #expect(storeFiles.allSatisfy { !$0.hasSuffix(".key") })
    }

    @Test func databaseIsInWALModeWithFullSync() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let (mode, sync) = try store.queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            )
        }
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test func theWALIsCheckpointedAt32MiBNotAtEveryImport() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let pages = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        // An incremental import of 100 events writes about 1,000 pages, SQLite's default.
        #expect(pages == 8192)
    }

    @Test func createRefusesAnExistingStoreAndLeavesItAlone() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        #expect(throws: StoreError.alreadyExists(store.location.folder.path)) {
            try Store.create(
                store.location, name: "again", site: "x", author: "x", keyRing: store.keyRing)
        }
        #expect(try store.info().name == "test")
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for sql in [
            "UPDATE events SET seq = 99", "DELETE FROM events", "DELETE FROM payloads",
            "UPDATE payloads SET payload = x'00'",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try store.queue.write { try $0.execute(sql: sql) }
            }
        }
        #expect(try store.verify().ok)
    }

    @Test func appendsChainPerReplicaWithRisingClock() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for n in 1...5 { try store.recordADR(ADRDraft(title: "Decision \(n)")) }
        let events = try store.events().map(\.event)
        #expect(events.map(\.header.seq) == Array(1...6))
        for (previous, next) in zip(events, events.dropFirst()) {
            #expect(next.header.prev == previous.id)
            #expect(previous.header.hlc < next.header.hlc)
        }
        #expect(events[0].header.prev == nil)
    }

    @Test func batchAppendIsOneTransaction() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let good = SamplePayloads.all[0]
        // The second item fails inside the transaction (a payload that cannot be projected is fine,
        // so force a failure with a stream that violates nothing but a thrown error instead).
        #expect(throws: ADRError.self) {
            try store.write { db, appender in
                try appender.append(stream: "adr/x", payload: good, db)
                throw ADRError.emptyTitle
            }
        }
        #expect(try store.events().count == 1)
        try store.append([(stream: "a", payload: good, deps: []), (stream: "b", payload: good, deps: [])])
        #expect(try store.events().count == 3)
    }

    @Test func findWalksUpAndHonoursOverrides() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        let deep = folder.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        #expect(try StoreLocation.find(explicit: nil, environment: [:], from: deep) == store.location)
        let elsewhere = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(elsewhere) }
        #expect(throws: StoreError.notFound(searchedFrom: elsewhere.standardizedFileURL.path)) {
            try StoreLocation.find(explicit: nil, environment: [:], from: elsewhere.standardizedFileURL)
        }
        #expect(
            try StoreLocation.find(explicit: folder.path, environment: [:], from: elsewhere) == store.location
        )
        #expect(
            try StoreLocation.find(explicit: nil, environment: ["LORE_STORE": folder.path], from: elsewhere)
                == store.location)
        #expect(throws: StoreError.self) {
            try StoreLocation.find(explicit: elsewhere.path, environment: [:], from: folder)
        }
    }

    @Test func aStoreWithoutItsKeyBecomesANewReplica() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Before the copy"))
        let original = try store.info().replica
        let otherHome = KeyRing(home: folder.appendingPathComponent("other-home"))
        let copy = try Store.open(store.location, keyRing: otherHome, environment: TestStore.environment())
        try copy.recordADR(ADRDraft(title: "After the copy"))
        let replica = try copy.info().replica
        #expect(replica != original)
        let mine = try copy.events().map(\.event).filter { $0.header.replica == replica }
        #expect(mine.map(\.header.kind) == [.keyEnrolled, .adrRecorded])
        #expect(mine.map(\.header.seq) == [1, 2])
        #expect(try copy.verify().ok)
    }

    @Test func verifyNamesTheEventWhosePayloadWasAltered() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Zanzibar"))
        let target = try #require(try store.events(EventFilter(kind: "adr.recorded")).first)
        try TestStore.tamper(
            store,
            "UPDATE payloads SET payload = CAST(replace(CAST(payload AS TEXT), 'Zanzibar', 'Zanzibaz') AS BLOB)"
        )
        let report = try store.verify()
        #expect(!report.ok)
        #expect(report.problems.first?.event == target.event.id.hex)
        #expect(report.problems.contains { $0.message.contains("payload") })
    }

    @Test func verifyNamesAnEventWhoseBodyWasAltered() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "One"))
        try store.recordADR(ADRDraft(title: "Two"))
        let second = try store.events()[2].event
        try TestStore.tamper(
            store,
            "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), 'Ada', 'Eve') AS BLOB) WHERE id = ?",
            arguments: [second.id.bytes])
        let report = try store.verify()
        #expect(report.problems.first?.event == second.id.hex)
        #expect(report.problems.first?.message.contains("SHA-256") == true)
    }

    @Test func verifyFindsAGapInTheChain() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        for n in 1...3 { try store.recordADR(ADRDraft(title: "D\(n)")) }
        try store.queue.write { db in
            try db.execute(sql: "DROP TRIGGER events_immutable_delete")
            try db.execute(sql: "DROP TRIGGER payloads_no_delete")
            try db.execute(sql: "DELETE FROM payloads WHERE pos = 2")
            try db.execute(sql: "DELETE FROM events WHERE pos = 2")
        }
        let report = try store.verify()
        #expect(report.problems.contains { $0.message.contains("events are missing") && $0.seq == 3 })
    }

    @Test func verifyAndRebuildCheckSeeDriftedProjectionsAndRebuildRepairsThem() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Original"))
        #expect(try store.checkProjections().matches)
        try store.queue.write { try $0.execute(sql: "UPDATE adrs SET title = 'Drifted'") }
        #expect(!(try store.checkProjections().matches))
        #expect(try store.verify().problems.contains { $0.message.contains("projections") })
        #expect(try store.adr("1").title == "Drifted")  // --check changed nothing
        try store.rebuild()
        #expect(try store.adr("1").title == "Original")
        #expect(try store.verify().ok)
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsDamaged() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let location = StoreLocation(folder: folder.appendingPathComponent(".lore"))
        try FileManager.default.createDirectory(at: location.folder, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: location.database)
        #expect {
            try Store.open(location, keyRing: KeyRing(home: folder))
        } throws: { error in
            guard case StoreError.damaged = error else { return false }
            return true
        }
    }

    @Test func rebuildRefusesToFoldATamperedLog() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "Zanzibar"))
        try TestStore.tamper(
            store,
            "UPDATE payloads SET payload = CAST(replace(CAST(payload AS TEXT), 'Zanzibar', 'Zanzibaz') AS BLOB)"
        )
        #expect {
            try store.rebuild()
        } throws: { error in
            guard case StoreError.logFailsVerification = error else { return false }
            return true
        }
        #expect(try store.adr("1").title == "Zanzibar")
    }

    /// A rebuild checks one signature per chain segment: the last one, which vouches for the
    /// rest through the `prev` links; a forged head is refused.
    @Test func rebuildRefusesALogWhoseChainHeadIsNotSigned() throws {
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.recordADR(ADRDraft(title: "One"))
        try store.recordADR(ADRDraft(title: "Two"))
        try TestStore.tamper(
            store, "UPDATE events SET sig = zeroblob(64) WHERE pos = (SELECT max(pos) FROM events)")
        #expect {
            try store.rebuild()
        } throws: { error in
            guard case StoreError.logFailsVerification(_, let message) = error else { return false }
            return message.contains("signature")
        }
        #expect(try store.verify().problems.contains { $0.message.contains("signature") })
    }
}
