import ArgumentParser
import LoreKit

extension Lore {
    /// `lore log`: the raw event log in projection order.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "List the events of the log, oldest first.")

        @Option(help: "Only events of this stream, e.g. adr/<id>.")
        var stream: String?
        @Option(help: "Only events of this kind, e.g. adr.recorded.")
        var kind: String?
        @OptionGroup var format: ListFormatOptions
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if let kind, EventKind(rawValue: kind) == nil {
                throw ValidationError(
                    "'\(kind)' is not an event kind; expected one of: "
                        + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() throws {
            let events = try storeOptions.open().events(EventFilter(stream: stream, kind: kind))
            if format.format == .json {
                print("[" + events.map { $0.event.jsonRecord() }.joined(separator: ",\n") + "]")
                return
            }
            Output.table(
                ["RECORDED", "REPLICA", "SEQ", "KIND", "STREAM", "AUTHOR", "ID"],
                events.map { stored in
                    let h = stored.event.header
                    return [
                        h.hlc.iso8601, h.replica.short, "\(h.seq)", h.kindName, Self.short(h.stream),
                        h.author,
                        stored.event.id.short,
                    ]
                })
        }

        /// `adr/<uuid>` → `adr/1b4eb7ea`, `replica/ed25519.<hex>` → `replica/20f9f41e`: ids
        /// cut to their first 8 characters so the table fits a terminal.
        static func short(_ stream: String) -> String {
            guard let slash = stream.firstIndex(of: "/") else { return stream }
            var id = stream[stream.index(after: slash)...]
            if id.hasPrefix(ReplicaID.prefix) { id = id.dropFirst(ReplicaID.prefix.count) }
            let isID = id.count >= 32 && id.allSatisfy { $0.isHexDigit || $0 == "-" }
            return isID ? String(stream[...slash] + id.prefix(8)) : stream
        }
    }
}
