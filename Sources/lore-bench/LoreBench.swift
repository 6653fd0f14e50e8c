import Foundation
import LoreKit

/// `lore-bench`: lore's in-process measurements for `scripts/bench`, and the generator of the
/// data every scenario uses. Each command prints one JSON line per result on stdout.
///
///     lore-bench populate --store DIR --home DIR --records N [--seed S]
///     lore-bench bulk     --store DIR --home DIR --events N  [--seed S]
///     lore-bench single   --store DIR --home DIR --count N   [--seed S]
///     lore-bench search   --store DIR --home DIR --queries N [--seed S]
///     lore-bench words    --count N [--seed S]
///     lore-bench bundle-export --store DIR --home DIR --out FILE
///     lore-bench bundle-import --store DIR --home DIR --bundle FILE
///     lore-bench sync     --store DIR --peer DIR --home DIR [--events 100] [--rounds 3]
@main
struct LoreBench {
    static func main() {
        let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
        do {
            switch arguments.command {
            case "populate": try WriteCommands.populate(arguments)
            case "bulk": try WriteCommands.bulk(arguments)
            case "single": try WriteCommands.single(arguments)
            case "search": try SearchCommands.search(arguments)
            case "words": try SearchCommands.words(arguments)
            case "bundle-export": try SyncCommands.export(arguments)
            case "bundle-import": try SyncCommands.importBundle(arguments)
            case "sync": try SyncCommands.incremental(arguments)
            default: throw BenchError.usage("unknown command '\(arguments.command)'")
            }
        } catch {
            FileHandle.standardError.write(Data("lore-bench: \(error)\n".utf8))
            exit(error is BenchError ? 2 : 1)
        }
    }
}

/// A bad command line.
enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let message):
            "\(message); usage: lore-bench populate|bulk|single|search|words|bundle-export|bundle-import|sync …"
        }
    }
}

/// `--name value` options after a command word.
struct Arguments {
    let command: String
    private var values: [String: String] = [:]

    init(_ words: [String]) {
        command = words.first ?? ""
        var index = 1
        while index + 1 < words.count {
            values[words[index]] = words[index + 1]
            index += 2
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = values["--" + name] else { throw BenchError.usage("--\(name) is required") }
        return value
    }

    func int(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard let text = values["--" + name] else {
            if let fallback { return fallback }
            throw BenchError.usage("--\(name) is required")
        }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw BenchError.usage("--\(name) takes a number, not '\(text)'")
        }
        return value
    }

    var seed: UInt64 { get throws { UInt64(try int("seed", default: 7)) } }

    /// The store under `--store` (the folder that holds `.lore`) with keys under `--home`.
    func location() throws -> (StoreLocation, KeyRing) {
        let folder = URL(fileURLWithPath: try string("store")).appendingPathComponent(
            StoreLocation.folderName)
        return (StoreLocation(folder: folder), KeyRing(home: URL(fileURLWithPath: try string("home"))))
    }
}
