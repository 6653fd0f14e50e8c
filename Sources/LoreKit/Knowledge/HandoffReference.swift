import Foundation
import GRDB

/// Turns what a person types for a hand-off (`3`, `#3`, an id prefix) and for one of its
/// checklist items (`2`, the start of its text) into what the projection holds.
enum HandoffReference {
    /// Resolves a display number first, then a unique prefix (4 or more characters) of the id.
    ///
    /// - Throws: ``HandoffError/noMatch(_:)`` or ``HandoffError/ambiguous(_:candidates:)``.
    static func resolve(_ ref: String, _ db: Database) throws -> HandoffRecord {
        let text = ref.trimmingCharacters(in: .whitespaces)
        let numberText = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if !numberText.isEmpty, numberText.allSatisfy(\.isASCII), let number = Int(numberText),
            let id = try HandoffQueries.id(ofNumber: number, db)
        {
            return try HandoffQueries.record(id, db)!
        }
        let prefix = text.lowercased()
        guard prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw HandoffError.noMatch(ref)
        }
        let matches = try HandoffQueries.ids(withPrefix: prefix, db)
        switch matches.count {
        case 0: throw HandoffError.noMatch(ref)
        case 1: return try HandoffQueries.record(matches[0].0, db)!
        default:
            throw HandoffError.ambiguous(ref, candidates: matches.map { "\($0.1) (\($0.0.prefix(8)))" })
        }
    }

    /// Resolves an item: its 1-based number, its exact text, or a unique prefix of its text,
    /// all without regard to case.
    ///
    /// - Throws: ``HandoffError/noItem(_:handoff:count:)`` or
    ///   ``HandoffError/ambiguousItem(_:handoff:candidates:)``.
    static func item(_ ref: String, of record: HandoffRecord) throws -> HandoffItemView {
        let text = ref.trimmingCharacters(in: .whitespaces)
        let number = record.summary.number
        if text.allSatisfy(\.isASCII), let index = Int(text), index >= 1, index <= record.items.count {
            return record.items[index - 1]
        }
        let folded = Suggestions.fold(text)
        guard !folded.isEmpty else {
            throw HandoffError.noItem(ref, handoff: number, count: record.items.count)
        }
        if let exact = record.items.first(where: { Suggestions.fold($0.text) == folded }) { return exact }
        let matches = record.items.filter { Suggestions.fold($0.text).hasPrefix(folded) }
        switch matches.count {
        case 0: throw HandoffError.noItem(ref, handoff: number, count: record.items.count)
        case 1: return matches[0]
        default:
            throw HandoffError.ambiguousItem(
                ref, handoff: number, candidates: matches.map { "\($0.number) \($0.text)" })
        }
    }
}
