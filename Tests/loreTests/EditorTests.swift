import Foundation
import Testing

/// `lore adr new TITLE` with no body: the editor on a terminal, an immediate record otherwise.
@Suite struct EditorTests {
    private func inTerminal(_ sandbox: LoreSandbox, _ arguments: [String], editor: URL) throws -> LoreResult {
        try sandbox.inTerminal(arguments, environment: ["EDITOR": editor.path])
    }

    private func seen(_ sandbox: LoreSandbox) -> String? {
        try? String(contentsOf: sandbox.root.appendingPathComponent("seen.md"), encoding: .utf8)
    }

    @Test func whatTheEditorSavesIsRecorded() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let editor = try sandbox.script(
            "editor.sh",
            """
            cp "$1" "\(sandbox.root.path)/seen.md"
            printf '\\n## Decision\\n\\nWe write decisions in the editor.\\n' >> "$1"
            """)
        let title = "Edit me: it's \"quoted\" | piped"
        let result = try inTerminal(sandbox, ["adr", "new", title], editor: editor)
        #expect(result.status == 0, "\(result)")
        let template = try #require(seen(sandbox))
        #expect(template.contains("# \(title)") && template.contains("## Decision"), "\(template)")
        let record = try sandbox.show("1")
        #expect(record.title == title)
        #expect(record.decision == "We write decisions in the editor.")
        #expect(record.status == "proposed")
    }

    @Test(arguments: [
        ("unchanged", #"cp "$1" "$(dirname "$0")/seen.md""#),
        ("emptied", #"cp "$1" "$(dirname "$0")/seen.md"; : > "$1""#),
        ("blanked", #"cp "$1" "$(dirname "$0")/seen.md"; printf '\n  \n\t\n' > "$1""#),
    ])
    func anUnchangedOrEmptyTemplateRecordsNothing(name: String, script: String) throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let before = try sandbox.logText()
        let editor = try sandbox.script("editor-\(name).sh", script)
        let result = try inTerminal(sandbox, ["adr", "new", "Never recorded"], editor: editor)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("nothing recorded"), "\(result)")
        #expect(seen(sandbox) != nil, "the editor did not run")
        #expect(try sandbox.logText() == before)
        #expect(try sandbox.list().isEmpty)
    }

    @Test func aFailingEditorRecordsNothing() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let before = try sandbox.logText()
        let editor = try sandbox.script("editor-fails.sh", #"echo '## Decision' >> "$1"; exit 3"#)
        let result = try inTerminal(sandbox, ["adr", "new", "Never recorded"], editor: editor)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("status 3") && result.stdout.contains("nothing recorded"), "\(result)")
        #expect(try sandbox.logText() == before)
    }

    @Test func aBodyOnTheCommandLineSkipsTheEditor() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let marker = sandbox.root.appendingPathComponent("editor-ran")
        let editor = try sandbox.script("editor-marks.sh", "touch '\(marker.path)'; exit 1")
        let result = try inTerminal(sandbox, ["adr", "new", "Given", "--decision", "Flags."], editor: editor)
        #expect(result.status == 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(try sandbox.show("1").decision == "Flags.")
    }

    @Test func withoutATerminalTheRecordIsMadeAtOnce() throws {
        let sandbox = try LoreSandbox()
        try sandbox.initStore()
        let marker = sandbox.root.appendingPathComponent("editor-ran")
        let editor = try sandbox.script("editor-marks.sh", "touch '\(marker.path)'; exit 1")
        for (title, command) in [("Piped one", "false"), ("Piped two", editor.path)] {
            let result = try sandbox.lore(
                ["adr", "new", title], environment: ["EDITOR": command, "VISUAL": command])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(title), "\(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let records = try sandbox.list()
        #expect(records.map(\.title) == ["Piped one", "Piped two"])
        #expect(try sandbox.show("2").decision.isEmpty)
    }
}
