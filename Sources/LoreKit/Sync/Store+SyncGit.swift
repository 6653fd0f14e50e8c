import Crypto
import Foundation

/// What `lore sync git` did.
public struct GitSyncReport: Sendable, Hashable, Codable {
    public var remote: String
    /// The working clone, inside the store's folder.
    public var clone: String
    public var branch: String
    public var imported: SyncReport
    /// Events this replica published in a new bundle.
    public var published: Int
    /// The commit that carries this replica's new files, or nil when nothing changed.
    public var commit: String?
    /// Whether anything was pushed to the remote.
    public var pushed: Bool
}

extension Store {
    /// Syncs through a git repository: pulls, syncs the folder `subfolder` of a working
    /// clone kept under `.lore/git/`, commits only this replica's own files, and pushes.
    ///
    /// Each replica writes only under `subfolder/<store>/<replica>/`, so rebasing onto what
    /// others pushed never conflicts; a rejected push is rebased and retried.
    ///
    /// - Parameters:
    ///   - remote: what `git clone` accepts: a URL, `host:path`, or an absolute local path.
    ///   - branch: the branch to sync on; default: the remote's default branch (`main` for
    ///     an empty remote).
    ///   - subfolder: the folder inside the repository that holds lore's files.
    /// - Throws: ``GitSyncError`` naming the git command that failed and git's message;
    ///   ``SyncError`` for a bundle that cannot be imported.
    public func syncGit(
        remote: String, branch: String? = nil, subfolder: String = "lore", progress: ProgressReport? = nil
    ) throws -> GitSyncReport {
        try syncGit(remote: remote, branch: branch, subfolder: subfolder, progress: progress) {}
    }

    /// ``syncGit(remote:branch:subfolder:progress:)`` with a step run just before pushing,
    /// so tests can push from elsewhere in between.
    func syncGit(
        remote: String, branch: String?, subfolder: String, progress: ProgressReport?,
        beforePush: () throws -> Void
    ) throws -> GitSyncReport {
        let subfolder = try GitClone.relative(subfolder)
        if let branch {
            let git = Git(directory: location.folder)
            guard try git.succeeds(["check-ref-format", "--branch", branch]), !branch.hasPrefix("-") else {
                throw GitSyncError.badBranch(branch)
            }
        }
        let clone = try GitClone.open(
            remote, under: location.folder.appendingPathComponent("git"), author: try info().author)
        let branch = try clone.update(branch)
        let synced = try syncDirectory(
            clone.git.directory.appendingPathComponent(subfolder.isEmpty ? "." : subfolder)
                .standardizedFileURL,
            progress: progress)
        let info = try info()
        let mine = (subfolder.isEmpty ? [] : [subfolder]) + [info.id.rawValue, info.replica.rawValue]
        var commit = try clone.commit(
            mine.joined(separator: "/"), message: "lore sync: \(synced.published) events from \(info.site)")
        try beforePush()
        let pushed = try clone.push(branch, remote: remote)
        if commit != nil { commit = try clone.git.run(["rev-parse", "HEAD"]) }
        return GitSyncReport(
            remote: remote, clone: clone.git.directory.path, branch: branch, imported: synced.imported,
            published: synced.published, commit: commit, pushed: pushed)
    }
}

/// The working clone `lore sync git` keeps for one remote.
struct GitClone {
    /// How many times a rejected push is rebased and tried again.
    static let retries = 3

    let git: Git

    /// Opens the clone of `remote` under `root`, cloning it the first time.
    ///
    /// - Throws: ``GitSyncError`` when git cannot clone; nothing is left behind then.
    static func open(_ remote: String, under root: URL, author: String) throws -> GitClone {
        let fm = FileManager.default
        let directory = root.appendingPathComponent(folderName(remote))
        let git = Git(directory: directory, settings: Git.identity(author))
        if fm.fileExists(atPath: directory.appendingPathComponent(".git").path) { return GitClone(git: git) }
        let createdRoot = !fm.fileExists(atPath: root.path)
        do {
            try? fm.removeItem(at: directory)
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw SyncError.unwritable(root.path, error.localizedDescription)
        }
        let parent = Git(directory: root, settings: git.settings + ["-c", "init.defaultBranch=main"])
        let result = try parent.output(["clone", "--quiet", "--", remote, directory.lastPathComponent])
        guard result.status == 0 else {
            try? fm.removeItem(at: directory)
            if createdRoot { try? fm.removeItem(at: root) }
            throw GitSyncError.failed(command: "git clone \(remote)", message: result.message)
        }
        return GitClone(git: git)
    }

    /// A readable, unique folder name for a remote: its letters and digits, and a hash.
    static func folderName(_ remote: String) -> String {
        var name = ""
        for scalar in remote.unicodeScalars {
            if scalar.isASCII,
                CharacterSet.alphanumerics.contains(scalar) || "._".unicodeScalars.contains(scalar)
            {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, !name.hasSuffix("-") {
                name += "-"
            }
        }
        name = String(name.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).suffix(60))
        let hash = Data(SHA256.hash(data: Data(remote.utf8))).hexString.prefix(8)
        return (name.isEmpty ? "remote" : name) + "-" + hash
    }

    /// `path` as a relative folder inside the repository ("" for its top).
    ///
    /// - Throws: ``GitSyncError/badSubfolder(_:)`` for an absolute path or one that leaves
    ///   the repository or enters `.git`.
    static func relative(_ path: String) throws -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == ".git" }) else {
            throw GitSyncError.badSubfolder(path)
        }
        return parts.joined(separator: "/")
    }

    /// Fetches, moves to `requested` (default: the clone's branch) and rebases onto the
    /// remote's copy of it when there is one.
    ///
    /// - Returns: the branch synced on.
    func update(_ requested: String?) throws -> String {
        try git.run(["fetch", "--quiet", "--prune", "origin"])
        let current = try? git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        let branch = requested ?? current ?? "main"
        let onRemote = try exists("refs/remotes/origin/\(branch)")
        if current != branch {
            if try exists("refs/heads/\(branch)") {
                try git.run(["checkout", "--quiet", branch])
            } else if onRemote {
                try git.run(["checkout", "--quiet", "-b", branch, "--track", "origin/\(branch)"])
            } else if try exists("HEAD") {
                try git.run(["switch", "--quiet", "--orphan", branch])
            } else {
                try git.run(["symbolic-ref", "HEAD", "refs/heads/\(branch)"])
            }
        }
        if onRemote { try pull(branch) }
        return branch
    }

    /// Rebases this replica's commits onto the remote's copy of `branch`; a rebase that
    /// stops (someone else wrote this replica's files) is aborted, leaving the clone usable.
    private func pull(_ branch: String) throws {
        let result = try git.output(["pull", "--quiet", "--rebase", "--autostash", "origin", branch])
        guard result.status == 0 else {
            _ = try? git.output(["rebase", "--abort"])
            throw GitSyncError.failed(command: "git pull", message: result.message)
        }
    }

    /// Stages `path` (this replica's folder, and nothing else) and commits it when it changed.
    ///
    /// - Returns: the new commit, or nil when nothing changed.
    func commit(_ path: String, message: String) throws -> String? {
        try git.run(["add", "--all", "--", path])
        guard try !git.succeeds(["diff", "--cached", "--quiet", "--", path]) else { return nil }
        try git.run(["commit", "--quiet", "--no-verify", "--message", message, "--", path])
        return try git.run(["rev-parse", "HEAD"])
    }

    /// Pushes `branch` when the remote lacks commits of it; when someone pushed meanwhile,
    /// rebases onto their work and tries again, up to ``retries`` times.
    ///
    /// - Returns: whether anything was pushed.
    func push(_ branch: String, remote: String) throws -> Bool {
        guard try ahead(branch) else { return false }
        for attempt in 0...Self.retries {
            let result = try git.output([
                "push", "--quiet", "--no-verify", "--set-upstream", "origin", branch,
            ])
            if result.status == 0 { return true }
            try git.run(["fetch", "--quiet", "origin"])
            guard try moved(branch) else {
                throw GitSyncError.failed(command: "git push \(remote)", message: result.message)
            }
            guard attempt < Self.retries else {
                throw GitSyncError.pushRejected(remote: remote, attempts: attempt + 1)
            }
            try pull(branch)
        }
        return true
    }

    /// Whether the local branch holds commits its copy on the remote lacks.
    private func ahead(_ branch: String) throws -> Bool {
        guard try exists("HEAD") else { return false }
        guard try exists("refs/remotes/origin/\(branch)") else { return true }
        return try git.run(["rev-list", "--count", "origin/\(branch)..HEAD"]) != "0"
    }

    /// Whether the remote's copy of the branch holds commits the local one lacks.
    private func moved(_ branch: String) throws -> Bool {
        guard try exists("refs/remotes/origin/\(branch)") else { return false }
        return try !git.succeeds(["merge-base", "--is-ancestor", "origin/\(branch)", "HEAD"])
    }

    private func exists(_ reference: String) throws -> Bool {
        try git.succeeds(["rev-parse", "--verify", "--quiet", reference])
    }
}
