/// The bundle file format: JSON Lines with a header, one line per event, and a trailer.
///
/// ```
/// {"format":"lore-bundle","version":1,"min_reader":1,"store":…,"name":…,"sender":…,"for":{…}|null,"count":N}
/// {"id":…,"kind":…,…,"body":"<exact body text>","payload":{…}|null,"salt":…,"sig":…}
/// {"trailer":true,"count":N,"sha256":"<SHA-256 of every byte before this line>"}
/// ```
public enum BundleFormat {
    public static let name = "lore-bundle"
    /// The version this build writes.
    public static let version = 1
    /// The oldest reader that can read what this build writes.
    public static let minReader = 1
    /// The newest `min_reader` this build can read.
    public static let readable = 1
}

/// The first line of a bundle.
struct BundleHeader: Codable {
    var format: String
    var version: Int
    var minReader: Int
    var store: String
    var name: String?
    var sender: String
    /// What the receiver was known to have when the bundle was made.
    var forHave: [String: HaveEntry]?
    var count: Int
    /// Per replica, the lowest and highest seq the bundle holds.
    var ranges: [String: [Int64]]?

    enum CodingKeys: String, CodingKey {
        case format, version, store, name, sender, count, ranges
        case minReader = "min_reader"
        case forHave = "for"
    }
}

/// The last line of a bundle.
struct BundleTrailer: Codable {
    var trailer: Bool
    var count: Int
    var sha256: String
}

/// One replica's entry in a have file: the highest contiguous seq and its event id.
public struct HaveEntry: Codable, Sendable, Hashable {
    public var seq: Int64
    public var id: String
}

/// A replica's version vector, as written to a have file.
public struct HaveFile: Codable, Sendable, Hashable {
    public var format = "lore-have"
    public var version = 1
    public var store: String
    public var replica: String
    public var have: [String: HaveEntry]
}
