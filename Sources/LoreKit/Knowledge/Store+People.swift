import Foundation
import GRDB

extension Store {
    /// Records that a person joins a team. Someone who left may join again, on any team.
    ///
    /// - Throws: ``DirectoryError/personOnTeam(_:team:)`` for someone already on a team,
    ///   ``DirectoryError/unknownTeam(_:suggestions:)``, ``DirectoryError/badName(_:what:)``.
    @discardableResult
    public func addPerson(_ handle: String, name: String, team: String) throws -> PersonView {
        let handle = try ComponentNames.clean(handle, what: "person handle")
        let name = try ComponentNames.clean(name, what: "person")
        return try write { db, appender in
            let team = try DirectoryLookup.team(team, db)
            if let existing = try DirectoryQueries.person(handle, db), !existing.left {
                throw DirectoryError.personOnTeam(existing.handle, team: existing.team)
            }
            // A returning person keeps the handle's first spelling.
            let spelled = try DirectoryQueries.personHandle(handle, db) ?? handle
            try appender.append(
                stream: "person/\(spelled.lowercased())",
                payload: .personJoined(PersonJoined(handle: spelled, name: name, team: team)), db)
            return try DirectoryQueries.person(spelled, db)!
        }
    }

    /// Records that a person leaves; they stay in history, marked as gone.
    ///
    /// - Returns: the person, with the roles they still hold today (to hand on).
    /// - Throws: ``DirectoryError/personAlreadyLeft(_:on:)``,
    ///   ``DirectoryError/unknownPerson(_:suggestions:)``.
    @discardableResult
    public func personLeaves(_ handle: String, reason: String? = nil) throws -> PersonView {
        let today = ADRInput.today(environment.now())
        return try write { db, appender in
            let person = try DirectoryLookup.person(handle, db)
            guard !person.left else {
                throw DirectoryError.personAlreadyLeft(
                    person.handle, on: String((person.leftAt ?? "").prefix(10)))
            }
            try appender.append(
                stream: "person/\(person.handle.lowercased())",
                payload: .personLeft(PersonLeft(handle: person.handle, reason: DirectoryLookup.text(reason))),
                db)
            var gone = try DirectoryQueries.person(person.handle, db)!
            gone.roles = try OwnershipQueries.held(byPerson: person.handle, at: today, db)
            return gone
        }
    }

    /// Everyone, or everyone who joined one team, by handle; those who left are marked.
    ///
    /// - Throws: ``DirectoryError/unknownTeam(_:suggestions:)`` for a team filter.
    public func people(team: String? = nil) throws -> [PersonView] {
        try read { db in
            try DirectoryQueries.people(team: try team.map { try DirectoryLookup.team($0, db) }, db)
        }
    }

    /// One person with the roles they hold today.
    ///
    /// - Throws: ``DirectoryError/unknownPerson(_:suggestions:)``.
    public func person(_ handle: String) throws -> PersonView {
        let today = ADRInput.today(environment.now())
        return try read { db in
            var person = try DirectoryLookup.person(handle, db)
            person.roles = try OwnershipQueries.held(byPerson: person.handle, at: today, db)
            return person
        }
    }
}
