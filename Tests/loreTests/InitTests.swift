import Foundation
import Testing

/// `lore init`, and how every other command finds its store.
@Suite struct InitTests {
    @Test func initCreatesTheStoreAndKeepsTheKeyOutsideIt() throws {
        let sandbox = try LoreSandbox()
        let result = try sandbox.lore("init")
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: sandbox.database.path))

        let keys = sandbox.home.appendingPathComponent("keys")
        let keyNames = try FileManager.default.contentsOfDirectory(atPath: keys.path)
        #expect(keyNames.count == 1 && keyNames[0].hasSuffix(".key"), "\(keyNames)")
        let keyFile = keys.appendingPathComponent(try #require(keyNames.first))
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile.path)
        let mode = try #require(attributes[.posixPermissions] as? NSNumber).intValue
        #expect(mode & 0o777 == 0o600, "key file mode is \(String(mode, radix: 8))")
        #expect(result.stdout.contains(keyFile.path), "init should say where the key is: \(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent(".config").path))
        #if os(Linux)
            // Without --site, the site is the machine's name as the kernel knows it.
            let host = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(result.stdout.contains("at site '\(host)'"), "\(result)")
        #endif

        // Neither the key's text nor its raw bytes may appear anywhere inside `.lore`.
        let keyText = try String(contentsOf: keyFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let rawKey = try #require(Data(base64Encoded: keyText))
        #expect(rawKey.count >= 32)
        let inside = try #require(FileManager.default.enumerator(atPath: sandbox.storeFolder.path))
        var checked = 0
        for case let name as String in inside {
            let file = sandbox.storeFolder.appendingPathComponent(name)
            #expect(!name.hasSuffix(".key"), "a key file inside the store: \(name)")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            checked += 1
            #expect(data.range(of: rawKey) == nil, "raw key bytes inside \(name)")
            #expect(data.range(of: Data(keyText.utf8)) == nil, "key text inside \(name)")
        }
        #expect(checked >= 1)
    }

    @Test func secondInitInTheSamePlaceFails() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        try sandbox.newADR("Keep this record")
        try sandbox.expectFailure(["init"], mentions: ["already exists", sandbox.storeFolder.path])
        #expect(try sandbox.list().map(\.title) == ["Keep this record"])
    }

    @Test func theStoreIsFoundByWalkingUpFromASubdirectory() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let deep = sandbox.root.appendingPathComponent("src/module/inner")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let recorded = try sandbox.lore("adr", "new", "Found from below", in: deep)
        #expect(recorded.status == 0, "\(recorded)")
        #expect(!FileManager.default.fileExists(atPath: deep.appendingPathComponent(".lore").path))
        #expect(try sandbox.list().map(\.title) == ["Found from below"])
    }

    @Test func storeOptionAndLoreStoreOverrideTheWalk() throws {
        let sandbox = try LoreSandbox()
        let one = sandbox.root.appendingPathComponent("one")
        let two = sandbox.root.appendingPathComponent("two")
        for folder in [one, two] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            #expect(try sandbox.lore("init", in: folder).status == 0)
        }
        #expect(try sandbox.lore("adr", "new", "In one", in: one).status == 0)
        // --store, given the folder holding `.lore`, relative to the working directory.
        #expect(try sandbox.lore("adr", "new", "In two", "--store", "../two", in: one).status == 0)
        // --store given the `.lore` folder itself.
        let twoStore = two.appendingPathComponent(".lore").path
        #expect(try sandbox.lore("adr", "new", "Also in two", "--store", twoStore, in: one).status == 0)
        // LORE_STORE overrides the walk; --store overrides LORE_STORE.
        let viaEnvironment = try sandbox.lore(
            "adr", "list", "--format", "json", in: one, environment: ["LORE_STORE": two.path])
        #expect(
            try decode([ListedADR].self, viaEnvironment.stdout).map(\.title) == ["In two", "Also in two"])
        let both = try sandbox.lore(
            "adr", "list", "--format", "json", "--store", one.path, in: two,
            environment: ["LORE_STORE": two.path])
        #expect(try decode([ListedADR].self, both.stdout).map(\.title) == ["In one"])
        let walked = try sandbox.lore("adr", "list", "--format", "json", in: one)
        #expect(try decode([ListedADR].self, walked.stdout).map(\.title) == ["In one"])
    }

    @Test func aFolderWithoutAStoreSaysHowToMakeOne() throws {
        let sandbox = try LoreSandbox()
        let result = try sandbox.expectFailure(
            ["adr", "list"], mentions: ["no lore store found", sandbox.root.path, "lore init"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.storeFolder.path), "\(result)")
        let missing = sandbox.root.appendingPathComponent("nowhere").path
        try sandbox.expectFailure(
            ["adr", "list", "--store", missing], mentions: ["not a lore store", missing])
        try sandbox.expectFailure(
            ["log"], mentions: ["not a lore store", missing], environment: ["LORE_STORE": missing])
    }

    @Test func anUnwritableLoreHomeLeavesNoHalfMadeStore() throws {
        let sandbox = try LoreSandbox()
        let file = sandbox.root.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: file)
        let home = file.appendingPathComponent("home").path
        try sandbox.expectFailure(["init"], mentions: ["LORE_HOME", home], environment: ["LORE_HOME": home])
        #expect(!FileManager.default.fileExists(atPath: sandbox.storeFolder.path))
    }

    @Test(arguments: [false, true])
    func aDamagedStoreFileIsReportedAsDamaged(truncated: Bool) throws {
        let sandbox = try LoreSandbox()
        try FileManager.default.createDirectory(at: sandbox.storeFolder, withIntermediateDirectories: true)
        if truncated {
            let source = try LoreSandbox()
            try source.initStore()
            try source.newADR("Soon cut short")
            try Data(try Data(contentsOf: source.database).prefix(5000)).write(to: sandbox.database)
        } else {
            try Data(String(repeating: "not a database ", count: 100).utf8).write(to: sandbox.database)
        }
        for command in [["adr", "list"], ["verify"], ["log"]] {
            let result = try sandbox.lore(command)
            #expect(result.status == 1 && result.stdout.isEmpty, "\(result)")
            #expect(result.stderrLines.count == 1, "\(result)")
            #expect(
                result.stderr.contains("damaged") && result.stderr.contains(sandbox.database.path),
                "\(result)")
        }
    }
}
