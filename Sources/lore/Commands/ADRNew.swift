import ArgumentParser
import Foundation
import LoreKit

/// The statuses a new record may start in.
enum InitialStatus: String, ExpressibleByArgument, CaseIterable {
    case proposed, accepted

    /// Any case: `Accepted` works as `lore adr status 2 Accepted` does.
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Lore.ADR {
    /// `lore adr new`: records a decision from flags, a markdown file, or an editor.
    struct ADRNew: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Record a new decision.",
            discussion: """
                With no body given (no --context, --decision, --consequences, --option or --file) \
                and a terminal attached, opens $VISUAL or $EDITOR (else vi) on a template, as \
                adr-tools does, and records what you save; an unchanged or empty template records \
                nothing. Given a body, or run from a script or a pipe, it records at once and starts \
                no editor.
                """)

        @Argument(help: "The decision's title (may come from --file instead).")
        var title: String?

        @Option(help: "Why the decision is needed: forces, constraints.")
        var context: String?
        @Option(help: "What was decided.")
        var decision: String?
        @Option(help: "What becomes easier or harder.")
        var consequences: String?
        @Option(name: .customLong("option"), help: "A considered option (repeatable).")
        var options: [String] = []
        @Option(name: .customLong("tag"), help: "A tag (repeatable).")
        var tags: [String] = []
        @Option(name: .customLong("component"), help: "A component the decision concerns (repeatable).")
        var components: [String] = []
        @Option(help: "proposed or accepted.")
        var status: InitialStatus?
        @Option(help: "The decision date, YYYY-MM-DD (default: today).")
        var date: String?
        @Option(help: "A record this one supersedes (number or id prefix).")
        var supersedes: String?
        @Option(help: "A markdown file in the adr-tools or MADR layout to take the record from.")
        var file: String?

        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Print the new record as JSON.")
        var json = false

        func validate() throws {
            if title == nil && file == nil {
                throw ValidationError("give a title, or --file with a markdown record")
            }
        }

        /// The command as plain values; the quick reading of a command line makes the same.
        var request: ADRNewRequest {
            ADRNewRequest(
                title: title, context: context, decision: decision, consequences: consequences,
                options: options, tags: tags, components: components, status: status, date: date,
                supersedes: supersedes, file: file, store: storeOptions.store, json: json)
        }

        func run() throws { try request.run() }
    }
}

/// What `lore adr new` was asked for, as plain values: both the parsed command and
/// ``QuickCommands`` (a reflection-free reading of plain command lines) produce one.
struct ADRNewRequest: Equatable {
    var title: String?
    var context: String?
    var decision: String?
    var consequences: String?
    var options: [String] = []
    var tags: [String] = []
    var components: [String] = []
    var status: InitialStatus?
    var date: String?
    var supersedes: String?
    var file: String?
    var store: String?
    var json = false

    var hasBody: Bool {
        context != nil || decision != nil || consequences != nil || !options.isEmpty
    }

    /// Records the decision and prints it.
    func run() throws {
        let store = try StoreOptions.open(explicit: store)
        var draft = ADRDraft(
            title: title ?? "", status: status?.rawValue ?? ADRStatus.proposed, date: date,
            context: context ?? "", decision: decision ?? "", consequences: consequences ?? "",
            options: options, tags: tags, components: components, supersedes: supersedes)
        if let file {
            try merge(ADRMarkdownParser.parse(try TextFiles.read(file)), into: &draft)
        } else if !hasBody && Output.isTerminal(0) && Output.isTerminal(1) {
            let date = try date.map(ADRInput.date) ?? ADRInput.today(store.environment.now())
            let template = ADRMarkdownWriter.template(title: try ADRInput.title(draft.title), date: date)
            guard let edited = try Editor.edit(template) else {
                Output.message("nothing recorded: the template was left unchanged or empty")
                throw ExitCode.failure
            }
            try merge(ADRMarkdownParser.parse(edited), into: &draft)
        }
        let record = try store.recordADR(draft)
        if json {
            try Output.json(record)
        } else {
            print("Recorded \(ADRText.line(record)) (id \(record.id.prefix(8)))")
        }
    }

    /// Fills the draft from a parsed file; flags given on the command line win.
    private func merge(_ parsed: ParsedADR, into draft: inout ADRDraft) throws {
        if title == nil { draft.title = parsed.title }
        if context == nil { draft.context = parsed.context }
        if decision == nil { draft.decision = parsed.decision }
        if consequences == nil { draft.consequences = parsed.consequences }
        if options.isEmpty { draft.options = parsed.options }
        draft.tags = ADRInput.names(tags + parsed.tags)
        draft.sections = parsed.sections
        draft.metadata = parsed.metadata
        if date == nil, let parsedDate = parsed.date { draft.date = try ADRInput.date(parsedDate) }
        if status == nil, let parsedStatus = parsed.status {
            draft.status = try ADRInput.status(parsedStatus)
        }
    }
}
