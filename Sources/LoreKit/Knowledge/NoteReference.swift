public import Foundation
import GRDB

/// The permanent id of a context note (a lowercase UUID).
public struct NoteID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ uuid: UUID) { self.rawValue = uuid.uuidString.lowercased() }
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
    /// The stream that holds this note's events.
    public var stream: String { "note/\(rawValue)" }
    public var description: String { rawValue }
}

/// Turns what a person types for a note (a title, an id prefix) into its id.
enum NoteReference {
    /// Resolves a reference: a unique prefix of the id (4 or more characters) or the exact
    /// title in any case. A title names current notes first, retracted ones only when no
    /// current note has it.
    ///
    /// - Throws: ``NoteError/noMatch(_:)`` or ``NoteError/ambiguous(_:candidates:)``.
    static func resolve(_ ref: String, _ db: Database) throws -> NoteID {
        let text = ref.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw NoteError.noMatch(ref) }
        var matches: [NoteID] = []
        let prefix = text.lowercased()
        if prefix.count >= 4, prefix.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == "-") }) {
            matches += try NoteQueries.ids(withPrefix: prefix, db)
        }
        let titled = try NoteQueries.ids(withTitle: text, db)
        let current = titled.filter { !$0.retracted }
        for (note, _) in current.isEmpty ? titled : current where !matches.contains(note) {
            matches.append(note)
        }
        switch matches.count {
        case 0: throw NoteError.noMatch(ref)
        case 1: return matches[0]
        default: throw NoteError.ambiguous(ref, candidates: try matches.map { try NoteQueries.label($0, db) })
        }
    }

    /// The current view of a note known to exist.
    static func record(_ note: NoteID, today: String, _ db: Database) throws -> NoteRecord {
        guard let record = try NoteQueries.record(note, today: today, db) else {
            throw NoteError.noMatch(note.rawValue)
        }
        return record
    }
}
