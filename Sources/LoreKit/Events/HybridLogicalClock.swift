/// A hybrid logical clock reading: wall-clock milliseconds plus a counter.
///
/// Packed into one 64-bit integer (48 bits of milliseconds, 16 of counter) so SQLite
/// orders events by a single indexed column.
public struct HLC: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let wallMillis: Int64
    public let counter: Int64

    public init(wallMillis: Int64, counter: Int64) {
        self.wallMillis = wallMillis
        self.counter = counter
    }

    /// Unpacks the integer stored in the database.
    public init(packed: Int64) {
        self.wallMillis = packed >> 16
        self.counter = packed & 0xffff
    }

    /// The integer stored in the database.
    public var packed: Int64 { wallMillis << 16 | (counter & 0xffff) }

    /// The next reading after `self`, given the current wall clock.
    ///
    /// - Parameter nowMillis: the wall clock in milliseconds since 1970.
    /// - Returns: a reading that sorts after `self` and is no earlier than `nowMillis`.
    public func tick(nowMillis: Int64) -> HLC {
        if nowMillis > wallMillis { return HLC(wallMillis: nowMillis, counter: 0) }
        if counter < 0xffff { return HLC(wallMillis: wallMillis, counter: counter + 1) }
        return HLC(wallMillis: wallMillis + 1, counter: 0)
    }

    public static let zero = HLC(wallMillis: 0, counter: 0)

    public var description: String { "\(wallMillis).\(counter)" }

    public static func < (lhs: HLC, rhs: HLC) -> Bool { lhs.packed < rhs.packed }
}
