public import Foundation
import GRDB

/// One value a contested register holds at one site.
public struct ConflictHead: Sendable, Hashable, Codable {
    public var event: String
    /// What the head says, readable: `ADR-0003 Use Pulsar`, `team core`, `ramp-up`.
    public var value: String
    public var replica: String
    public var author: String
    public var recorded: String
}

/// A register with heads that do not know each other.
public struct ConflictView: Sendable, Hashable, Codable {
    /// The register's name, e.g. `adr/<id>/successor`.
    public var register: String
    /// What it is about, readable: `successor of ADR-0001 Use Kafka`.
    public var subject: String
    /// The heads, oldest first; the view shows the last, marked contested.
    public var heads: [ConflictHead]
}

/// Problems resolving conflicts.
public enum ConflictError: LocalizedError, Equatable {
    case noConflict(String)
    case noHead(String, String)

    public var errorDescription: String? {
        switch self {
        case .noConflict(let ref): "no open conflict matches '\(ref)'; `lore conflicts` lists them"
        case .noHead(let ref, let conflict):
            "'\(ref)' is none of the heads of \(conflict); give a head's number from `lore conflicts` or its event id"
        }
    }
}

extension Store {
    /// Every contested register.
    public func conflicts() throws -> [ConflictView] {
        try read { db in try RegisterQueries.contested(db).map { try ConflictViews.view($0, db) } }
    }

    /// Ends a conflict with a `conflict.resolved` event that names every head and keeps one.
    ///
    /// - Parameters:
    ///   - ref: the conflict's number in ``conflicts()`` (1-based) or its register name.
    ///   - keep: the head's number (1-based), a prefix of its event id, or its value as shown.
    @discardableResult
    public func resolveConflict(_ ref: String, keep: String, reason: String? = nil) throws -> ConflictView {
        try write { db, appender in
            let registers = try RegisterQueries.contested(db)
            let register: String
            if let number = Int(ref), (1...registers.count).contains(number) {
                register = registers[number - 1]
            } else if registers.contains(ref) {
                register = ref
            } else {
                throw ConflictError.noConflict(ref)
            }
            let view = try ConflictViews.view(register, db)
            let chosen: ConflictHead
            if let number = Int(keep), (1...view.heads.count).contains(number) {
                chosen = view.heads[number - 1]
            } else if let match = view.heads.first(where: {
                (keep.count >= 4 && $0.event.hasPrefix(keep.lowercased()))
                    || $0.value.lowercased() == keep.lowercased()
                    || $0.value.lowercased().hasPrefix(keep.lowercased() + " ")
            }) {
                chosen = match
            } else {
                throw ConflictError.noHead(keep, view.subject)
            }
            let heads = view.heads.map(\.event)
            let payload = ConflictResolved(
                register: register, heads: heads, chosen: chosen.event, reason: reason)
            try appender.append(
                stream: ConflictViews.stream(of: register), payload: .conflictResolved(payload),
                deps: heads.compactMap(EventID.init(hex:)), db)
            return view
        }
    }
}

/// Readable views of registers.
enum ConflictViews {
    static func view(_ register: String, _ db: Database) throws -> ConflictView {
        let heads = try RegisterQueries.heads(register, db).map { head in
            ConflictHead(
                event: head.event.hex, value: try describe(register, head.value, db), replica: head.replica,
                author: head.author, recorded: head.hlc.iso8601)
        }
        return ConflictView(register: register, subject: try subject(register, db), heads: heads)
    }

    /// The stream a resolution is written to: the record the register belongs to.
    static func stream(of register: String) -> String {
        let parts = register.split(separator: "/")
        return parts.count >= 2 ? "\(parts[0])/\(parts[1])" : register
    }

    private static func subject(_ register: String, _ db: Database) throws -> String {
        let parts = register.split(separator: "/").map(String.init)
        guard parts.count == 3 else { return register }
        switch parts[0] {
        case "adr": return "successor of \(try adrLabel(parts[1], db))"
        case "ownership": return "\(parts[2]) of component \(parts[1])"
        case "handoff": return "phase of hand-off \(parts[1].prefix(8))"
        default: return register
        }
    }

    private static func describe(_ register: String, _ value: String, _ db: Database) throws -> String {
        if register.hasPrefix("adr/") { return try adrLabel(value, db) }
        if register.hasPrefix("ownership/") {
            let parts = value.split(separator: "|", maxSplits: 1)
            return "team \(parts[0])" + (parts.count > 1 ? ", person \(parts[1])" : "")
        }
        return value
    }

    private static func adrLabel(_ id: String, _ db: Database) throws -> String {
        guard let record = try ADRQueries.record(ADRID(rawValue: id), db) else { return id }
        return "\(ADRNumber.display(record.number)) \(record.title)"
    }
}
