/// A strict, reflection-free reading of a plain command line, for the few commands people
/// run many times a day from the shell (see ``QuickCommands``).
///
/// swift-argument-parser finds a command's options by reflecting over its properties; in
/// lore's 100 MB static binary every first look-up of a type scans thousands of protocol
/// conformances, and parsing `lore adr new "…" --component billing` took ~2.5 ms of the
/// command's ~12 ms (measured with `perf` for issue 7). This reader understands only the
/// plainest shapes, and declines (`nil`) everything else so that the full parser takes over
/// with its own messages: `--help`, short names, `--name=value`, `--`, unknown names, an
/// option without a value, a value or positional starting with `-`, an option or flag given
/// twice where the command takes one.
struct QuickLine {
    /// Arguments that are neither options nor their values, in order.
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flagCounts: [String: Int] = [:]

    /// The reason a line is left to the full parser.
    struct Declined: Error {}

    /// Reads `arguments` against the long names a command takes.
    ///
    /// - Parameters:
    ///   - options: long names (without `--`) that take a value, as `--name value`.
    ///   - flags: long names (without `--`) that take none.
    /// - Returns: nil when any argument is outside the plain shapes this reader accepts.
    init?(_ arguments: some Sequence<String>, options: Set<String>, flags: Set<String>) {
        var rest = arguments.makeIterator()
        while let argument = rest.next() {
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            let name = String(argument.dropFirst(2))
            if options.contains(name) {
                guard let value = rest.next(), !value.hasPrefix("-") else { return nil }
                values[name, default: []].append(value)
            } else if flags.contains(name) {
                flagCounts[name, default: 0] += 1
            } else {
                return nil
            }
        }
    }

    /// Every value given to a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of an option taken at most once, nil when absent.
    ///
    /// - Throws: ``Declined`` when it was given more than once.
    func single(_ name: String) throws(Declined) -> String? {
        let given = all(name)
        guard given.count <= 1 else { throw Declined() }
        return given.first
    }

    /// Whether a flag was given.
    ///
    /// - Throws: ``Declined`` when it was given more than once.
    func flag(_ name: String) throws(Declined) -> Bool {
        let count = flagCounts[name] ?? 0
        guard count <= 1 else { throw Declined() }
        return count == 1
    }
}
