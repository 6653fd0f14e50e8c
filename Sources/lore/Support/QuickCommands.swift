/// Commands with a quick reading: a plain command line for one of them runs without
/// swift-argument-parser (see ``QuickLine`` for why and for what counts as plain). Whatever
/// the quick reading declines goes to the parser, so help, errors and exit codes are the
/// parser's; a test checks that every line read here is read the same way by the parser.
enum QuickCommands {
    /// The command to run for `arguments` (without the program name), or nil to parse them
    /// in full.
    static func command(for arguments: [String]) -> (any QuickCommand)? {
        guard arguments.count >= 2, arguments[0] == "adr", arguments[1] == "new" else { return nil }
        return ADRNewRequest(quick: arguments.dropFirst(2))
    }
}

/// A command's plain values, runnable without the parser.
protocol QuickCommand {
    func run() throws
}

extension ADRNewRequest: QuickCommand {
    /// The long names of `lore adr new`'s options that take a value.
    static let quickOptions: Set = [
        "context", "decision", "consequences", "option", "tag", "component", "status", "date", "supersedes",
        "file", "store",
    ]
    /// The long names of its flags.
    static let quickFlags: Set = ["json"]

    /// Reads `lore adr new`'s arguments; nil when they are not plain (see ``QuickLine``) or
    /// would fail the command's validation.
    init?(quick arguments: ArraySlice<String>) {
        guard
            let line = QuickLine(arguments, options: Self.quickOptions, flags: Self.quickFlags),
            line.positionals.count <= 1
        else { return nil }
        do {
            self.init(
                title: line.positionals.first, context: try line.single("context"),
                decision: try line.single("decision"), consequences: try line.single("consequences"),
                options: line.all("option"), tags: line.all("tag"), components: line.all("component"),
                status: nil, date: try line.single("date"), supersedes: try line.single("supersedes"),
                file: try line.single("file"), store: try line.single("store"), json: try line.flag("json"))
            if let status = try line.single("status") {
                guard let initial = InitialStatus(argument: status) else { return nil }
                self.status = initial
            }
        } catch {
            return nil
        }
        if title == nil && file == nil { return nil }
    }
}
