public import Foundation

/// What `lore export` wrote.
public struct ExportReport: Sendable, Hashable, Codable {
    public var folder: String
    public var layout: String
    public var files: [String]
}

extension Store {
    /// Every record with the file name it is exported under, by number.
    ///
    /// A record imported from a file keeps that file's name; others get `NNNN-slug.md`.
    public func exportedADRs() throws -> [ExportedADR] {
        let records = try read(ADRExportQueries.records)
        let names = Self.fileNames(records.map { ($0.number, $0.title, $0.source) })
        let namesByID = Dictionary(zip(records.map(\.id), names), uniquingKeysWith: { first, _ in first })
        return zip(records, names).map { record, name in
            ExportedADR(
                record: record, fileName: name,
                targetFiles: Dictionary(
                    record.links.map { ($0.target, namesByID[$0.target] ?? "") },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Every record's number, title, file name and relations, by number: what `lore export toc`
    /// and `lore export graph` print, read without loading any record's text.
    ///
    /// Each entry equals `ADRIndexEntry(item)` for the same record in ``exportedADRs()``.
    public func adrIndex() throws -> [ADRIndexEntry] {
        let rows = try read(ADRExportQueries.index)
        let names = Self.fileNames(rows.map { ($0.number, $0.title, $0.source) })
        return zip(rows, names).map { row, name in
            ADRIndexEntry(number: row.number, title: row.title, fileName: name, links: row.links)
        }
    }

    /// The file name of each record, from records in number order.
    ///
    /// A record imported from a file keeps that file's name unless an earlier record took it
    /// (compared without case); others get adr-tools' `NNNN-slug.md`.
    private static func fileNames(_ records: [(number: Int, title: String, source: String?)]) -> [String] {
        var used = Set<String>()
        return records.map { record in
            // adr-tools' names are lowercase already; only a kept file name needs lowering.
            let generated = { ADRToolsWriter.fileName(number: record.number, title: record.title) }
            guard let source = record.source else {
                let name = generated()
                used.insert(name)
                return name
            }
            let kept = (source as NSString).lastPathComponent
            if used.insert(kept.lowercased()).inserted { return kept }
            let name = generated()
            used.insert(name)
            return name
        }
    }

    /// Writes one file per record into `directory` in the given layout.
    ///
    /// Files are written to a temporary name and renamed, so a reader never sees half a file.
    /// - Throws: ``ExportError`` when the folder cannot be created or written.
    @discardableResult
    public func exportADRs(to directory: URL, layout: ADRLayout, progress: ProgressReport? = nil) throws
        -> ExportReport
    {
        let items = try exportedADRs()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError.unwritable(directory.path, error.localizedDescription)
        }
        var written: [String] = []
        for (done, item) in items.enumerated() {
            if done % 100 == 0 { progress?(done, items.count) }
            let text = layout == .madr ? MADRWriter.render(item) : ADRToolsWriter.render(item)
            try ExportFile.replace(
                directory.appendingPathComponent(item.fileName, isDirectory: false), with: text)
            written.append(item.fileName)
        }
        progress?(items.count, items.count)
        return ExportReport(folder: directory.path, layout: layout.rawValue, files: written)
    }
}

/// The files `lore export DIR` writes.
private enum ExportFile {
    /// Writes `text` to a temporary name beside `target` and renames it over `target`, so a
    /// reader sees the old file or the new one, never half of one.
    ///
    /// The file is not synced to disk: an export can be run again, and syncing each file (as
    /// `Data.write` does) made exporting 10,000 records take 27 s here instead of about 1 s.
    static func replace(_ target: URL, with text: String) throws {
        // Saying `isDirectory` spares a look at the disk for each name.
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).lore-tmp", isDirectory: false)
        func failure() -> ExportError {
            ExportError.unwritable(target.path, String(cString: strerror(errno)))
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        do {
            let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try file.write(contentsOf: Data(text.utf8))
            try file.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ExportError.unwritable(target.path, error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let error = failure()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// Problems writing an export.
public enum ExportError: LocalizedError, Equatable {
    case unwritable(String, String)

    public var errorDescription: String? {
        switch self {
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
