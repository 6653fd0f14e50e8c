/// Writes records as markdown in the adr-tools layout.
public enum ADRMarkdownWriter {
    /// The template `lore adr new` opens in an editor.
    public static func template(title: String, date: String) -> String {
        """
        # \(title)

        Date: \(date)

        ## Status

        Proposed

        ## Context

        <!-- What is the issue that we're seeing that is motivating this decision or change? -->

        ## Decision

        <!-- What is the change that we're proposing and/or doing? -->

        ## Consequences

        <!-- What becomes easier or more difficult to do because of this change? -->

        """
    }

    /// A full record for `lore adr show --format md`: fields, links, and the status history.
    public static func document(_ record: ADRRecord) -> String {
        var out = "# \(record.number). \(record.title)\n\nDate: \(record.date)\n\n## Status\n\n"
        out += capitalized(record.status) + "\n"
        for link in record.links {
            let file = ADRToolsWriter.fileName(number: link.number, title: link.title)
            out += "\n\(link.label) [\(link.number). \(link.title)](\(file))\n"
        }
        for (heading, text) in [
            ("Context", record.context), ("Decision", record.decision), ("Consequences", record.consequences),
        ] where !text.isEmpty {
            out += "\n## \(heading)\n\n\(text)\n"
        }
        if !record.options.isEmpty {
            out += "\n## Considered Options\n\n" + record.options.map { "* \($0)\n" }.joined()
        }
        for section in record.sections {
            out +=
                section.heading.isEmpty
                ? "\n\(section.text)\n" : "\n## \(section.heading)\n\n\(section.text)\n"
        }
        if !record.tags.isEmpty || !record.components.isEmpty {
            out += "\n## Metadata\n\n"
            if !record.tags.isEmpty { out += "* Tags: \(record.tags.joined(separator: ", "))\n" }
            if !record.components.isEmpty {
                out += "* Components: \(record.components.joined(separator: ", "))\n"
            }
        }
        out += "\n## Status History\n\n"
        for step in record.history {
            out += "* \(step.at) \(capitalized(step.status)) by \(step.author)"
            out += step.reason.map { ": \($0)" } ?? ""
            out += "\n"
        }
        return out
    }

    /// `accepted` → `Accepted`; a team's own words are left as typed.
    public static func capitalized(_ status: String) -> String {
        guard let first = status.first, ADRStatus.standard.contains(status) else { return status }
        return first.uppercased() + status.dropFirst()
    }
}
