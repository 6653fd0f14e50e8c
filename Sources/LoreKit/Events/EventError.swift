public import Foundation

/// Problems with an event's bytes, signature or payload.
public enum EventError: LocalizedError, Equatable {
    case malformedBody(String)
    case malformedPayload(kind: String, reason: String)
    case unknownKind(String)

    public var errorDescription: String? {
        switch self {
        case .malformedBody(let reason): "malformed event body: \(reason)"
        case .malformedPayload(let kind, let reason): "malformed \(kind) payload: \(reason)"
        case .unknownKind(let kind): "unknown event kind '\(kind)'; this lore may need an upgrade"
        }
    }
}
