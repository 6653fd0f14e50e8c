import Foundation
import Testing

@testable import LoreKit

/// `syncGit` with the real git and a local bare repository as the remote.
@Suite struct GitSyncTests {
    /// A bare repository with `main` as its default branch, and no commits.
    static func bareRemote(in folder: URL, named name: String = "remote.git") throws -> URL {
        try Git(directory: folder).run(["init", "--quiet", "--bare", "--initial-branch=main", name])
        return folder.appendingPathComponent(name)
    }

    /// The remote's commits on `branch`, newest first: author, subject and the files each touched.
    static func commits(_ remote: URL, branch: String = "main") throws -> [(
        author: String, subject: String, files: [String]
    )] {
        let log = try Git(directory: remote).run(["log", "--format=@%an <%ae>|%s", "--name-only", branch])
        var commits: [(author: String, subject: String, files: [String])] = []
        for line in log.split(separator: "\n").map(String.init) where !line.isEmpty {
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: "|", maxSplits: 1).map(String.init)
                commits.append((parts[0], parts.count > 1 ? parts[1] : "", []))
            } else {
                commits[commits.count - 1].files.append(line)
            }
        }
        return commits
    }

    @Test func sitesTakingTurnsConvergeAndEachCommitTouchesOnlyItsOwnFolder() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let remote = try Self.bareRemote(in: folder)
        let sites = try Sites.make(3, in: folder)
        try sites[0].recordADR(ADRDraft(title: "From London"))
        try sites[1].recordADR(ADRDraft(title: "From Pune"))
        try sites[2].recordADR(ADRDraft(title: "From Lisbon"))
        for _ in 0..<2 {
            for site in sites {
                let report = try site.syncGit(remote: remote.path)
                #expect(report.branch == "main")
                #expect(report.clone.hasPrefix(site.location.folder.path + "/git/"), "\(report.clone)")
            }
        }
        let digests = try sites.map { try $0.checkProjections() }
        #expect(digests.allSatisfy { $0.matches })
        #expect(Set(digests.map(\.live)).count == 1, "\(digests.map(\.live))")
        #expect(try sites[0].adrs().count == 3)
        for site in sites { #expect(try site.verify().ok) }

        let storeID = try sites[0].info().id.rawValue
        let commits = try Self.commits(remote)
        #expect(commits.count >= 3)
        for site in sites {
            let info = try site.info()
            let own = commits.filter { $0.subject.hasSuffix(" from \(info.site)") }
            #expect(!own.isEmpty, "no commit from \(info.site): \(commits)")
            for commit in own {
                #expect(commit.author == info.author)
                let prefix = "lore/\(storeID)/\(info.replica.rawValue)/"
                #expect(
                    !commit.files.isEmpty && commit.files.allSatisfy { $0.hasPrefix(prefix) }, "\(commit)")
            }
        }
        #expect(
            commits.allSatisfy { $0.subject.hasPrefix("lore sync: ") && $0.subject.contains(" events from ") }
        )
        #expect(commits.last?.subject.hasSuffix(" from site0") == true, "\(commits)")

        // Nothing new anywhere: no commit, nothing pushed, the remote unchanged.
        for site in sites {
            let again = try site.syncGit(remote: remote.path)
            #expect(again.commit == nil && !again.pushed)
            #expect(again.published == 0 && again.imported.added == 0)
        }
        #expect(try Self.commits(remote).count == commits.count)
    }

    @Test func aPushRejectedBecauseSomeonePushedMeanwhileIsRebasedAndRetried() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let remote = try Self.bareRemote(in: folder)
        let sites = try Sites.make(3, in: folder)
        try sites[1].recordADR(ADRDraft(title: "From Pune"))
        // Both first pushes to the empty remote race: site 0 wins, site 1 rebases onto it.
        let first = try sites[1].syncGit(remote: remote.path, branch: nil, subfolder: "lore", progress: nil) {
            let winner = try sites[0].syncGit(remote: remote.path)
            #expect(winner.pushed)
        }
        #expect(first.pushed && first.commit != nil)
        #expect(try Self.commits(remote).count == 2)
        #expect(try Git(directory: remote).run(["rev-parse", "main"]) == first.commit)
        // Again with history on the remote: site 2 pushes while site 0 is about to.
        try sites[0].recordADR(ADRDraft(title: "From London"))
        try sites[2].recordADR(ADRDraft(title: "From Lisbon"))
        let second = try sites[0].syncGit(remote: remote.path, branch: nil, subfolder: "lore", progress: nil)
        {
            let winner = try sites[2].syncGit(remote: remote.path)
            #expect(winner.pushed)
        }
        #expect(second.pushed)
        let merges = try Git(directory: remote).run(["rev-list", "--merges", "--count", "main"])
        #expect(merges == "0")
        for _ in 0..<2 { for site in sites { _ = try site.syncGit(remote: remote.path) } }
        let digests = try sites.map { try $0.checkProjections().live }
        #expect(Set(digests).count == 1)
        #expect(try sites[1].adrs().count == 3)
    }

    @Test func aBranchOfItsOwnLeavesTheRemotesOtherBranchesAlone() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let remote = try Self.bareRemote(in: folder)
        let work = Git(directory: folder, settings: Git.identity("Dev <dev@example.com>"))
        try work.run(["clone", "--quiet", remote.path, "work"])
        let checkout = Git(directory: folder.appendingPathComponent("work"), settings: work.settings)
        try Data("# Code\n".utf8).write(to: folder.appendingPathComponent("work/README.md"))
        try checkout.run(["add", "README.md"])
        try checkout.run(["commit", "--quiet", "-m", "code"])
        try checkout.run(["push", "--quiet", "origin", "main"])

        let sites = try Sites.make(2, in: folder)
        try sites[0].recordADR(ADRDraft(title: "Kept apart"))
        for site in sites + sites {
            let report = try site.syncGit(remote: remote.path, branch: "decisions", subfolder: "adr/lore")
            #expect(report.branch == "decisions")
        }
        #expect(try sites[1].adrs().map(\.title) == ["Kept apart"])
        let main = try Self.commits(remote, branch: "main")
        #expect(main.map(\.subject) == ["code"])
        let decisions = try Self.commits(remote, branch: "decisions")
        #expect(!decisions.isEmpty)
        #expect(decisions.allSatisfy { $0.files.allSatisfy { $0.hasPrefix("adr/lore/") } }, "\(decisions)")
    }

    @Test func aRemoteThatDoesNotExistIsAClearErrorAndChangesNothing() throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let sites = try Sites.make(1, in: folder)
        try sites[0].recordADR(ADRDraft(title: "Stays put"))
        let before = Sites.fileBytes(sites[0])
        let missing = folder.appendingPathComponent("nowhere.git").path
        let error = #expect(throws: GitSyncError.self) { try sites[0].syncGit(remote: missing) }
        let message = error?.errorDescription ?? ""
        #expect(message.contains("git clone") && message.contains("nowhere.git"), "\(message)")
        #expect(!message.contains("\n"), "\(message)")
        #expect(Sites.fileBytes(sites[0]) == before)
        let clones = sites[0].location.folder.appendingPathComponent("git")
        #expect(!FileManager.default.fileExists(atPath: clones.path))
    }

    @Test(arguments: ["/tmp/lore", "../outside", "lore/.git/hooks"])
    func aSubfolderOutsideTheRepositoryIsRefused(subfolder: String) throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let remote = try Self.bareRemote(in: folder)
        let sites = try Sites.make(1, in: folder)
        #expect(throws: GitSyncError.badSubfolder(subfolder)) {
            try sites[0].syncGit(remote: remote.path, subfolder: subfolder)
        }
    }

    @Test(arguments: ["bad..name", "-f", "with space"])
    func aBranchNameGitRefusesIsRefusedBeforeCloning(branch: String) throws {
        let folder = TestStore.temporaryFolder()
        defer { TestStore.cleanUp(folder) }
        let remote = try Self.bareRemote(in: folder)
        let sites = try Sites.make(1, in: folder)
        #expect(throws: GitSyncError.badBranch(branch)) {
            try sites[0].syncGit(remote: remote.path, branch: branch)
        }
        let clones = sites[0].location.folder.appendingPathComponent("git")
        #expect(!FileManager.default.fileExists(atPath: clones.path))
    }

    @Test func cloneFoldersAreReadableAndDistinct() {
        let a = GitClone.folderName("git@github.com:acme/decisions.git")
        #expect(a.hasPrefix("git-github.com-acme-decisions.git-"))
        #expect(GitClone.folderName("/srv/a/b") != GitClone.folderName("/srv/a-b"))
        #expect(!GitClone.folderName("///").isEmpty)
    }
}
