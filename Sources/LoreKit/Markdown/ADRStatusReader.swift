import Foundation

/// Reads status sections and link lists: status words, badges, and references to other
/// records, linked (`[ADR-0032](…)`, `./0015-x.md`) or not (`Superseded by ADR 12`).
enum ADRStatusReader {
    /// Relation labels recognised in unlinked text, longest first.
    static let relationLabels = [
        "Superseded by", "Supersedes", "Amended by", "Amends", "Replaced by", "Replaces", "Extended by",
        "Extends",
        "Clarified by", "Clarifies", "Related to", "Relates to",
    ]

    /// Reads the lines of a status section (or one `Status:` value).
    static func read(_ lines: [String], into result: inout ParsedADR) {
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let status = badge(line) {
                result.statuses.append(status)
                result.warnings.append("status read from a badge image: '\(status)'")
                continue
            }
            let (before, links) = inlineLinks(line)
            if !links.isEmpty {
                // `superseded by [x](y)`: the words before the link are the relation.
                let label = relationLabel(before) ?? (before.isEmpty ? "Links to" : before)
                result.links += links.map { ParsedLink(label: label, target: $0.target, text: $0.text) }
                continue
            }
            if let (label, target) = unlinkedRelation(line) {
                result.links.append(ParsedLink(label: label, target: target))
                result.warnings.append("'\(label) \(target)' is not a link; matched by its text")
                continue
            }
            if line.split(separator: " ").count > 4 {
                result.warnings.append("the status is a sentence; kept as written")
            }
            result.statuses.append(line)
        }
    }

    /// Reads a `## Links` list; returns the lines that were not links.
    static func readLinks(_ lines: [String], into result: inout ParsedADR) -> String {
        var rest: [String] = []
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- ") || line.hasPrefix("* ") { line = String(line.dropFirst(2)) }
            let (before, links) = inlineLinks(line)
            if !links.isEmpty, let label = relationLabel(before) ?? (before.isEmpty ? nil : before) {
                result.links += links.map { ParsedLink(label: label, target: $0.target, text: $0.text) }
            } else if let (label, target) = unlinkedRelation(line) {
                result.links.append(ParsedLink(label: label, target: target))
                result.warnings.append("'\(label) \(target)' is not a link; matched by its text")
            } else {
                rest.append(raw)
            }
        }
        return MarkdownLines.trimBlankLines(rest)
    }

    /// `![Status: accepted](…badge/status-accepted-green)` → `accepted`.
    static func badge(_ line: String) -> String? {
        guard let start = line.range(of: "!["), let close = line[start.upperBound...].firstIndex(of: "]")
        else {
            return nil
        }
        var alt = line[start.upperBound..<close].trimmingCharacters(in: .whitespaces)
        if alt.lowercased().hasPrefix("status") {
            alt = alt.dropFirst(6).trimmingCharacters(in: CharacterSet(charactersIn: ":- "))
        }
        if !alt.isEmpty { return alt }
        guard let url = line.range(of: "status-") else { return nil }
        let word = line[url.upperBound...].prefix { $0 != "-" && $0 != ")" && $0 != "?" }
        return word.isEmpty ? nil : String(word).replacingOccurrences(of: "%20", with: " ")
    }

    /// A badge that says it is a status (`![Status: accepted](…)` or a `…/status-accepted-…`
    /// image), on a line of its own; other images are not statuses.
    static func statusBadge(_ line: String) -> String? {
        guard line.hasPrefix("![") || line.hasPrefix("[!["), line.lowercased().contains("status") else {
            return nil
        }
        return badge(line)
    }

    /// The text before the first `[text](target)` and every link on the line.
    static func inlineLinks(_ line: String) -> (String, [(text: String, target: String)]) {
        var links: [(String, String)] = []
        var before: String?
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]"),
            rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
            let end = rest[close...].firstIndex(of: ")")
        {
            if before == nil { before = String(rest[..<open]) }
            let text = String(rest[rest.index(after: open)..<close])
            let target = String(rest[rest.index(close, offsetBy: 2)..<end])
            links.append((text, target.trimmingCharacters(in: .whitespaces)))
            rest = rest[rest.index(after: end)...]
        }
        let label = (before ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " :-*"))
        return (label, links)
    }

    /// A known relation at the start of `text`, in its canonical spelling.
    static func relationLabel(_ text: String) -> String? {
        let lower = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        return relationLabels.first { $0.lowercased() == lower }
    }

    /// `Superseded by ADR-0032` → ("Superseded by", "ADR-0032").
    static func unlinkedRelation(_ line: String) -> (String, String)? {
        let lower = line.lowercased()
        for label in relationLabels
        where lower.hasPrefix(label.lowercased() + " ") || lower.hasPrefix(label.lowercased() + ":") {
            let target = line.dropFirst(label.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            return target.isEmpty ? nil : (label, target)
        }
        return nil
    }
}
