/// Which side of the hand-off a team is on.
public enum TeamParty: String, CaseIterable, Sendable, Codable {
    case inHouse = "in-house"
    case partner
}

/// A registered team; ``Store/team(_:)`` also fills its people and the roles it holds today.
public struct TeamView: Sendable, Hashable, Codable {
    public var name: String
    /// `in-house` or `partner`.
    public var party: String
    public var org: String?
    public var site: String?
    public var author: String
    /// When it was registered (ISO 8601, UTC).
    public var registered: String
    /// How many people are on the team now (those who left are not counted).
    public var members: Int
    /// Everyone who joined the team, those who left included (``Store/team(_:)`` only).
    public var people: [PersonView]?
    /// The roles the team holds today (``Store/team(_:)`` only).
    public var roles: [RoleHeld]?
}

/// A person on a team.
public struct PersonView: Sendable, Hashable, Codable {
    public var handle: String
    public var name: String
    public var team: String
    /// When they joined the team (ISO 8601, UTC).
    public var joined: String
    /// Whether they have left.
    public var left: Bool
    /// When they left (ISO 8601, UTC).
    public var leftAt: String?
    public var leftReason: String?
    /// The roles they hold today (``Store/person(_:)`` and ``Store/personLeaves(_:reason:)`` only).
    public var roles: [RoleHeld]?

    enum CodingKeys: String, CodingKey {
        case handle, name, team, joined, left, roles
        case leftAt = "left_at"
        case leftReason = "left_reason"
    }
}

/// A role on a component that a team (and maybe a person) holds.
public struct RoleHeld: Sendable, Hashable, Codable {
    public var component: String
    public var role: String
    public var team: String
    public var person: String?
    /// The effective date of the change that gave it the role.
    public var since: String
}
