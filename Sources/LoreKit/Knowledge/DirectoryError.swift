public import Foundation

/// Problems with components, teams and people.
public enum DirectoryError: LocalizedError, Equatable {
    case unknownComponent(String, suggestions: [String])
    case badName(String, what: String)
    case componentExists(String)

    public var errorDescription: String? {
        switch self {
        case .unknownComponent(let name, let suggestions):
            "no component is named '\(name)'"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
                + "; register it with `lore component add \(name)`"
        case .badName(let name, let what):
            "'\(name)' is not a \(what) name; give one line without control characters"
        case .componentExists(let name):
            "a component named '\(name)' is already registered; see `lore component show \(name)`"
        }
    }
}
