public import Foundation

/// Problems with context-note commands, phrased for the person at the shell.
public enum NoteError: LocalizedError, Equatable {
    case noMatch(String)
    case ambiguous(String, candidates: [String])
    case emptyTitle
    case multilineTitle
    case untitledFile(String)
    case badKind(String)
    case badDate(String)
    case nothingToRevise
    case retracted(String)
    case alreadyRetracted(String)

    public var errorDescription: String? {
        switch self {
        case .noMatch(let ref):
            "no note matches '\(ref)'; give its title or an id prefix of 4 or more characters; "
                + "try `lore note list --all`"
        case .ambiguous(let ref, let candidates):
            "'\(ref)' matches \(candidates.count) notes: \(candidates.joined(separator: "; ")); "
                + "give more of the id"
        case .emptyTitle: "the title is empty; give the note a short title"
        case .multilineTitle: "the title spans several lines; keep it to one line"
        case .untitledFile(let path):
            "\(path) does not start with a `# heading`; give the note a title"
        case .badKind(let value):
            "'\(value)' is not a note kind; expected one of: "
                + NoteKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .badDate(let value): "'\(value)' is not a date; expected YYYY-MM-DD, e.g. 2024-03-14"
        case .nothingToRevise:
            "nothing to revise; give at least one field that changes, such as --title or --body"
        case .retracted(let label): "\(label) is retracted; a retracted note cannot be revised"
        case .alreadyRetracted(let label): "\(label) is already retracted; nothing recorded"
        }
    }
}
