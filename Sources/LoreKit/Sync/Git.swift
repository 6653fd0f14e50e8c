public import Foundation

/// Problems syncing through a git repository.
public enum GitSyncError: LocalizedError, Equatable {
    /// `git` could not be started.
    case gitMissing(String)
    /// A git command failed: the command (`git clone`) and git's own message.
    case failed(command: String, message: String)
    /// The push was rejected every time because others kept pushing.
    case pushRejected(remote: String, attempts: Int)
    /// The subfolder is not a relative path inside the repository.
    case badSubfolder(String)
    /// The branch name is not one git accepts.
    case badBranch(String)

    public var errorDescription: String? {
        switch self {
        case .gitMissing(let reason): "lore sync git needs the git program, which could not be run: \(reason)"
        case .failed(let command, let message): "`\(command)` failed: \(message)"
        case .pushRejected(let remote, let attempts):
            "\(remote) kept moving: the push was rejected \(attempts) times; run `lore sync git` again"
        case .badSubfolder(let path):
            "'\(path)' is not a folder inside the repository; expected a relative path such as 'lore'"
        case .badBranch(let name): "'\(name)' is not a valid git branch name"
        }
    }
}

/// The real `git` program, run with `Process` (never a shell) in one folder.
struct Git {
    /// What one run printed and how it exited.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The line of stderr that says what went wrong: the first `fatal:` or `error:`
        /// line, else the first non-empty one.
        var message: String {
            let lines = stderr.split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let reason = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") }
            return reason ?? lines.first { !$0.isEmpty } ?? "exit status \(status)"
        }
    }

    /// The working folder of every command.
    var directory: URL
    /// `-c` settings given before every command: who commits, no signing, no pager.
    var settings: [String] = []

    /// The `-c` settings that let git commit as `author` ("Name <email>") on a machine with
    /// no git configuration, without signing prompts or hooks getting in the way.
    static func identity(_ author: String) -> [String] {
        var name = author.trimmingCharacters(in: .whitespaces)
        var email = "lore@localhost"
        if let open = author.lastIndex(of: "<"), let close = author.lastIndex(of: ">"), open < close {
            let inside = author[author.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !inside.isEmpty { email = inside }
            name = author[..<open].trimmingCharacters(in: .whitespaces)
        }
        if name.isEmpty { name = "lore" }
        return [
            "-c", "user.name=\(name)", "-c", "user.email=\(email)", "-c", "commit.gpgsign=false",
            "-c", "core.pager=cat",
        ]
    }

    /// Runs `git ARGUMENTS` and returns what it printed, whatever its exit status.
    ///
    /// - Throws: ``GitSyncError/gitMissing(_:)`` when git cannot be started.
    func output(_ arguments: [String]) throws -> Output {
        let fm = FileManager.default
        let io = fm.temporaryDirectory.appendingPathComponent("lore-git-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: io, withIntermediateDirectories: true)
        } catch {
            throw GitSyncError.gitMissing("cannot make a temporary folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: io) }
        let outURL = io.appendingPathComponent("out")
        let errURL = io.appendingPathComponent("err")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + settings + arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment
        process.standardInput = FileHandle.nullDevice
        do {
            guard fm.createFile(atPath: outURL.path, contents: nil),
                fm.createFile(atPath: errURL.path, contents: nil)
            else { throw CocoaError(.fileWriteUnknown) }
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
        } catch {
            throw GitSyncError.gitMissing(error.localizedDescription)
        }
        let stdout = String(decoding: fm.contents(atPath: outURL.path) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: fm.contents(atPath: errURL.path) ?? Data(), as: UTF8.self)
        // `env` exits 127 when it finds no git at all.
        if process.terminationStatus == 127, stderr.contains("git") && stderr.contains("No such file") {
            throw GitSyncError.gitMissing(stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Runs `git ARGUMENTS` and returns its stdout, trimmed.
    ///
    /// - Throws: ``GitSyncError/failed(command:message:)`` naming the command and git's
    ///   message unless it exits 0.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try output(arguments)
        guard result.status == 0 else {
            throw GitSyncError.failed(command: Self.name(arguments), message: result.message)
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `git ARGUMENTS` exits 0 (for checks such as `rev-parse --verify --quiet`).
    func succeeds(_ arguments: [String]) throws -> Bool { try output(arguments).status == 0 }

    /// `git SUBCOMMAND`, for messages.
    static func name(_ arguments: [String]) -> String {
        "git " + (arguments.first { !$0.hasPrefix("-") } ?? "")
    }

    /// The caller's environment without what would point git at another repository.
    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX"] {
            environment[name] = nil
        }
        return environment
    }
}
