import ArgumentParser
import LoreKit

extension Lore {
    /// `lore onboard COMPONENT`: what a newcomer should read first.
    struct Onboard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "onboard",
            abstract:
                "A reading pack for a component: owners, live decisions, runbooks, risks, glossary, open hand-offs."
        )
        @Argument(help: "The component.")
        var component: String
        @Option(help: "Output format: md, table or json.")
        var format: OnboardFormat = .md
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let pack = try storeOptions.open().onboarding(component)
            switch format {
            case .json: try Output.json(pack)
            case .md, .table: print(OnboardText.render(pack, markdown: format == .md), terminator: "")
            }
        }
    }
}

/// `--format md|table|json` for `lore onboard`.
enum OnboardFormat: String, ExpressibleByArgument, CaseIterable {
    case md, table, json
}

/// The reading pack as text.
enum OnboardText {
    static func render(_ pack: OnboardingPack, markdown: Bool) -> String {
        let h1 = markdown ? "# " : ""
        let h2 = markdown ? "\n## " : "\n== "
        var out = "\(h1)Onboarding: \(pack.component.name)\n"
        if let description = pack.component.description { out += "\n\(description)\n" }
        if let system = pack.component.system { out += "\nPart of \(system)." }
        if let repo = pack.component.repo { out += " Code: \(repo)" }
        if pack.component.system != nil || pack.component.repo != nil { out += "\n" }
        out += "\(h2)Who owns it\n\n"
        out +=
            pack.owners.isEmpty
            ? "Nobody is recorded as owner yet.\n"
            : pack.owners.map { entry in
                "* \(entry.role): team \(entry.team)"
                    + (entry.person.map { ", \($0)\(entry.personLeft ? " (has left)" : "")" } ?? "")
                    + " since \(entry.effective)\n"
            }.joined()
        if !pack.contacts.isEmpty {
            out +=
                "\nWho to ask:\n\n"
                + pack.contacts.map { person in
                    "* \(person.name) (@\(person.handle), team \(person.team))"
                        + (person.left ? " — has left" : "") + "\n"
                }.joined()
        }
        out += "\(h2)Decisions in force\n\n"
        out +=
            pack.decisions.isEmpty
            ? "None recorded.\n"
            : pack.decisions.map {
                "* \(ADRNumber.display($0.number)) \($0.title) (\($0.date))\n"
            }.joined()
        for (heading, notes) in [
            ("Runbooks", pack.runbooks), ("Open risks", pack.risks), ("Glossary", pack.glossary),
            ("Context and FAQ", pack.context),
        ] where !notes.isEmpty {
            out +=
                "\(h2)\(heading)\n\n"
                + notes.map { note in
                    "* \(note.title)" + (note.reviewBy.map { " (review by \($0))" } ?? "")
                        + (note.stale ? " — STALE" : "")
                        + "\n"
                }.joined()
        }
        if !pack.handoffs.isEmpty {
            out += "\(h2)Open hand-off items\n\n"
            for handoff in pack.handoffs {
                let summary = handoff.summary
                out +=
                    "* hand-off \(summary.number), \(summary.from) → \(summary.to), phase \(summary.phase):\n"
                for item in handoff.items where !item.done {
                    let waiting = [item.from == nil ? "from" : nil, item.to == nil ? "to" : nil].compactMap {
                        $0
                    }
                    out += "  * \(item.text) (waiting for: \(waiting.joined(separator: ", ")))\n"
                }
            }
        }
        out += "\(h2)Changed in the last 30 days\n\n"
        out +=
            pack.recent.isEmpty
            ? "Nothing.\n"
            : pack.recent.suffix(15).map {
                "* \($0.at.prefix(10)) \($0.summary) — \($0.author)\n"
            }.joined()
        return out
    }
}
