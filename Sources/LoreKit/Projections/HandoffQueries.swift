import Foundation
import GRDB

/// Reads of the hand-off projection.
enum HandoffQueries {
    /// The phase-history entry a completion adds.
    static let completedStep = "completed"

    private static let summaryColumns = """
        h.handoff, h.number, h.from_team, h.to_team, h.due, h.phase, h.completed, h.forced, h.started_hlc,
        h.completed_hlc,
        (SELECT json_group_array(component) FROM
            (SELECT component FROM handoff_components c WHERE c.handoff = h.handoff ORDER BY component))
            AS components,
        (SELECT count(*) FROM handoff_items i WHERE i.handoff = h.handoff) AS items_total,
        (SELECT count(*) FROM handoff_items i WHERE i.handoff = h.handoff
            AND i.from_signed_event IS NOT NULL AND i.to_signed_event IS NOT NULL) AS items_done
        """

    static func isKnown(_ handoff: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM handoffs WHERE handoff = ?", arguments: [handoff]) ?? false
    }

    static func isOpen(_ handoff: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM handoffs WHERE handoff = ? AND completed = 0", arguments: [handoff])
            ?? false
    }

    static func nextNumber(_ db: Database) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT max(number) FROM handoffs") ?? 0) + 1
    }

    static func id(ofNumber number: Int, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT handoff FROM handoffs WHERE number = ?", arguments: [number])
    }

    /// Hand-offs whose id starts with `prefix` (lowercase), as (id, number).
    static func ids(withPrefix prefix: String, _ db: Database) throws -> [(String, Int)] {
        try Row.fetchAll(
            db, sql: "SELECT handoff, number FROM handoffs WHERE substr(handoff, 1, ?) = ? ORDER BY number",
            arguments: [prefix.count, prefix]
        ).map { ($0["handoff"], $0["number"]) }
    }

    /// The latest phase event (start, advance or completion): the head of the phase register.
    static func phaseHead(_ handoff: String, _ db: Database) throws -> EventID? {
        try Data.fetchOne(
            db, sql: "SELECT event FROM handoff_phases WHERE handoff = ? ORDER BY step DESC LIMIT 1",
            arguments: [handoff]
        ).flatMap(EventID.init(bytes:))
    }

    /// Every hand-off, or only those not completed, by number.
    static func list(openOnly: Bool, _ db: Database) throws -> [HandoffSummary] {
        let filter = openOnly ? "WHERE h.completed = 0" : ""
        return try Row.fetchAll(
            db, sql: "SELECT \(summaryColumns) FROM handoffs h \(filter) ORDER BY h.number"
        )
        .map(summary)
    }

    static func record(_ handoff: String, _ db: Database) throws -> HandoffRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT \(summaryColumns), h.author, h.force_reason FROM handoffs h WHERE h.handoff = ?",
                arguments: [handoff])
        else { return nil }
        let phases = try Row.fetchAll(
            db, sql: "SELECT phase, author, hlc, event FROM handoff_phases WHERE handoff = ? ORDER BY step",
            arguments: [handoff]
        ).map { step in
            HandoffStep(
                phase: step["phase"], author: step["author"], at: HLC(packed: step["hlc"]).iso8601,
                event: (step["event"] as Data).hexString)
        }
        let items = try Row.fetchAll(
            db, sql: "SELECT * FROM handoff_items WHERE handoff = ? ORDER BY position", arguments: [handoff]
        ).map { item in
            HandoffItemView(
                number: item["position"], text: item["text"], from: signOff(item, .from),
                to: signOff(item, .to))
        }
        return HandoffRecord(
            summary: try summary(row), author: row["author"], reason: row["force_reason"], phases: phases,
            items: items)
    }

    private static func signOff(_ row: Row, _ side: HandoffSide) -> HandoffSignOff? {
        guard let event = row["\(side.rawValue)_signed_event"] as Data? else { return nil }
        return HandoffSignOff(
            author: row["\(side.rawValue)_author"], at: HLC(packed: row["\(side.rawValue)_hlc"]).iso8601,
            evidence: row["\(side.rawValue)_evidence"], event: event.hexString)
    }

    private static func summary(_ row: Row) throws -> HandoffSummary {
        HandoffSummary(
            id: row["handoff"], number: row["number"],
            components: try JSONColumn.decode([String].self, row["components"]), from: row["from_team"],
            to: row["to_team"], due: row["due"], phase: row["phase"], completed: row["completed"],
            forced: row["forced"], itemsDone: row["items_done"], itemsTotal: row["items_total"],
            started: HLC(packed: row["started_hlc"]).iso8601,
            completedAt: (row["completed_hlc"] as Int64?).map { HLC(packed: $0).iso8601 })
    }
}
