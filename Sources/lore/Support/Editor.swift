import Foundation

/// Opens the user's editor on a text, as `git commit` does.
enum Editor {
    struct Failed: LocalizedError {
        var message: String
        var errorDescription: String? { message }
    }

    /// Lets the user edit `template` in `$VISUAL`, `$EDITOR` or `vi`.
    ///
    /// - Returns: the saved text, or nil when it is empty or unchanged.
    static func edit(_ template: String) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor =
            [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "lore-adr-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).md")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(template.utf8)) else {
            throw Failed(message: "cannot write the template to \(file.path)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "lore-editor", file.path]
        do {
            try process.run()
        } catch {
            throw Failed(message: "cannot start the editor '\(editor)': \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(
                message:
                    "the editor '\(editor)' exited with status \(process.terminationStatus); nothing recorded"
            )
        }
        let text = try TextFiles.read(file.path)
        let unchanged = text == template
        let empty = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        return unchanged || empty ? nil : text
    }
}
