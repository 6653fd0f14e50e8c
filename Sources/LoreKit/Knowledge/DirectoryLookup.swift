import Foundation
import GRDB

/// Turns the team names, handles, parties and roles people type into what the directory holds.
enum DirectoryLookup {
    /// Up to three registered names close to `name`: within a small edit distance, or containing it.
    static func suggestions(for name: String, among registered: [String]) -> [String] {
        let close = Suggestions.best(for: name, in: registered.map { (Suggestions.fold($0), 1) })
        let folded = Suggestions.fold(name)
        let containing = registered.filter { !folded.isEmpty && Suggestions.fold($0).contains(folded) }
        let closeNames = registered.filter { close.contains(Suggestions.fold($0)) }
        return Array(Set(closeNames + containing).sorted().prefix(3))
    }

    /// The registered spelling of a team name (any case).
    ///
    /// - Throws: ``DirectoryError/unknownTeam(_:suggestions:)`` with the closest names.
    static func team(_ name: String, _ db: Database) throws -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let known = try DirectoryQueries.teamName(name, db) { return known }
        throw DirectoryError.unknownTeam(
            name, suggestions: suggestions(for: name, among: try DirectoryQueries.teamNames(db)))
    }

    /// A person by handle (any case), those who left included.
    ///
    /// - Throws: ``DirectoryError/unknownPerson(_:suggestions:)`` with the closest handles.
    static func person(_ handle: String, _ db: Database) throws -> PersonView {
        let handle = handle.trimmingCharacters(in: .whitespaces)
        if let person = try DirectoryQueries.person(handle, db) { return person }
        throw DirectoryError.unknownPerson(
            handle, suggestions: suggestions(for: handle, among: try DirectoryQueries.handles(db)))
    }

    /// The registered spelling of a component name (any case).
    static func component(_ name: String, _ db: Database) throws -> String {
        try ComponentNames.check([name.trimmingCharacters(in: .whitespaces)], db)[0]
    }

    /// `in-house` or `partner`, any case.
    static func party(_ raw: String) throws -> TeamParty {
        let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard let party = TeamParty(rawValue: word) ?? (word == "inhouse" ? .inHouse : nil) else {
            throw DirectoryError.badParty(raw)
        }
        return party
    }

    /// One of the four roles, any case.
    static func role(_ raw: String) throws -> OwnershipRole {
        let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = OwnershipRole(rawValue: word) else { throw DirectoryError.badRole(raw) }
        return role
    }

    /// Free text (a reason, evidence): trimmed; empty means none.
    static func text(_ raw: String?) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return nil
        }
        return text
    }
}
