import Foundation

/// adr-tools' `generate toc` and `generate graph`, from the projection.
///
/// Both take ``ADRIndexEntry`` values, which ``Store/adrIndex()`` reads without loading any
/// record's text.
public enum ADRIndexWriter {
    /// The Markdown table of contents adr-tools' `adr generate toc` prints.
    public static func toc(
        _ items: [ADRIndexEntry], intro: String? = nil, outro: String? = nil, prefix: String = ""
    )
        -> String
    {
        var out = "# Architecture Decision Records\n\n"
        if let intro, !intro.isEmpty { out += intro + "\n" }
        for item in items {
            out += "* [\(item.number). \(item.title)](\(prefix)\(item.fileName))\n"
        }
        if let outro, !outro.isEmpty { out += "\n" + outro }
        return out
    }

    /// The Graphviz graph adr-tools' `adr generate graph` prints: records in number order,
    /// and an edge per link whose label does not end in " by".
    public static func graph(_ items: [ADRIndexEntry], prefix: String = "", extension ext: String = ".html")
        -> String
    {
        var out = "digraph {\n  node [shape=plaintext];\n  subgraph {\n"
        for item in items {
            let n = item.number
            let stem = item.fileName.hasSuffix(".md") ? String(item.fileName.dropLast(3)) : item.fileName
            out +=
                "    _\(n) [label=\"\(dot("\(n). \(item.title)"))\"; URL=\"\(prefix)\(stem)\(ext)\"];\n"
            if n > 1 { out += "    _\(n - 1) -> _\(n) [style=\"dotted\", weight=1];\n" }
        }
        out += "  }\n"
        for item in items {
            for link in item.links where !link.label.hasSuffix(" by") {
                out +=
                    "  _\(item.number) -> _\(link.number) [label=\"\(dot(link.label))\", weight=0]\n"
            }
        }
        return out + "}\n"
    }

    private static func dot(_ text: String) -> String {
        // Most titles have nothing to escape, and Foundation's replacing is slow.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else {
            return text
        }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
