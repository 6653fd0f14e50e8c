import ArgumentParser
import LoreKit

extension Lore.Note {
    /// `lore note add TITLE --kind K [--body TEXT | --file F]`, or the editor on a terminal.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a context note.",
            discussion: """
                The text comes from --body, from a markdown --file (whose leading `# heading` is the \
                title when none is given), or, with neither and a terminal attached, from $VISUAL or \
                $EDITOR on a template; an unchanged or empty template records nothing.
                """)

        @Argument(help: "The note's title (may come from --file instead).")
        var title: String?
        @Option(help: "What sort of note: context, runbook, risk, faq or glossary.")
        var kind: String
        @Option(help: "The note's text (Markdown).")
        var body: String?
        @Option(help: "A markdown file holding the note's text.")
        var file: String?
        @Option(name: .customLong("component"), help: "A component the note concerns (repeatable).")
        var components: [String] = []
        @Option(name: .customLong("tag"), help: "A tag (repeatable).")
        var tags: [String] = []
        @Option(help: "When the note needs review, YYYY-MM-DD; runbooks and risks go stale after it.")
        var reviewBy: String?
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Print the new note as JSON.")
        var json = false

        func validate() throws {
            if title == nil && file == nil {
                throw ValidationError("give a title, or --file with a markdown note")
            }
            if body != nil && file != nil {
                throw ValidationError("give the text with --body or --file, not both")
            }
        }

        func run() throws {
            let store = try storeOptions.open()
            var draft = NoteDraft(
                title: title ?? "", kind: kind, body: body ?? "", components: components, tags: tags,
                reviewBy: reviewBy)
            if let file {
                let text = try TextFiles.read(file)
                if title == nil {
                    let (heading, rest) = NoteInput.split(markdown: text)
                    guard let heading else { throw NoteError.untitledFile(file) }
                    (draft.title, draft.body) = (heading, rest)
                } else {
                    draft.body = text
                }
            } else if body == nil && Output.isTerminal(0) && Output.isTerminal(1) {
                try edit(&draft, store)
            }
            let note = try store.addNote(draft)
            if json { return try Output.json(note) }
            print("Added \(NoteText.line(note))")
        }

        /// Checks what was given, then lets the user write the text in their editor.
        private func edit(_ draft: inout NoteDraft, _ store: Store) throws {
            let kind = try NoteInput.kind(draft.kind)
            let title = try NoteInput.title(draft.title)
            _ = try reviewBy.map(NoteInput.date)
            for component in ADRInput.names(components) { _ = try store.component(component) }
            guard let saved = try Editor.edit(NoteInput.template(title: title, kind: kind)),
                let (heading, text) = NoteInput.edited(saved, kind: kind)
            else {
                Output.message("nothing recorded: the template was left unchanged or empty")
                throw ExitCode.failure
            }
            (draft.title, draft.body) = (heading ?? title, text)
        }
    }

    /// `lore note revise REF [--title …] …`.
    struct Revise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revise",
            abstract: "Record new values for some fields of a note.")

        @Argument(help: "The note's title or a unique prefix of its id (4+ characters).")
        var ref: String
        @Option(help: "The new title.")
        var title: String?
        @Option(help: "The new text (Markdown).")
        var body: String?
        @Option(help: "A markdown file holding the new text; its leading `# heading` is the new title.")
        var file: String?
        @Option(name: .customLong("component"), help: "Replaces the components (repeatable).")
        var components: [String] = []
        @Option(name: .customLong("tag"), help: "Replaces the tags (repeatable).")
        var tags: [String] = []
        @Option(help: "The new review date, YYYY-MM-DD.")
        var reviewBy: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if body != nil && file != nil {
                throw ValidationError("give the text with --body or --file, not both")
            }
        }

        func run() throws {
            var changes = NoteChanges(
                title: title, body: body, components: components.isEmpty ? nil : components,
                tags: tags.isEmpty ? nil : tags, reviewBy: reviewBy)
            if let file {
                let text = try TextFiles.read(file)
                let (heading, rest) = NoteInput.split(markdown: text)
                if title == nil, let heading {
                    (changes.title, changes.body) = (heading, rest)
                } else {
                    changes.body = text
                }
            }
            let note = try storeOptions.open().reviseNote(ref, changes)
            print("Revised \(NoteText.line(note)) (revision \(note.revisions))")
        }
    }

    /// `lore note retract REF [--reason …]`.
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Take a note out of current views; it stays in the log and its history.")

        @Argument(help: "The note's title or a unique prefix of its id (4+ characters).")
        var ref: String
        @Option(help: "Why the note no longer holds.")
        var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let note = try storeOptions.open().retractNote(ref, reason: reason)
            print(
                "Retracted \(note.kind) '\(note.title)' (id \(note.shortID)); it stays in `lore note show` and `lore log`"
            )
        }
    }
}
