import ArgumentParser
import Foundation
import LoreKit

extension Lore {
    /// `lore note …`: context notes — runbooks, risks, FAQs, glossary entries, plain context.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Record and read context notes: runbooks, risks, FAQs, glossary entries.",
            discussion: """
                A runbook or risk whose --review-by date has passed is shown as (stale) until someone \
                revises it with a later date.
                """,
            subcommands: [Add.self, List.self, Show.self, Revise.self, Retract.self])
    }
}

extension Lore.Note {
    /// `lore note list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List current notes (with --all, retracted ones too).")

        @Option(help: "Only notes of this kind: context, runbook, risk, faq or glossary.")
        var kind: String?
        @Option(help: "Only notes about this component.")
        var component: String?
        @Option(help: "Only notes with this tag.")
        var tag: String?
        @Flag(help: "Include retracted notes.")
        var all = false
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let notes = try storeOptions.open().notes(
                NoteFilter(kind: kind, component: component, tag: tag, includeRetracted: all))
            if format.format == .json { return try Output.json(notes) }
            if notes.isEmpty { return Output.message("no notes match") }
            Output.table(["ID", "KIND", "REVIEW BY", "TITLE"], NoteText.rows(notes))
        }
    }

    /// `lore note show REF`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a note, its review date and its history.")

        @Argument(help: "The note's title or a unique prefix of its id (4+ characters).")
        var ref: String
        @Option(help: "Output format: md or json.")
        var format: DocumentFormat = .md
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let note = try storeOptions.open().note(ref)
            switch format {
            case .json: try Output.json(note)
            case .md: print(NoteText.document(note), terminator: "")
            }
        }
    }
}

/// How notes print in one line, in tables and as a document.
enum NoteText {
    /// `runbook 'Restart the ledger' (id 0a1b2c3d)`, with its staleness or retraction.
    static func line(_ note: NoteRecord) -> String {
        var line = "\(note.kind) '\(note.title)' (id \(note.shortID))"
        if note.stale, let due = note.reviewBy { line += " (stale: review was due \(due))" }
        if note.retracted { line += " (retracted)" }
        return line
    }

    static func rows(_ notes: [NoteSummary]) -> [[String]] {
        notes.map { note in
            [
                String(note.id.prefix(8)), note.kind,
                note.reviewBy.map { note.stale ? "\($0) (stale)" : $0 } ?? "",
                note.title + (note.retracted ? " (retracted)" : ""),
            ]
        }
    }

    /// The markdown `lore note show` prints: fields, the body, then the history.
    static func document(_ note: NoteRecord) -> String {
        var out = "# \(note.title)\n\n* Kind: \(note.kind)\n"
        if !note.components.isEmpty { out += "* Components: \(note.components.joined(separator: ", "))\n" }
        if !note.tags.isEmpty { out += "* Tags: \(note.tags.joined(separator: ", "))\n" }
        if let reviewBy = note.reviewBy { out += "* Review by: \(reviewBy)\(note.stale ? " (stale)" : "")\n" }
        out += "* Id: \(note.id)\n"
        if note.retracted { out += "* Retracted" + (note.retractReason.map { ": \($0)" } ?? "") + "\n" }
        let body = note.body.trimmingCharacters(in: .newlines)
        if !body.isEmpty { out += "\n\(body)\n" }
        out += "\n## History\n\n"
        for step in note.history {
            out +=
                "* \(step.at) \(step.what) by \(step.author)" + (step.reason.map { ": \($0)" } ?? "") + "\n"
        }
        return out
    }
}
