import Foundation

/// Writes records in the MADR layout: YAML front matter, then the MADR headings.
public enum MADRWriter {
    public static func render(_ item: ExportedADR) -> String {
        let record = item.record
        var front = ["status: \(yaml(record.status))", "date: \(record.date)"]
        if !record.tags.isEmpty { front.append("tags: [\(record.tags.map(yaml).joined(separator: ", "))]") }
        front += record.metadata.filter { $0.heading != "Status" && $0.heading != "Date" }.map {
            "\($0.heading): \(yaml($0.text))"
        }
        var out = "---\n" + front.joined(separator: "\n") + "\n---\n\n# \(record.title)\n"
        for section in record.sections where section.heading.isEmpty { out += "\n\(section.text)\n" }
        var body: [(String, String, Int)] = []
        if !record.context.isEmpty { body.append(("Context and Problem Statement", record.context, 2)) }
        if !record.options.isEmpty {
            body.append(("Considered Options", record.options.map { "* \($0)" }.joined(separator: "\n"), 2))
        }
        if !record.decision.isEmpty { body.append(("Decision Outcome", record.decision, 2)) }
        if !record.consequences.isEmpty { body.append(("Consequences", record.consequences, 3)) }
        body += record.sections.filter { !$0.heading.isEmpty }.map { ($0.heading, $0.text, $0.level ?? 2) }
        if !record.links.isEmpty {
            let lines = record.links.map {
                "* \($0.label) [\($0.title)](\(item.targetFiles[$0.target] ?? ""))"
            }
            body.append(("Links", lines.joined(separator: "\n"), 2))
        }
        for (heading, text, level) in body {
            out +=
                "\n" + String(repeating: "#", count: level) + " \(heading)\n"
                + (text.isEmpty ? "" : "\n\(text)\n")
        }
        return out
    }

    /// MADR's file name: `0007-use-kafka.md`.
    public static func fileName(number: Int, title: String) -> String {
        ADRToolsWriter.fileName(number: number, title: title)
    }

    /// A YAML scalar: plain when safe, double-quoted otherwise.
    static func yaml(_ value: String) -> String {
        let plain =
            !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || " -_./@".contains($0) }
            && !value.hasPrefix(" ") && !value.hasSuffix(" ") && !value.hasPrefix("-")
        if plain { return value }
        return "\""
            + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
