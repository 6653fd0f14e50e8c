import Foundation

/// A decision record read from a markdown file in the adr-tools or MADR layout.
public struct ParsedADR: Sendable, Hashable {
    public var title = ""
    public var number: Int?
    public var date: String?
    public var status: String?
    public var context = ""
    public var decision = ""
    public var consequences = ""
    public var options: [String] = []
    public var tags: [String] = []
    /// Sections and front-matter fields that fit no named field, verbatim.
    public var sections: [ADRSection] = []

    public init() {}

    /// Whether the file said nothing beyond a title.
    public var hasBody: Bool {
        !context.isEmpty || !decision.isEmpty || !consequences.isEmpty || !options.isEmpty
            || !sections.isEmpty
    }
}

/// Reads adr-tools (`# 1. Title`, `Date:`, `## Status`, …) and MADR (front matter,
/// `## Context and Problem Statement`, `## Considered Options`, `## Decision Outcome`) files.
public enum ADRMarkdownParser {
    /// Parses one file's text. HTML comments (template hints) are dropped.
    public static func parse(_ text: String) -> ParsedADR {
        var result = ParsedADR()
        var lines = stripComments(text).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }
            )
        {
            frontMatter(Array(lines[1..<end]), into: &result)
            lines = Array(lines[(end + 1)...])
        }
        var heading: String?
        var level = 0
        var buffer: [String] = []
        func flush() {
            let body = trimBlankLines(buffer)
            buffer = []
            guard let heading else {
                preamble(body, into: &result)
                return
            }
            section(heading, level: level, body, into: &result)
        }
        var fence: String?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                // Inside a fenced block nothing is a heading, not even `# …` or `---`.
                if trimmed.hasPrefix(open) { fence = nil }
                buffer.append(line)
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                buffer.append(line)
                continue
            }
            if let (depth, title) = headingOf(line) {
                if depth == 1 && result.title.isEmpty && heading == nil {
                    flush()
                    titleLine(title, into: &result)
                    continue
                }
                flush()
                heading = title
                level = depth
                continue
            }
            buffer.append(line)
        }
        flush()
        return result
    }

    private static func titleLine(_ title: String, into result: inout ParsedADR) {
        let digits = title.prefix(while: \.isNumber)
        if !digits.isEmpty, title.dropFirst(digits.count).hasPrefix(". "), let number = Int(digits) {
            result.number = number
            result.title = String(title.dropFirst(digits.count + 2)).trimmingCharacters(in: .whitespaces)
        } else {
            result.title = title
        }
    }

    private static func preamble(_ body: String, into result: inout ParsedADR) {
        var rest: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("date:") {
                result.date = trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces)
            } else if trimmed.lowercased().hasPrefix("status:") {
                result.status = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
            } else {
                rest.append(String(line))
            }
        }
        let text = trimBlankLines(rest)
        if !text.isEmpty { result.sections.append(ADRSection(heading: "", text: text)) }
    }

    private static func section(_ heading: String, level: Int, _ body: String, into result: inout ParsedADR) {
        switch heading.lowercased() {
        case "status":
            result.status = body.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
            if body.contains("\n") { result.sections.append(ADRSection(heading: heading, text: body)) }
        case "context", "context and problem statement":
            result.context = body
        case "decision", "decision outcome":
            result.decision = body
        case "consequences":
            result.consequences = body
        case "considered options", "options":
            let items = listItems(body)
            if items.isEmpty { result.sections.append(ADRSection(heading: heading, text: body)) }
            result.options = items
        default:
            if body.isEmpty && level > 1 { return }
            result.sections.append(ADRSection(heading: heading, text: body))
        }
    }

    private static func frontMatter(_ lines: [String], into result: inout ParsedADR) {
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            switch key {
            case "status": result.status = value
            case "date": result.date = value
            case "tags":
                result.tags = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(
                    separator: ","
                )
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "title": if result.title.isEmpty { result.title = value }
            default:
                if !value.isEmpty { result.sections.append(ADRSection(heading: key, text: value)) }
            }
        }
    }

    private static func headingOf(_ line: String) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, line.dropFirst(hashes).trimmingCharacters(in: .whitespaces))
    }

    private static func listItems(_ body: String) -> [String] {
        body.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("* ") || trimmed.hasPrefix("- ") else { return nil }
            return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
    }

    private static func stripComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<!--") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "-->") else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    private static func trimBlankLines(_ lines: [some StringProtocol]) -> String {
        var slice = lines.map { String($0) }[...]
        while let first = slice.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
            slice = slice.dropFirst()
        }
        while let last = slice.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
            slice = slice.dropLast()
        }
        return slice.joined(separator: "\n")
    }
}
