public import Foundation

/// The outside world a store reads: the clock, id generation and randomness.
///
/// Injected so tests are deterministic; ``live`` uses the system.
public struct LoreEnvironment: Sendable {
    /// The wall clock.
    public var now: @Sendable () -> Date
    /// A fresh UUID for new records.
    public var newUUID: @Sendable () -> UUID
    /// `count` random bytes (salts).
    public var randomBytes: @Sendable (Int) -> Data

    public init(
        now: @escaping @Sendable () -> Date,
        newUUID: @escaping @Sendable () -> UUID,
        randomBytes: @escaping @Sendable (Int) -> Data
    ) {
        self.now = now
        self.newUUID = newUUID
        self.randomBytes = randomBytes
    }

    /// The system clock, random UUIDs and the system random generator.
    public static let live = LoreEnvironment(
        now: { Date() },
        newUUID: { UUID() },
        randomBytes: { count in
            // Eight bytes per draw: one draw per byte was a system call per byte, sixteen
            // per event's salt.
            var generator = SystemRandomNumberGenerator()
            var bytes = Data(capacity: count + 8)
            while bytes.count < count {
                withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
            }
            return Data(bytes.prefix(count))
        })

    /// How far ahead of this machine's clock another site's clock may be before its events
    /// are flagged and stop moving the local clock: one day.
    public static let futureTolerance: Int64 = 86_400_000

    /// The latest clock reading the local clock follows.
    var clockLimit: HLC { HLC(wallMillis: nowMillis + Self.futureTolerance, counter: 0xffff) }

    /// The wall clock in milliseconds since 1970.
    public var nowMillis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded(.down)) }
}
