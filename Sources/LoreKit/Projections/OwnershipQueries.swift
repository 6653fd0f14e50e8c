import Foundation
import GRDB

/// Reads of the ownership history. The change in force for a (component, role) on a date is
/// the one with the greatest effective date on or before it; among changes effective the same
/// day, the one recorded last.
enum OwnershipQueries {
    private static let columns = """
        o.component, o.role, o.team, o.person, o.effective, o.recorded_hlc, o.author, o.reason, o.event,
        coalesce((SELECT p.left FROM people p WHERE p.handle = o.person), 0) AS person_left
        """

    /// Rows of `ownership o` that are in force on the date bound to `:at`.
    private static let inForce = """
        o.effective <= :at AND NOT EXISTS (
            SELECT 1 FROM ownership n
            WHERE n.component = o.component AND n.role = o.role AND n.effective <= :at
                AND (n.effective > o.effective OR (n.effective = o.effective AND n.position > o.position)))
        """

    /// The latest recorded change of a role: the register head a new change names in `deps`.
    static func head(_ component: String, _ role: String, _ db: Database) throws -> EventID? {
        try Data.fetchOne(
            db,
            sql:
                "SELECT event FROM ownership WHERE component = ? AND role = ? ORDER BY position DESC LIMIT 1",
            arguments: [component, role]
        ).flatMap(EventID.init(bytes:))
    }

    /// The holders of a component's roles on `date`, in ``OwnershipRole`` order.
    static func holders(_ component: String, at date: String, _ db: Database) throws -> [OwnershipEntry] {
        let entries = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM ownership o WHERE o.component = :component AND \(inForce)",
            arguments: ["component": component, "at": date]
        ).map { entry($0, current: true) }
        return sortedByRole(entries)
    }

    /// The holder of one role on `date`.
    static func holder(_ component: String, _ role: String, at date: String, _ db: Database) throws
        -> OwnershipEntry?
    {
        try holders(component, at: date, db).first { $0.role == role }
    }

    /// Changes of a component that take effect after `date`, by effective date, then as recorded.
    static func upcoming(_ component: String, after date: String, _ db: Database) throws -> [OwnershipEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(columns) FROM ownership o WHERE o.component = ? AND o.effective > ?
                ORDER BY o.effective, o.recorded_hlc, o.role, o.position
                """, arguments: [component, date]
        ).map { entry($0, current: false) }
    }

    /// Every change of a component (or of one of its roles), by effective date, then as
    /// recorded; `current` marks the changes in force on `today`.
    static func history(_ component: String, role: String?, today: String, _ db: Database) throws
        -> [OwnershipEntry]
    {
        let inForceNow = Set(try holders(component, at: today, db).map(\.event))
        var sql = "SELECT \(columns) FROM ownership o WHERE o.component = ?"
        var arguments: StatementArguments = [component]
        if let role {
            sql += " AND o.role = ?"
            arguments += [role]
        }
        sql += " ORDER BY o.effective, o.recorded_hlc, o.role, o.position"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            var change = entry(row, current: false)
            change.current = inForceNow.contains(change.event)
            return change
        }
    }

    /// The roles held on `date` by a team or by a person, by component and role.
    static func held(
        byTeam team: String? = nil, byPerson person: String? = nil, at date: String, _ db: Database
    )
        throws -> [RoleHeld]
    {
        var sql = "SELECT \(columns) FROM ownership o WHERE \(inForce)"
        var arguments: [String: (any DatabaseValueConvertible)?] = ["at": date]
        if let team {
            sql += " AND o.team = :team"
            arguments["team"] = team
        }
        if let person {
            sql += " AND o.person = :person"
            arguments["person"] = person
        }
        let entries = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            .map { entry($0, current: true) }
        let order = OwnershipRole.allCases.map(\.rawValue)
        return entries.sorted {
            ($0.component, order.firstIndex(of: $0.role) ?? order.count)
                < ($1.component, order.firstIndex(of: $1.role) ?? order.count)
        }.map {
            RoleHeld(
                component: $0.component, role: $0.role, team: $0.team, person: $0.person, since: $0.effective)
        }
    }

    private static func sortedByRole(_ entries: [OwnershipEntry]) -> [OwnershipEntry] {
        let order = OwnershipRole.allCases.map(\.rawValue)
        return entries.sorted {
            (order.firstIndex(of: $0.role) ?? order.count) < (order.firstIndex(of: $1.role) ?? order.count)
        }
    }

    private static func entry(_ row: Row, current: Bool) -> OwnershipEntry {
        OwnershipEntry(
            component: row["component"], role: row["role"], team: row["team"], person: row["person"],
            effective: row["effective"], recorded: HLC(packed: row["recorded_hlc"]).iso8601,
            author: row["author"], reason: row["reason"], event: (row["event"] as Data).hexString,
            current: current, personLeft: row["person_left"])
    }
}
