import Foundation

/// What a record's file name says: `0007-use-kafka.md`, `ADR-007_Use_Kafka.md`,
/// `20201016-use-the-adr-slug-as-its-unique-id.md` (log4brains: the date, not a number).
public struct ADRFileName: Sendable, Hashable {
    /// The name without its extension: the record's key in log4brains folders.
    public var slug: String
    /// The leading number, when the name has one that is not a date.
    public var number: Int?
    /// `YYYY-MM-DD` from an eight-digit date prefix.
    public var date: String?
    /// The slug without its number or date prefix: `use-kafka` for `0007-use-kafka.md`.
    public var words: String

    public init(_ fileName: String) {
        var stem = fileName
        for ext in [".markdown", ".md"] where stem.lowercased().hasSuffix(ext) {
            stem = String(stem.dropLast(ext.count))
        }
        slug = stem
        words = stem
        var rest = Substring(stem)
        for prefix in ["adr-", "adr_", "adr"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        if rest.hasPrefix("#") { rest = rest.dropFirst() }
        let digits = rest.prefix(while: \.isNumber)
        let separated =
            digits.count == rest.count || ["-", "_", " ", "."].contains(rest.dropFirst(digits.count).first)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), separated else { return }
        words = String(rest.dropFirst(digits.count).drop { ["-", "_", " ", "."].contains($0) })
        if digits.count == 8, let date = try? ADRInput.date(Self.dashed(digits)) {
            self.date = date
        } else if digits.count <= 6 {
            number = Int(digits)
        }
    }

    /// Whether a file in a decisions folder is not itself a record.
    public static func isNotARecord(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        let stem = lower.replacingOccurrences(of: ".markdown", with: "").replacingOccurrences(
            of: ".md", with: "")
        let names = [
            "readme", "index", "template", "adr-template", "toc", "_sidebar", "summary", "changelog",
        ]
        return names.contains(stem) || stem.hasSuffix("-template") || stem.hasPrefix("template")
    }

    private static func dashed(_ digits: Substring) -> String {
        let chars = Array(digits)
        return String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8])
    }
}
