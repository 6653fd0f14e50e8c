public import Foundation

/// Problems with hand-off commands, phrased for the person at the shell.
public enum HandoffError: LocalizedError, Equatable {
    case noMatch(String)
    case ambiguous(String, candidates: [String])
    case sameTeam(String)
    case noComponents
    case badItem(String)
    case badSide(String)
    case noItem(String, handoff: Int, count: Int)
    case ambiguousItem(String, handoff: Int, candidates: [String])
    case alreadySignedOff(item: Int, handoff: Int, side: String, by: String, at: String)
    case alreadyCompleted(Int)
    case notInLastPhase(Int, phase: String)
    case itemsOpen(Int, open: [Int])
    case forceNeedsReason(Int)

    public var errorDescription: String? {
        switch self {
        case .noMatch(let ref):
            "no hand-off matches '\(ref)'; give its number (1, 2, …) or an id prefix; try `lore handoff list`"
        case .ambiguous(let ref, let candidates):
            "'\(ref)' matches \(candidates.count) hand-offs: \(candidates.joined(separator: "; ")); give more of the id"
        case .sameTeam(let team):
            "a hand-off moves work between two teams, but --from and --to are both '\(team)'"
        case .noComponents: "a hand-off needs at least one component; give --component NAME"
        case .badItem(let text): "'\(text)' is not a checklist item; give one line of text"
        case .badSide(let value):
            "'\(value)' is not a side; expected one of: \(HandoffSide.allCases.map(\.rawValue).joined(separator: ", "))"
        case .noItem(let ref, let handoff, let count):
            "hand-off \(handoff) has no item '\(ref)'; give an item number (1–\(count)) or the start of its text; "
                + "see `lore handoff show \(handoff)`"
        case .ambiguousItem(let ref, let handoff, let candidates):
            "'\(ref)' matches \(candidates.count) items of hand-off \(handoff): \(candidates.joined(separator: "; "));"
                + " give the item number or more of its text"
        case .alreadySignedOff(let item, let handoff, let side, let by, let at):
            "item \(item) of hand-off \(handoff) is already signed off on the \(side) side by \(by) at \(at); "
                + "nothing recorded"
        case .alreadyCompleted(let handoff):
            "hand-off \(handoff) is already completed; nothing to advance"
        case .notInLastPhase(let handoff, let phase):
            "hand-off \(handoff) is in \(phase); advance it to \(HandoffPhase.fullOperation.rawValue) "
                + "with `lore handoff advance \(handoff)` before completing it"
        case .itemsOpen(let handoff, let open):
            "hand-off \(handoff) has \(open.count) open item\(open.count == 1 ? "" : "s") "
                + "(\(open.map(String.init).joined(separator: ", "))); sign them off on both sides with "
                + "`lore handoff check`, or complete anyway with --force --reason TEXT"
        case .forceNeedsReason(let handoff):
            "completing hand-off \(handoff) with open items needs a reason; add --reason TEXT to --force"
        }
    }
}
