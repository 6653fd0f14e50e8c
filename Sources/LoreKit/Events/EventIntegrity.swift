public import Foundation

/// The checks one event must pass on its own: id, body, signature and payload hash.
/// Chain links need the neighbours and are checked by the log.
public enum EventIntegrity {
    /// What is wrong with an event as stored or received, in the order checked.
    ///
    /// - Parameters:
    ///   - id: the id as stored or sent.
    ///   - payload: nil when erased (then `salt` is ignored).
    ///   - verifySignature: false when the caller checks the signature another way (one per
    ///     chain segment: a verified event's `prev` covers the id, and so the body, before it).
    /// - Returns: the parsed body when it could be read, and every problem found.
    public static func check(
        id: Data, body: Data, signature: Data, salt: Data?, payload: Data?, verifySignature: Bool = true
    )
        -> (header: EventBody?, problems: [String])
    {
        guard let eventID = EventID(bytes: id), EventID(digestOf: body) == eventID else {
            return (nil, ["the id does not match the body's SHA-256: the body or the id was altered"])
        }
        guard let header = try? EventBody.decode(body) else {
            return (nil, ["the body is not a valid event body"])
        }
        var problems: [String] = []
        if verifySignature, let problem = signatureProblem(header, id: eventID, signature: signature) {
            problems.append(problem)
        }
        if let payload {
            if let salt {
                if Event.payloadHash(salt: salt, payload: payload) != header.payloadHash {
                    problems.append("the payload does not match payload_hash: the payload was altered")
                }
            } else {
                problems.append("the payload has no salt")
            }
        }
        return (header, problems)
    }

    /// What is wrong with an event's signature, if anything.
    public static func signatureProblem(_ header: EventBody, id: EventID, signature: Data) -> String? {
        header.replica.verifies(signature, of: Event.signingMessage(for: id))
            ? nil : "the signature does not verify against replica \(header.replica.short)"
    }
}

extension Event {
    /// The problems ``EventIntegrity/check(id:body:signature:salt:payload:)`` finds in this event.
    public var integrityProblems: [String] {
        EventIntegrity.check(id: id.bytes, body: body, signature: signature, salt: salt, payload: payload)
            .problems
    }
}
