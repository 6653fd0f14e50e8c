import Foundation

/// Reads decision records as real folders hold them: adr-tools (`# 1. Title`, `Date:`,
/// `## Status`), MADR (YAML front matter, `## Context and Problem Statement`,
/// `## Considered Options`, `## Decision Outcome`) and log4brains (`- Status:` lists).
///
/// Text that fits no named field is kept verbatim in ``ParsedADR/sections``; what had to be
/// guessed is said in ``ParsedADR/warnings``.
public enum ADRMarkdownParser {
    /// Parses one file's text. HTML comments (template hints) are dropped.
    public static func parse(_ text: String) -> ParsedADR {
        var result = ParsedADR()
        var lines = MarkdownLines.split(MarkdownLines.stripComments(text))
        if let (fields, rest) = FrontMatter.split(lines) {
            FrontMatter.read(fields, into: &result)
            lines = rest
        }
        for block in MarkdownBlocks.split(lines) {
            switch block.heading {
            case nil: preamble(block.body, into: &result)
            case let heading? where block.level == 1 && result.title.isEmpty && !isStatus(heading):
                titleLine(heading, into: &result)
                preamble(block.body, into: &result)
            case let heading?: section(heading, level: block.level, block.body, into: &result)
            }
        }
        if result.statuses.count > 1 {
            result.warnings.append(
                "several status lines (\(result.statuses.joined(separator: ", "))); the last is taken as current"
            )
        }
        return result
    }

    private static func isStatus(_ heading: String) -> Bool { heading.lowercased() == "status" }

    private static func titleLine(_ title: String, into result: inout ParsedADR) {
        let digits = title.prefix(while: \.isNumber)
        let rest = title.dropFirst(digits.count)
        if !digits.isEmpty, rest.hasPrefix("."), let number = Int(digits) {
            result.headingNumber = number
            result.title = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        } else if title.hasPrefix("n. ") || title.hasPrefix("N. ") {
            result.title = String(title.dropFirst(3))
            result.warnings.append(
                "the heading's number is a placeholder ('n.'); the file name's number is used")
        } else {
            result.title = title
        }
    }

    /// Text before the first section: `Date:`, `Status:`, `- Deciders:` lines and free text.
    private static func preamble(_ body: [String], into result: inout ParsedADR) {
        var rest: [String] = []
        var fenced = false
        for line in body {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fenced.toggle() }
            if fenced || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                // Fenced examples are text, never fields.
                rest.append(line)
                continue
            }
            if let status = ADRStatusReader.statusBadge(trimmed) {
                result.statuses.append(status)
                result.warnings.append("status read from a badge image: '\(status)'")
                continue
            }
            guard let (key, value) = MarkdownLines.field(line) else {
                rest.append(line)
                continue
            }
            switch key.lowercased() {
            case "date": result.date = value
            case "status": ADRStatusReader.read([value], into: &result)
            case "tags": result.tags += MarkdownLines.tagList(value)
            default: result.metadata.append(ADRSection(heading: key, text: value))
            }
        }
        let text = MarkdownLines.trimBlankLines(rest)
        if !text.isEmpty { result.sections.append(ADRSection(heading: "", text: text)) }
    }

    private static func section(_ heading: String, level: Int, _ body: [String], into result: inout ParsedADR)
    {
        let text = MarkdownLines.trimBlankLines(body)
        switch heading.lowercased() {
        case "status":
            if level != 2 {
                result.warnings.append("'Status' is a level-\(level) heading; read as the status section")
            }
            ADRStatusReader.read(body, into: &result)
        case "context",
            "context and problem statement" where result.context.isEmpty:
            result.context = text
        case "decision",
            "decision outcome" where result.decision.isEmpty:
            result.decision = text
        case "consequences" where result.consequences.isEmpty:
            result.consequences = text
        case "considered options",
            "options" where result.options.isEmpty:
            let items = MarkdownLines.listItems(text)
            if items.isEmpty || items.count != MarkdownLines.nonBlankCount(text) {
                result.sections.append(ADRSection(heading: heading, text: text, level: level))
            }
            result.options = items
        case "links":
            let unread = ADRStatusReader.readLinks(body, into: &result)
            if !unread.isEmpty {
                result.sections.append(ADRSection(heading: heading, text: unread, level: level))
            }
        default:
            result.sections.append(ADRSection(heading: heading, text: text, level: level))
        }
    }
}
