import ArgumentParser
import LoreKit

extension Lore.Handoff {
    /// `lore handoff show ID`.
    struct HandoffShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a hand-off: its phases, checklist sign-offs and open items.")
        @Argument(help: "The hand-off's number or a unique prefix of its id.")
        var id: String
        @Option(help: "Output format: md or json.")
        var format: DocumentFormat = .md
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let record = try storeOptions.open().handoff(id)
            switch format {
            case .json: try Output.json(record)
            case .md: print(HandoffText.document(record), terminator: "")
            }
        }
    }
}

/// How hand-offs print.
enum HandoffText {
    /// `ramp-up`, or `completed` / `completed (forced)`.
    static func phase(_ summary: HandoffSummary) -> String {
        guard summary.completed else { return summary.phase }
        return summary.forced ? "completed (forced)" : "completed"
    }

    /// What `advance` and `complete` say happened.
    static func moved(_ record: HandoffRecord) -> String {
        let summary = record.summary
        guard summary.completed else { return "Hand-off \(summary.number) is now in \(summary.phase)" }
        var text =
            "Hand-off \(summary.number) completed; \(summary.to) is now owner of "
            + summary.components.joined(separator: ", ")
        if summary.forced {
            text += " (forced with \(record.open.count) open items: \(record.reason ?? ""))"
        }
        return text
    }

    /// The Markdown document `lore handoff show` prints.
    static func document(_ record: HandoffRecord) -> String {
        let summary = record.summary
        var lines = [
            "# Hand-off \(summary.number): \(summary.components.joined(separator: ", "))", "",
            "- From: \(summary.from)", "- To: \(summary.to)", "- Phase: \(phase(summary))",
        ]
        if let due = summary.due { lines.append("- Due: \(due)") }
        lines.append("- Started: \(summary.started) by \(record.author)")
        if let completed = summary.completedAt { lines.append("- Completed: \(completed)") }
        if let reason = record.reason { lines.append("- Reason: \(reason)") }
        lines.append("- Id: \(summary.id)")
        lines += ["", "## Phases", ""]
        lines += record.phases.map { "- \($0.phase): \($0.at) by \($0.author)" }
        lines += ["", "## Checklist", ""]
        for item in record.items {
            lines.append("\(item.number). [\(item.done ? "x" : " ")] \(item.text)")
            lines.append("   - from: \(signOff(item.from))")
            lines.append("   - to: \(signOff(item.to))")
        }
        let open = record.items.filter { !$0.done }
        lines += ["", "## Open items", ""]
        if open.isEmpty { lines.append("None.") }
        for item in open {
            let waiting = [item.from == nil ? "from" : nil, item.to == nil ? "to" : nil].compactMap { $0 }
            lines.append("- \(item.number). \(item.text) (waiting for: \(waiting.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func signOff(_ signOff: HandoffSignOff?) -> String {
        guard let signOff else { return "open" }
        return "signed off by \(signOff.author) at \(signOff.at)"
            + (signOff.evidence.map { "; evidence: \($0)" } ?? "")
    }
}
