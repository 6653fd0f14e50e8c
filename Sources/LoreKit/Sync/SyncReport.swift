/// Events of a replica held back because earlier ones have not arrived.
public struct HeldRange: Sendable, Hashable, Codable {
    public var replica: String
    /// The site the replica enrolled as, when known.
    public var site: String?
    public var missingFrom: Int64
    public var missingTo: Int64
    public var held: Int

    enum CodingKeys: String, CodingKey {
        case replica, site, held
        case missingFrom = "missing_from"
        case missingTo = "missing_to"
    }
}

/// Two different events with the same replica and seq.
public struct ForkNote: Sendable, Hashable, Codable {
    public var replica: String
    public var seq: Int64
}

/// What importing bundles did.
public struct SyncReport: Sendable, Hashable, Codable {
    public var files: [String] = []
    public var added = 0
    public var alreadyHad = 0
    public var held: [HeldRange] = []
    public var forks: [ForkNote] = []
    /// Events whose clock is more than a day ahead of this machine's: kept, flagged, and
    /// not allowed to drag the local clock along.
    public var farFuture = 0
    /// When this store found its own replica forked (it was cloned), the new replica it
    /// writes as from now on.
    public var newReplica: String?

    enum CodingKeys: String, CodingKey {
        case files, added, held, forks
        case alreadyHad = "already_had"
        case farFuture = "far_future"
        case newReplica = "new_replica"
    }
}
