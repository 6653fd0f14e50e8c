/// A record with the file names of the records it links to, ready to write.
public struct ExportedADR: Sendable, Hashable {
    public var record: ADRRecord
    /// The file name this record is written to.
    public var fileName: String
    /// Each link's target file name, by target id.
    public var targetFiles: [String: String]
}

/// Writes records in adr-tools' layout, as `adr new`, `adr new -s`, `adr new -l` and
/// `adr link` leave them: a folder of `NNNN-slug.md` files.
public enum ADRToolsWriter {
    /// The file's text. For a record adr-tools wrote, this reproduces the file byte for byte.
    public static func render(_ item: ExportedADR) -> String {
        let record = item.record
        var out = "# \(record.number). \(record.title)\n\nDate: \(record.date)\n"
        for field in record.metadata where field.heading != "Date" && field.heading != "Status" {
            out += "\(field.heading): \(field.text)\n"
        }
        for section in record.sections where section.heading.isEmpty { out += "\n\(section.text)\n" }
        out += "\n## Status\n\n" + statusLines(item).map { $0 + "\n\n" }.joined()
        var body: [(String, String, Int?)] = [
            ("Context", record.context, nil), ("Decision", record.decision, nil),
            ("Consequences", record.consequences, nil),
        ].filter { !$0.1.isEmpty }
        if !record.options.isEmpty {
            body.append(("Considered Options", record.options.map { "* \($0)" }.joined(separator: "\n"), nil))
        }
        body += record.sections.filter { !$0.heading.isEmpty }.map { ($0.heading, $0.text, $0.level) }
        out += body.map { heading, text, level in
            String(repeating: "#", count: level ?? 2) + " \(heading)\n" + (text.isEmpty ? "" : "\n\(text)\n")
        }.joined(separator: "\n")
        return out
    }

    /// The status section: the status word, then one line per link in the order they were made.
    ///
    /// adr-tools drops the word `Accepted` when a record is superseded and keeps any other
    /// word; lore does the same.
    static func statusLines(_ item: ExportedADR) -> [String] {
        let record = item.record
        var word = record.history.map(\.status).last { $0 != ADRStatus.superseded }
        if record.status == ADRStatus.superseded && word == ADRStatus.accepted { word = nil }
        let links = record.links.map { link in
            "\(link.label) [\(link.number). \(link.title)](\(item.targetFiles[link.target] ?? ""))"
        }
        return (word.map { [ADRMarkdownWriter.capitalized($0)] } ?? []) + links
    }

    /// adr-tools' file name for a record: `0007-use-kafka.md`.
    public static func fileName(number: Int, title: String) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + slug(title) + ".md"
    }

    /// adr-tools' slug: every run of bytes that are not ASCII letters or digits becomes one
    /// `-`, letters are lowercased, leading and trailing dashes go.
    public static func slug(_ title: String) -> String {
        var bytes: [UInt8] = []
        for byte in title.utf8 {
            let isAlnum = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
            if isAlnum {
                bytes.append((65...90).contains(byte) ? byte + 32 : byte)
            } else if bytes.last != UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "-"))
            }
        }
        while bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
