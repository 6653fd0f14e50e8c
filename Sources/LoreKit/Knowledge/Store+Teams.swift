import Foundation
import GRDB

extension Store {
    /// Registers a team.
    ///
    /// - Parameters:
    ///   - party: `in-house` or `partner` (any case).
    ///   - org: the organisation it belongs to.
    ///   - site: where it works.
    /// - Throws: ``DirectoryError/teamExists(_:)`` for a name already registered (any case),
    ///   ``DirectoryError/badParty(_:)``, ``DirectoryError/badName(_:what:)``.
    @discardableResult
    public func registerTeam(_ name: String, party: String, org: String? = nil, site: String? = nil)
        throws -> TeamView
    {
        let name = try ComponentNames.clean(name, what: "team")
        let party = try DirectoryLookup.party(party)
        let org = try org.flatMap(DirectoryLookup.text).map {
            try ComponentNames.clean($0, what: "organisation")
        }
        let site = try site.flatMap(DirectoryLookup.text).map { try ComponentNames.clean($0, what: "site") }
        return try write { db, appender in
            if let existing = try DirectoryQueries.teamName(name, db) {
                throw DirectoryError.teamExists(existing)
            }
            let payload = TeamRegistered(name: name, party: party.rawValue, org: org, site: site)
            try appender.append(stream: "team/\(name.lowercased())", payload: .teamRegistered(payload), db)
            return try DirectoryQueries.team(name, db)!
        }
    }

    /// Every registered team, by name, with how many people are on it now.
    public func teams() throws -> [TeamView] {
        try read { db in try DirectoryQueries.teams(db) }
    }

    /// One team with everyone who joined it and the roles it holds today.
    ///
    /// - Throws: ``DirectoryError/unknownTeam(_:suggestions:)``.
    public func team(_ name: String) throws -> TeamView {
        let today = ADRInput.today(environment.now())
        return try read { db in
            var team = try DirectoryQueries.team(try DirectoryLookup.team(name, db), db)!
            team.people = try DirectoryQueries.people(team: team.name, db)
            team.roles = try OwnershipQueries.held(byTeam: team.name, at: today, db)
            return team
        }
    }
}
