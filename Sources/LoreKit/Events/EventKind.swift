/// Every kind of event lore writes; raw values equal the names in `Schemas/events/`.
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case adrRecorded = "adr.recorded"
    case adrRevised = "adr.revised"
    case adrStatusChanged = "adr.status-changed"
    case adrSuperseded = "adr.superseded"
    case adrLinked = "adr.linked"
    case noteAdded = "note.added"
    case noteRevised = "note.revised"
    case noteRetracted = "note.retracted"
    case componentRegistered = "component.registered"
    case teamRegistered = "team.registered"
    case personJoined = "person.joined"
    case personLeft = "person.left"
    case ownershipTransferred = "ownership.transferred"
    case handoffStarted = "handoff.started"
    case handoffItemCompleted = "handoff.item-completed"
    case handoffPhaseAdvanced = "handoff.phase-advanced"
    case handoffCompleted = "handoff.completed"
    case conflictResolved = "conflict.resolved"
    case keyEnrolled = "key.enrolled"
    case keyRevoked = "key.revoked"
    case contentRedacted = "content.redacted"

    /// The payload schema version this build writes for the kind.
    public var currentSchema: Int { 1 }
}
