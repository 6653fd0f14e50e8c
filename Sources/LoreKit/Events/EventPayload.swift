public import Foundation

/// The payload of an event: one case per ``EventKind``.
public enum EventPayload: Hashable, Sendable {
    case adrRecorded(ADRRecorded)
    case adrRevised(ADRRevised)
    case adrStatusChanged(ADRStatusChanged)
    case adrSuperseded(ADRSuperseded)
    case adrLinked(ADRLinked)
    case noteAdded(NoteAdded)
    case noteRevised(NoteRevised)
    case noteRetracted(NoteRetracted)
    case componentRegistered(ComponentRegistered)
    case teamRegistered(TeamRegistered)
    case personJoined(PersonJoined)
    case personLeft(PersonLeft)
    case ownershipTransferred(OwnershipTransferred)
    case handoffStarted(HandoffStarted)
    case handoffItemCompleted(HandoffItemCompleted)
    case handoffPhaseAdvanced(HandoffPhaseAdvanced)
    case handoffCompleted(HandoffCompleted)
    case conflictResolved(ConflictResolved)
    case keyEnrolled(KeyEnrolled)
    case keyRevoked(KeyRevoked)
    case contentRedacted(ContentRedacted)

    /// The kind discriminator written into the event body.
    public var kind: EventKind {
        switch self {
        case .adrRecorded: .adrRecorded
        case .adrRevised: .adrRevised
        case .adrStatusChanged: .adrStatusChanged
        case .adrSuperseded: .adrSuperseded
        case .adrLinked: .adrLinked
        case .noteAdded: .noteAdded
        case .noteRevised: .noteRevised
        case .noteRetracted: .noteRetracted
        case .componentRegistered: .componentRegistered
        case .teamRegistered: .teamRegistered
        case .personJoined: .personJoined
        case .personLeft: .personLeft
        case .ownershipTransferred: .ownershipTransferred
        case .handoffStarted: .handoffStarted
        case .handoffItemCompleted: .handoffItemCompleted
        case .handoffPhaseAdvanced: .handoffPhaseAdvanced
        case .handoffCompleted: .handoffCompleted
        case .conflictResolved: .conflictResolved
        case .keyEnrolled: .keyEnrolled
        case .keyRevoked: .keyRevoked
        case .contentRedacted: .contentRedacted
        }
    }

    /// The value inside the case, for encoding.
    private var value: any Encodable {
        switch self {
        case .adrRecorded(let v): v
        case .adrRevised(let v): v
        case .adrStatusChanged(let v): v
        case .adrSuperseded(let v): v
        case .adrLinked(let v): v
        case .noteAdded(let v): v
        case .noteRevised(let v): v
        case .noteRetracted(let v): v
        case .componentRegistered(let v): v
        case .teamRegistered(let v): v
        case .personJoined(let v): v
        case .personLeft(let v): v
        case .ownershipTransferred(let v): v
        case .handoffStarted(let v): v
        case .handoffItemCompleted(let v): v
        case .handoffPhaseAdvanced(let v): v
        case .handoffCompleted(let v): v
        case .conflictResolved(let v): v
        case .keyEnrolled(let v): v
        case .keyRevoked(let v): v
        case .contentRedacted(let v): v
        }
    }

    /// The payload's canonical JSON bytes (sorted keys, no escaped slashes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decodes payload bytes of the given kind.
    ///
    /// - Throws: ``EventError/malformedPayload(kind:reason:)`` when the bytes do not fit the kind.
    public static func decode(kind: EventKind, from data: Data) throws -> EventPayload {
        let d = JSONDecoder()
        do {
            switch kind {
            case .adrRecorded: return .adrRecorded(try d.decode(ADRRecorded.self, from: data))
            case .adrRevised: return .adrRevised(try d.decode(ADRRevised.self, from: data))
            case .adrStatusChanged:
                return .adrStatusChanged(try d.decode(ADRStatusChanged.self, from: data))
            case .adrSuperseded: return .adrSuperseded(try d.decode(ADRSuperseded.self, from: data))
            case .adrLinked: return .adrLinked(try d.decode(ADRLinked.self, from: data))
            case .noteAdded: return .noteAdded(try d.decode(NoteAdded.self, from: data))
            case .noteRevised: return .noteRevised(try d.decode(NoteRevised.self, from: data))
            case .noteRetracted: return .noteRetracted(try d.decode(NoteRetracted.self, from: data))
            case .componentRegistered:
                return .componentRegistered(try d.decode(ComponentRegistered.self, from: data))
            case .teamRegistered: return .teamRegistered(try d.decode(TeamRegistered.self, from: data))
            case .personJoined: return .personJoined(try d.decode(PersonJoined.self, from: data))
            case .personLeft: return .personLeft(try d.decode(PersonLeft.self, from: data))
            case .ownershipTransferred:
                return .ownershipTransferred(try d.decode(OwnershipTransferred.self, from: data))
            case .handoffStarted: return .handoffStarted(try d.decode(HandoffStarted.self, from: data))
            case .handoffItemCompleted:
                return .handoffItemCompleted(try d.decode(HandoffItemCompleted.self, from: data))
            case .handoffPhaseAdvanced:
                return .handoffPhaseAdvanced(try d.decode(HandoffPhaseAdvanced.self, from: data))
            case .handoffCompleted:
                return .handoffCompleted(try d.decode(HandoffCompleted.self, from: data))
            case .conflictResolved:
                return .conflictResolved(try d.decode(ConflictResolved.self, from: data))
            case .keyEnrolled: return .keyEnrolled(try d.decode(KeyEnrolled.self, from: data))
            case .keyRevoked: return .keyRevoked(try d.decode(KeyRevoked.self, from: data))
            case .contentRedacted:
                return .contentRedacted(try d.decode(ContentRedacted.self, from: data))
            }
        } catch {
            throw EventError.malformedPayload(kind: kind.rawValue, reason: "\(error)")
        }
    }
}
