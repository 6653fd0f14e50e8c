import Foundation
import GRDB

extension Store {
    /// Records that a team (and maybe one of its people) takes a role on a component from a date.
    ///
    /// The change names in `deps` the latest recorded change of that role (the register head).
    ///
    /// - Returns: the recorded change.
    /// - Throws: ``DirectoryError`` for an unknown component, team or person, a bad role, a
    ///   person who left or is on another team, or a change that changes nothing on its date
    ///   (``DirectoryError/alreadyHolds(component:role:holder:since:)``); ``ADRError/badDate(_:)``.
    @discardableResult
    public func setOwner(_ change: OwnershipChange) throws -> OwnershipEntry {
        let role = try DirectoryLookup.role(change.role)
        let today = ADRInput.today(environment.now())
        let effective = try change.effective.map(ADRInput.date) ?? today
        return try write { db, appender in
            let component = try DirectoryLookup.component(change.component, db)
            let team = try DirectoryLookup.team(change.team, db)
            let person = try change.person.flatMap(DirectoryLookup.text).map { handle in
                let person = try DirectoryLookup.person(handle, db)
                guard !person.left else { throw DirectoryError.personHasLeft(person.handle) }
                guard person.team == team else {
                    throw DirectoryError.personNotOnTeam(person.handle, team: team, actual: person.team)
                }
                return person.handle
            }
            if let holder = try OwnershipQueries.holder(component, role.rawValue, at: effective, db),
                holder.team == team, holder.person == person
            {
                throw DirectoryError.alreadyHolds(
                    component: component, role: role.rawValue, holder: OwnershipText.holder(team, person),
                    since: holder.effective)
            }
            let payload = OwnershipTransferred(
                component: component, role: role.rawValue, team: team, person: person, effective: effective,
                reason: DirectoryLookup.text(change.reason))
            return try OwnershipWriter.append(payload, today: today, appender, db)
        }
    }

    /// Who holds each role of a component on a date, and the changes recorded to come later.
    ///
    /// - Parameter date: `YYYY-MM-DD`; nil means today.
    /// - Throws: ``DirectoryError/unknownComponent(_:suggestions:)``, ``ADRError/badDate(_:)``.
    public func owners(of component: String, at date: String? = nil) throws -> OwnershipView {
        let day = try date.map(ADRInput.date) ?? ADRInput.today(environment.now())
        return try read { db in
            let component = try DirectoryLookup.component(component, db)
            let prefix = "ownership/\(component.lowercased())/"
            return OwnershipView(
                component: component, at: day, roles: try OwnershipQueries.holders(component, at: day, db),
                upcoming: try OwnershipQueries.upcoming(component, after: day, db),
                contested: try RegisterQueries.contested(db).filter { $0.hasPrefix(prefix) }.map {
                    String($0.dropFirst(prefix.count))
                })
        }
    }

    /// Every recorded change of a component's roles, by effective date, each with when it was
    /// recorded; `current` marks the changes in force today.
    ///
    /// - Parameter role: only this role's changes.
    public func ownershipHistory(of component: String, role: String? = nil) throws -> [OwnershipEntry] {
        let role = try role.map(DirectoryLookup.role)
        let today = ADRInput.today(environment.now())
        return try read { db in
            try OwnershipQueries.history(
                try DirectoryLookup.component(component, db), role: role?.rawValue, today: today, db)
        }
    }
}

/// Appends ownership changes, for `owner set` and for completed hand-offs.
enum OwnershipWriter {
    /// Appends one checked change with the register head in `deps`, and returns it as recorded.
    ///
    /// - Parameter today: the date `current` is about in the returned entry.
    static func append(_ payload: OwnershipTransferred, today: String, _ appender: Appender, _ db: Database)
        throws -> OwnershipEntry
    {
        // Every head this write saw: after a conflict, a new change that saw both ends it.
        let register = "ownership/\(payload.component.lowercased())/\(payload.role)"
        let heads = try RegisterQueries.heads(register, db).map(\.event)
        let event = try appender.append(
            stream: "component/\(payload.component.lowercased())", payload: .ownershipTransferred(payload),
            deps: heads, db)
        // The payload names a known component, team and person, so the fold recorded it.
        return try OwnershipQueries.history(payload.component, role: payload.role, today: today, db)
            .first { $0.event == event.id.hex }!
    }
}

/// How holders read in messages.
enum OwnershipText {
    /// `core` or `core (ada)`.
    static func holder(_ team: String, _ person: String?) -> String {
        person.map { "\(team) (\($0))" } ?? team
    }
}
