import Foundation
import GRDB

/// Turns what a person types for a record (`7`, `ADR-7`, `0007`, an id prefix) into its id.
enum ADRReference {
    /// Resolves a reference: a display number first, then a unique prefix of the permanent id.
    ///
    /// - Throws: ``ADRError/noMatch(_:)`` or ``ADRError/ambiguous(_:candidates:)``.
    static func resolve(_ ref: String, _ db: Database) throws -> ADRID {
        let text = ref.trimmingCharacters(in: .whitespaces)
        let numberText = stripPrefix(text)
        if !numberText.isEmpty, numberText.allSatisfy(\.isASCII), let number = Int(numberText), number >= 0,
            let adr = try ADRQueries.id(ofNumber: number, db)
        {
            return adr
        }
        let prefix = text.lowercased()
        guard prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw ADRError.noMatch(ref)
        }
        let matches = try ADRQueries.ids(withPrefix: prefix, db)
        switch matches.count {
        case 0: throw ADRError.noMatch(ref)
        case 1: return matches[0].0
        default:
            throw ADRError.ambiguous(
                ref,
                candidates: matches.map { "\(ADRNumber.display($0.1)) \($0.2) (\($0.0.rawValue.prefix(8)))" })
        }
    }

    /// The current view of a record known to exist.
    static func record(_ adr: ADRID, _ db: Database) throws -> ADRRecord {
        guard let record = try ADRQueries.record(adr, db) else { throw ADRError.noMatch(adr.rawValue) }
        return record
    }

    /// `ADR-0007` for messages.
    static func label(_ adr: ADRID, _ db: Database) throws -> String {
        try ADRQueries.number(of: adr, db).map(ADRNumber.display) ?? adr.rawValue
    }

    /// `ADR-7`, `adr 7`, `#7` → `7`; anything else unchanged.
    private static func stripPrefix(_ text: String) -> String {
        var rest = Substring(text)
        if rest.lowercased().hasPrefix("adr") {
            rest = rest.dropFirst(3)
            rest = rest.drop(while: { $0 == "-" || $0 == " " || $0 == "_" })
        } else if rest.hasPrefix("#") {
            rest = rest.dropFirst()
        }
        return String(rest)
    }
}

/// How display numbers are written.
public enum ADRNumber {
    /// `ADR-0007`.
    public static func display(_ number: Int) -> String {
        // Padded by hand: `String(format:)`'s first use costs a tenth of a millisecond of
        // Foundation set-up in every `lore adr new`.
        let digits = String(number)
        return "ADR-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Store {
    /// The records matching a filter, by number.
    ///
    /// - Throws: ``ADRError/unknownStatusFilter(_:known:)`` for a status word no record has
    ///   and lore does not know.
    public func adrs(_ filter: ADRFilter = ADRFilter()) throws -> [ADRSummary] {
        try read { db in
            let results = try ADRQueries.list(filter, db)
            if results.isEmpty, let status = filter.status,
                !ADRStatus.standard.contains(status.lowercased())
            {
                let inUse = try ADRQueries.statusesInUse(db)
                if !inUse.contains(where: { $0.caseInsensitiveCompare(status) == .orderedSame }) {
                    throw ADRError.unknownStatusFilter(status, known: inUse)
                }
            }
            return results
        }
    }

    /// One record with its history and links.
    public func adr(_ ref: String) throws -> ADRRecord {
        try read { db in try ADRReference.record(try ADRReference.resolve(ref, db), db) }
    }
}
