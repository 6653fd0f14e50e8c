import Foundation

extension LoreSandbox {
    /// Runs `lore` under `/usr/bin/script`, so its stdin, stdout and stderr are a
    /// pseudo-terminal; everything it writes comes back in `stdout`.
    func inTerminal(_ arguments: [String], environment extra: [String: String] = [:]) throws -> LoreResult {
        let command = ([LoreRunner.binary.path] + arguments).map(Self.shellQuoted).joined(separator: " ")
        let input = Pipe()
        defer { try? input.fileHandleForWriting.close() }
        var environment = self.environment
        environment["SHELL"] = "/bin/sh"
        environment.merge(extra) { _, new in new }
        return try LoreRunner.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: root,
            environment: environment, stdin: input.fileHandleForReading)
    }

    /// One word for `sh -c`: single-quoted, with single quotes spelled `'\\''`.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
