import Foundation

/// Finds the events whose signatures must be verified when one signature per contiguous
/// chain segment is enough (DESIGN): the last event of each replica's run, because its
/// `prev` link, inside a hashed and signed body, vouches for the event before it, and so on
/// back. Import and rebuild feed it events in each replica's seq order.
struct SegmentEnds<Item> {
    /// Per replica, its last event that no later event has vouched for yet.
    private var last: [String: (id: Data, item: Item, order: Int)] = [:]

    /// Takes the next event of `replica` (`item` nil when it could not be read: it vouches
    /// for nothing) and returns the replica's previous event when this one does not name it
    /// as `prev`: the previous one ended its segment, so its signature must be checked.
    mutating func next(_ item: Item?, id: Data, prev: Data?, replica: String, order: Int) -> Item? {
        let previous = last.removeValue(forKey: replica)
        if let item { last[replica] = (id, item, order) }
        guard let previous, item == nil || prev != previous.id else { return nil }
        return previous.item
    }

    /// The last event of every replica, in the order they came: each ends a segment.
    var remaining: [Item] { last.values.sorted { $0.order < $1.order }.map(\.item) }
}
