/// The status words lore knows; teams may use their own words too (`lore adr status`).
public enum ADRStatus {
    public static let proposed = "proposed"
    public static let accepted = "accepted"
    public static let rejected = "rejected"
    public static let deprecated = "deprecated"
    public static let superseded = "superseded"

    /// The standard words, in lifecycle order.
    public static let standard = [proposed, accepted, rejected, deprecated, superseded]

    /// Statuses whose records no longer hold (shown below live ones).
    public static let inactive: Set<String> = [rejected, deprecated, superseded]
}

/// Labels of relations between records.
public enum ADRLinkLabels {
    public static let supersedes = "Supersedes"
    public static let supersededBy = "Superseded by"

    private static let pairs: [String: String] = [
        "Supersedes": "Superseded by", "Amends": "Amended by", "Extends": "Extended by",
        "Clarifies": "Clarified by", "Refines": "Refined by", "Depends on": "Required by",
        "Relates to": "Relates to", "Replaces": "Replaced by", "Implements": "Implemented by",
    ]

    /// The label seen from the other record when the writer gave none: the known inverse
    /// (`Amends` → `Amended by`, and back), else the label followed by " (reverse)".
    public static func reverse(of label: String) -> String {
        if let inverse = pairs[label] { return inverse }
        if let forward = pairs.first(where: { $0.value == label })?.key { return forward }
        return "\(label) (reverse)"
    }
}
