public import Foundation

/// The layouts lore reads and writes.
public enum ADRLayout: String, Sendable, CaseIterable {
    case adrTools = "adr-tools"
    case madr
    case log4brains
}

/// One markdown file of a decisions folder, as read from disk.
public struct ADRSourceFile: Sendable, Hashable {
    /// The path inside the folder, `/`-separated: the record's import key.
    public var path: String
    public var text: String
}

/// A decisions folder: where its records are, which files are records, and its layout.
public struct ADRFolder: Sendable {
    public var root: URL
    public var files: [ADRSourceFile]
    /// Files that could not be read, with the reason.
    public var unreadable: [(path: String, reason: String)]
    /// Files beside the records that are not records (README, index, templates).
    public var skipped: [String]
    /// Notes about how the folder was found (an `.adr-dir` followed).
    public var notes: [String]

    /// Reads every markdown record under `directory`, following an `.adr-dir` file.
    ///
    /// - Throws: ``ImportError/notAFolder(_:)`` when the path is not a readable folder.
    public static func read(_ directory: URL) throws -> ADRFolder {
        var root = directory.standardizedFileURL
        var notes: [String] = []
        let pointer = root.appendingPathComponent(".adr-dir")
        if let text = try? String(contentsOf: pointer, encoding: .utf8) {
            let target = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !target.isEmpty {
                root = root.appendingPathComponent(target).standardizedFileURL
                notes.append("followed .adr-dir to \(target)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw ImportError.notAFolder(root.path) }
        var folder = ADRFolder(root: root, files: [], unreadable: [], skipped: [], notes: notes)
        for path in try markdownPaths(root) {
            let name = (path as NSString).lastPathComponent
            if ADRFileName.isNotARecord(name) || path.split(separator: "/").contains("templates") {
                folder.skipped.append(path)
                continue
            }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            else {
                folder.unreadable.append((path, "permission denied"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                folder.unreadable.append((path, "not UTF-8 text"))
                continue
            }
            folder.files.append(ADRSourceFile(path: path, text: text))
        }
        return folder
    }

    /// The same folder with every path made relative to `base` (the project holding the
    /// store), so that records keep one key wherever the folder is imported from, and two
    /// folders with the same file names do not collide. Folders outside `base` keep
    /// their absolute path.
    public func keyed(relativeTo base: URL) -> ADRFolder {
        let basePath = base.standardizedFileURL.path
        let prefix =
            root.path.hasPrefix(basePath + "/") ? String(root.path.dropFirst(basePath.count + 1)) : root.path
        var copy = self
        func key(_ path: String) -> String { prefix.isEmpty ? path : prefix + "/" + path }
        copy.files = files.map { ADRSourceFile(path: key($0.path), text: $0.text) }
        copy.unreadable = unreadable.map { (key($0.path), $0.reason) }
        copy.skipped = skipped.map(key)
        return copy
    }

    /// Guesses the layout: dated file names mean log4brains; front matter or MADR
    /// headings mean MADR; otherwise adr-tools.
    public var detectedLayout: ADRLayout {
        let names = files.map { ADRFileName(($0.path as NSString).lastPathComponent) }
        if !names.isEmpty, names.filter({ $0.date != nil }).count * 2 >= names.count { return .log4brains }
        let madr = files.filter { file in
            file.text.hasPrefix("---") || file.text.contains("## Context and Problem Statement")
                || file.text.contains("## Decision Outcome")
        }
        return !files.isEmpty && madr.count * 2 >= files.count ? .madr : .adrTools
    }

    /// Relative paths of `.md`/`.markdown` files, sorted, skipping hidden folders.
    private static func markdownPaths(_ root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw ImportError.notAFolder(root.path)
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let lower = path.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { paths.append(path) }
        }
        return paths.sorted()
    }
}

/// Problems reading or importing a decisions folder.
public enum ImportError: LocalizedError, Equatable {
    case notAFolder(String)
    case noRecords(String)

    public var errorDescription: String? {
        switch self {
        case .notAFolder(let path):
            "\(path) is not a folder lore can read; give the folder that holds the ADR files"
        case .noRecords(let path):
            "no decision records found in \(path) (looked for *.md files other than README/index/templates)"
        }
    }
}
