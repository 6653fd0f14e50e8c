// Payloads of the kinds that later features project: notes, components, teams, people,
// ownership, hand-offs, conflicts, keys and redaction. Declared now so the envelope and the
// schemas cover every kind from the start.

/// `note.added`: a context note (runbook, risk, FAQ, glossary entry or plain context).
public struct NoteAdded: Codable, Hashable, Sendable {
    public var note: String
    public var title: String
    public var kind: String
    public var body: String
    public var components: [String]
    public var tags: [String]
    public var reviewBy: String?
    enum CodingKeys: String, CodingKey {
        case note, title, kind, body, components, tags
        case reviewBy = "review_by"
    }
}

/// `note.revised`: new values for some fields of a note.
public struct NoteRevised: Codable, Hashable, Sendable {
    public var note: String
    public var title: String?
    public var body: String?
    public var components: [String]?
    public var tags: [String]?
    public var reviewBy: String?
    enum CodingKeys: String, CodingKey {
        case note, title, body, components, tags
        case reviewBy = "review_by"
    }
}

/// `note.retracted`: a note leaves current views but stays in history.
public struct NoteRetracted: Codable, Hashable, Sendable {
    public var note: String
    public var reason: String?
}

/// `component.registered`: a named part of the system.
public struct ComponentRegistered: Codable, Hashable, Sendable {
    public var name: String
    public var description: String?
    public var system: String?
    public var repo: String?

    public init(name: String, description: String? = nil, system: String? = nil, repo: String? = nil) {
        self.name = name
        self.description = description
        self.system = system
        self.repo = repo
    }
}

/// `team.registered`: an in-house or partner team.
public struct TeamRegistered: Codable, Hashable, Sendable {
    public var name: String
    /// `in-house` or `partner`.
    public var party: String
    public var org: String?
    public var site: String?

    public init(name: String, party: String, org: String? = nil, site: String? = nil) {
        self.name = name
        self.party = party
        self.org = org
        self.site = site
    }
}

/// `person.joined`: a person joins a team.
public struct PersonJoined: Codable, Hashable, Sendable {
    public var handle: String
    public var name: String
    public var team: String

    public init(handle: String, name: String, team: String) {
        self.handle = handle
        self.name = name
        self.team = team
    }
}

/// `person.left`: a person leaves; they stay in history, marked as gone.
public struct PersonLeft: Codable, Hashable, Sendable {
    public var handle: String
    public var reason: String?

    public init(handle: String, reason: String? = nil) {
        self.handle = handle
        self.reason = reason
    }
}

/// `ownership.transferred`: a role on a component passes to a team (and maybe a person).
public struct OwnershipTransferred: Codable, Hashable, Sendable {
    public var component: String
    /// One of ``OwnershipRole``.
    public var role: String
    public var team: String
    public var person: String?
    /// When the change takes effect, `YYYY-MM-DD`; the event's clock says when it was recorded.
    public var effective: String
    public var reason: String?

    public init(
        component: String, role: String, team: String, person: String? = nil, effective: String,
        reason: String? = nil
    ) {
        self.component = component
        self.role = role
        self.team = team
        self.person = person
        self.effective = effective
        self.reason = reason
    }
}

/// `handoff.started`: work on components moves from one team to another.
public struct HandoffStarted: Codable, Hashable, Sendable {
    public var handoff: String
    public var components: [String]
    public var from: String
    public var to: String
    public var due: String?
    /// The checklist, in order; sign-offs name an item by its exact text.
    public var items: [String]
    /// The display number the writer claimed; the fold gives a taken number the next free one.
    public var number: Int?

    public init(
        handoff: String, components: [String], from: String, to: String, due: String? = nil,
        items: [String], number: Int? = nil
    ) {
        self.handoff = handoff
        self.components = components
        self.from = from
        self.to = to
        self.due = due
        self.items = items
        self.number = number
    }
}

/// `handoff.item-completed`: one side signs off one checklist item.
public struct HandoffItemCompleted: Codable, Hashable, Sendable {
    public var handoff: String
    /// The item's exact text as the hand-off started with it.
    public var item: String
    /// `from` or `to`.
    public var side: String
    public var evidence: String?

    public init(handoff: String, item: String, side: String, evidence: String? = nil) {
        self.handoff = handoff
        self.item = item
        self.side = side
        self.evidence = evidence
    }
}

/// `handoff.phase-advanced`: a hand-off moves to its next phase.
public struct HandoffPhaseAdvanced: Codable, Hashable, Sendable {
    public var handoff: String
    public var phase: String

    public init(handoff: String, phase: String) {
        self.handoff = handoff
        self.phase = phase
    }
}

/// `handoff.completed`: the hand-off ends; ownership passes to the receiving team.
public struct HandoffCompleted: Codable, Hashable, Sendable {
    public var handoff: String
    /// Whether checklist items were still open.
    public var forced: Bool
    public var reason: String?

    public init(handoff: String, forced: Bool, reason: String? = nil) {
        self.handoff = handoff
        self.forced = forced
        self.reason = reason
    }
}

/// `conflict.resolved`: ends a conflict between register heads by naming the winner.
public struct ConflictResolved: Codable, Hashable, Sendable {
    public var register: String
    public var heads: [String]
    public var chosen: String
    public var reason: String?
}

/// `key.enrolled`: a replica announces itself, its site and its author.
public struct KeyEnrolled: Codable, Hashable, Sendable {
    public var replica: String
    public var site: String
    public var author: String
    public init(replica: String, site: String, author: String) {
        self.replica = replica
        self.site = site
        self.author = author
    }
}

/// `key.revoked`: a replica's key is no longer trusted from now on.
public struct KeyRevoked: Codable, Hashable, Sendable {
    public var replica: String
    public var reason: String?
}

/// `content.redacted`: the payloads of the named events are erased; their bodies remain.
public struct ContentRedacted: Codable, Hashable, Sendable {
    public var events: [String]
    public var reason: String
}
