/// The roles a component has, each held by one team (and maybe one person) at a time.
public enum OwnershipRole: String, CaseIterable, Sendable, Codable {
    case owner
    case techLead = "tech-lead"
    case productOwner = "product-owner"
    case maintainer
}

/// What a person gives to change who holds a role.
public struct OwnershipChange: Sendable, Hashable {
    public var component: String
    public var team: String
    public var person: String?
    /// One of ``OwnershipRole``; default `owner`.
    public var role: String
    /// `YYYY-MM-DD`; nil means today.
    public var effective: String?
    public var reason: String?

    public init(
        component: String, team: String, person: String? = nil, role: String = OwnershipRole.owner.rawValue,
        effective: String? = nil, reason: String? = nil
    ) {
        self.component = component
        self.team = team
        self.person = person
        self.role = role
        self.effective = effective
        self.reason = reason
    }
}

/// One recorded change of a role: when it takes effect and when it was recorded.
public struct OwnershipEntry: Sendable, Hashable, Codable {
    public var component: String
    public var role: String
    public var team: String
    public var person: String?
    /// When the change takes effect, `YYYY-MM-DD`.
    public var effective: String
    /// When it was recorded (ISO 8601, UTC), from the event's clock.
    public var recorded: String
    public var author: String
    public var reason: String?
    /// The `ownership.transferred` event.
    public var event: String
    /// Whether this change is the one in force on the date asked about (today for history).
    public var current: Bool
    /// Whether the person has left their team since.
    public var personLeft: Bool

    enum CodingKeys: String, CodingKey {
        case component, role, team, person, effective, recorded, author, reason, event, current
        case personLeft = "person_left"
    }
}

/// Who holds each role of a component on a date, and the changes recorded to come after it.
public struct OwnershipView: Sendable, Hashable, Codable {
    public var component: String
    /// The date asked about, `YYYY-MM-DD`.
    public var at: String
    /// The holder of each role that has one on that date, in ``OwnershipRole`` order.
    public var roles: [OwnershipEntry]
    /// Changes that take effect after that date, by effective date.
    public var upcoming: [OwnershipEntry]
    /// Roles two sites changed without seeing each other's change (`lore conflicts`).
    public var contested: [String] = []
}
