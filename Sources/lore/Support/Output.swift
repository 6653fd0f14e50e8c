import Foundation

/// Printing: results to stdout, messages to stderr.
enum Output {
    /// Writes a line to stderr.
    static func message(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `lore: error: …` to stderr, on one line: line breaks inside quoted values
    /// are shown escaped so the message never spans lines.
    static func error(_ text: String, prefix: Bool = true) {
        guard prefix else { return message(text) }
        let oneLine = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(
            of: "\n", with: "\\n")
        message("lore: error: \(oneLine)")
    }

    /// Pretty JSON with sorted keys on stdout.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Aligned columns; the last column is not padded. An empty header prints no header line.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = (header.allSatisfy(\.isEmpty) ? [] : [header]) + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
