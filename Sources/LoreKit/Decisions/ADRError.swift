public import Foundation

/// Problems with decision-record commands, phrased for the person at the shell.
public enum ADRError: LocalizedError, Equatable {
    case noMatch(String)
    case ambiguous(String, candidates: [String])
    case emptyTitle
    case multilineTitle
    case badDate(String)
    case badStatus(String, expected: [String])
    case badLabel(String)
    case supersedesItself(String)
    case supersedeCycle(old: String, new: String)
    case linksToItself(String)
    case nothingToRevise
    case unknownStatusFilter(String, known: [String])
    case supersededNeedsSuccessor(String)
    case alreadyLinked(String, String, String)

    public var errorDescription: String? {
        switch self {
        case .noMatch(let ref):
            "no ADR matches '\(ref)'; give a number (7, ADR-7, 0007) or an id prefix; try `lore adr list`"
        case .ambiguous(let ref, let candidates):
            "'\(ref)' matches \(candidates.count) ADRs: \(candidates.joined(separator: "; ")); give more of the id"
        case .emptyTitle: "the title is empty; give the decision a short title"
        case .multilineTitle: "the title spans several lines; keep it to one line"
        case .badDate(let value): "'\(value)' is not a date; expected YYYY-MM-DD, e.g. 2024-03-14"
        case .badStatus(let value, let expected):
            "'\(value)' is not a status here; expected one of: \(expected.joined(separator: ", "))"
        case .badLabel(let value):
            "'\(value)' is not a link label; give a short one-line label such as Amends"
        case .supersedesItself(let ref): "\(ref) cannot supersede itself"
        case .supersedeCycle(let old, let new):
            "\(new) cannot supersede \(old): \(old) already supersedes \(new) (directly or through others)"
        case .linksToItself(let ref): "\(ref) cannot link to itself"
        case .nothingToRevise: "nothing to revise; give at least one field such as --title or --decision"
        case .supersededNeedsSuccessor(let ref):
            "a record is superseded by another one; use `lore adr supersede \(ref) --by NEW`"
        case .alreadyLinked(let source, let label, let target):
            "\(source) already \(label) \(target); nothing recorded"
        case .unknownStatusFilter(let value, let known):
            "no ADR has status '\(value)'; statuses in use: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        }
    }
}
