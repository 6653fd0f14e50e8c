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
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError.unwritable(directory.path, error.localizedDescription)
        }
        var written: [String] = []
        for (done, item) in items.enumerated() {
            if done % 100 == 0 { progress?(done, items.count) }
            let text = layout == .madr ? MADRWriter.render(item) : ADRToolsWriter.render(item)
            let target = directory.appendingPathComponent(item.fileName)
            let temporary = directory.appendingPathComponent(".\(item.fileName).lore-tmp")
            do {
                try Data(text.utf8).write(to: temporary)
                if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                try fm.moveItem(at: temporary, to: target)
            } catch {
                try? fm.removeItem(at: temporary)
                throw ExportError.unwritable(target.path, error.localizedDescription)
            }
            written.append(item.fileName)
        }
        progress?(items.count, items.count)
        return ExportReport(folder: directory.path, layout: layout.rawValue, files: written)
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
