public import Foundation

/// Problems with components, teams, people and ownership.
public enum DirectoryError: LocalizedError, Equatable {
    case unknownComponent(String, suggestions: [String])
    case badName(String, what: String)
    case componentExists(String)
    case unknownTeam(String, suggestions: [String])
    case teamExists(String)
    case badParty(String)
    case unknownPerson(String, suggestions: [String])
    case personOnTeam(String, team: String)
    case personAlreadyLeft(String, on: String)
    case personHasLeft(String)
    case personNotOnTeam(String, team: String, actual: String)
    case badRole(String)
    case alreadyHolds(component: String, role: String, holder: String, since: String)

    public var errorDescription: String? {
        switch self {
        case .unknownComponent(let name, let suggestions):
            "no component is named '\(name)'"
                + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)")
                + "; register it with `lore component add \(name)`"
        case .badName(let name, let what):
            "'\(name)' is not a \(what) name; give one line without control characters"
        case .componentExists(let name):
            "a component named '\(name)' is already registered; see `lore component show \(name)`"
        case .unknownTeam(let name, let suggestions):
            "no team is named '\(name)'" + Self.didYouMean(suggestions)
                + "; register it with `lore team add \(name) --party in-house|partner`"
        case .teamExists(let name):
            "a team named '\(name)' is already registered; see `lore team show \(name)`"
        case .badParty(let value):
            "'\(value)' is not a party; expected one of: \(TeamParty.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownPerson(let handle, let suggestions):
            "no person has the handle '\(handle)'" + Self.didYouMean(suggestions)
                + "; add them with `lore person add \(handle) --name NAME --team TEAM`"
        case .personOnTeam(let handle, let team):
            "'\(handle)' is already on team \(team); a person is on one team at a time, "
                + "so run `lore person leave \(handle)` first"
        case .personAlreadyLeft(let handle, let date):
            "'\(handle)' already left on \(date); nothing recorded"
        case .personHasLeft(let handle):
            "'\(handle)' has left; name someone who is still on a team (`lore person list`)"
        case .personNotOnTeam(let handle, let team, let actual):
            "'\(handle)' is on team \(actual), not \(team); give --team \(actual) or someone on \(team)"
        case .badRole(let value):
            "'\(value)' is not a role; expected one of: \(OwnershipRole.allCases.map(\.rawValue).joined(separator: ", "))"
        case .alreadyHolds(let component, let role, let holder, let since):
            "\(holder) already holds \(role) of \(component) (since \(since)); nothing recorded"
        }
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
    }
}
