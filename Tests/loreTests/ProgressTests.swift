import Foundation
import Testing

/// Long work shows progress on a terminal and stays quiet when piped.
@Suite struct ProgressTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/adr-corpora/npryce__adr-tools")

    @Test func importAndRebuildShowProgressOnlyOnATerminal() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let piped = try sandbox.lore("import", Self.fixture.path)
        #expect(piped.status == 0, "\(piped)")
        #expect(!piped.stderr.contains("importing") && !piped.stderr.contains("\r"), "\(piped)")
        let rebuiltPiped = try sandbox.lore("rebuild")
        #expect(rebuiltPiped.status == 0 && !rebuiltPiped.stderr.contains("rebuilding"), "\(rebuiltPiped)")
        let terminal = try sandbox.inTerminal(["rebuild"])
        #expect(terminal.status == 0, "\(terminal)")
        #expect(terminal.stdout.contains("rebuilding"), "\(terminal)")
        #expect(terminal.stdout.contains("rebuilt projections"), "\(terminal)")
    }
}
