/// A registered component.
public struct ComponentView: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    public var system: String?
    public var repo: String?
    public var author: String
    /// When it was registered (ISO 8601, UTC).
    public var registered: String
}
