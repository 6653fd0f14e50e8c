import Foundation

/// YAML front matter as decision records use it: flat `key: value` pairs, inline
/// `[a, b]` lists and indented `- item` lists. Anything deeper is kept as written.
enum FrontMatter {
    /// The front-matter lines and the rest, when the file starts with `---`.
    static func split(_ lines: [String]) -> ([String], [String])? {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }
            )
        else { return nil }
        return (Array(lines[1..<end]), Array(lines[(end + 1)...]))
    }

    static func read(_ lines: [String], into result: inout ParsedADR) {
        for (key, value) in pairs(lines) {
            switch key.lowercased() {
            case "status": ADRStatusReader.read([value], into: &result)
            case "date": result.date = value
            case "tags": result.tags += MarkdownLines.tagList(value)
            case "title": if result.title.isEmpty { result.title = value }
            default: result.metadata.append(ADRSection(heading: key, text: value))
            }
        }
    }

    /// `key: value` pairs in order; an indented list under a key becomes `a, b`.
    static func pairs(_ lines: [String]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.first == " " || line.first == "\t" || trimmed.hasPrefix("- ") {
                guard !pairs.isEmpty else { continue }
                let item = trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : trimmed
                let last = pairs[pairs.count - 1]
                pairs[pairs.count - 1].1 = last.1.isEmpty ? unquote(item) : last.1 + ", " + unquote(item)
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            pairs.append((key, unquote(value)))
        }
        return pairs
    }

    private static func unquote(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
