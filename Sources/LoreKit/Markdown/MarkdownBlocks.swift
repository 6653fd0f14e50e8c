import Foundation

/// A heading and the lines under it (up to the next heading of any level).
struct MarkdownBlock {
    var heading: String?
    var level: Int
    var body: [String]
}

/// Splits markdown into heading blocks, treating fenced code as text.
enum MarkdownBlocks {
    static func split(_ lines: [String]) -> [MarkdownBlock] {
        var blocks = [MarkdownBlock(heading: nil, level: 0, body: [])]
        var fence: String?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                // Inside a fenced block nothing is a heading, not even `# …` or `---`.
                if trimmed.hasPrefix(open) { fence = nil }
                blocks[blocks.count - 1].body.append(line)
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
            } else if let (level, title) = heading(line) {
                blocks.append(MarkdownBlock(heading: title, level: level, body: []))
                continue
            }
            blocks[blocks.count - 1].body.append(line)
        }
        if blocks[0].body.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            blocks.removeFirst()
        }
        return blocks
    }

    /// `## Title` → (2, "Title"); a `#` without a following space is not a heading.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        var title = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(in: .whitespaces) }
        return (hashes, title)
    }
}

/// Line-level helpers shared by the readers.
enum MarkdownLines {
    /// Lines without their line ends (`\n` or `\r\n`).
    static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
    }

    static func stripComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<!--") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "-->") else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The lines joined, without leading and trailing blank (or all-space) lines, and
    /// without trailing spaces on otherwise blank lines.
    static func trimBlankLines(_ lines: [String]) -> String {
        var slice = lines.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : $0 }[...]
        while slice.first == "" { slice = slice.dropFirst() }
        while slice.last == "" { slice = slice.dropLast() }
        return slice.joined(separator: "\n")
    }

    /// `Key: value`, `- Key: value` or `* Key: value` with a one- to three-word key.
    static func field(_ line: String) -> (String, String)? {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = String(text.dropFirst(2)) }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.split(separator: " ").count <= 3, key.first?.isLetter == true,
            key.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "(" || $0 == ")" })
        else { return nil }
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (key, value)
    }

    /// Items of a `*` or `-` list, one per line.
    static func listItems(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("* ") || trimmed.hasPrefix("- ") else { return nil }
            return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
    }

    static func nonBlankCount(_ text: String) -> Int {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }

    /// `[a, b]`, `a, b` or `a b` → `["a", "b"]`.
    static func tagList(_ value: String) -> [String] {
        value.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(whereSeparator: {
            $0 == "," || $0 == " "
        })
        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) }.filter { !$0.isEmpty }
    }
}
