import Foundation

/// Resolves the links files give to the records they point at, pairs each link with its
/// counterpart in the other file, and orders the relations so that every file's links
/// come out in the order the file lists them.
enum ImportLinks {
    /// One link line of one file, resolved to a record.
    private struct Line: Hashable {
        var source: String
        var label: String
        var target: String
        var index: Int
    }

    static func resolve(_ plan: inout ImportPlan) {
        let index = RecordIndex(plan.records)
        var lines: [String: [Line]] = [:]
        for (position, record) in plan.records.enumerated() {
            for link in record.parsed.links {
                guard let target = index.find(link), target != record.source else {
                    plan.records[position].unresolvedLinks.append(link)
                    plan.warn(
                        record.source,
                        "'\(link.label) \(link.text.isEmpty ? link.target : link.text)' points at no record in the folder; kept as text"
                    )
                    continue
                }
                lines[record.source, default: []].append(
                    Line(
                        source: record.source, label: link.label, target: target,
                        index: lines[record.source]?.count ?? 0))
            }
        }
        var relations: [Line: PlannedRelation] = [:]
        var consumed = Set<Line>()
        for record in plan.records {
            for line in lines[record.source] ?? [] where !consumed.contains(line) {
                consumed.insert(line)
                let back = (lines[line.target] ?? []).first { candidate in
                    !consumed.contains(candidate) && candidate.target == line.source
                        && isInverse(line.label, candidate.label)
                }
                if let back { consumed.insert(back) }
                let relation = pair(line, back, &plan)
                relations[line] = relation
                if let back { relations[back] = relation }
            }
        }
        plan.relations = order(lines: lines, relations: relations, records: plan.records, &plan)
    }

    /// The relation a line (and its counterpart) stands for.
    private static func pair(_ line: Line, _ back: Line?, _ plan: inout ImportPlan) -> PlannedRelation {
        switch line.label {
        case ADRLinkLabels.supersededBy, ADRLinkLabels.supersedes:
            if back == nil {
                plan.warn(
                    line.source,
                    "'\(line.label)' \(line.target) has no link back in that file; the other side is implied")
            }
            let (old, new) =
                line.label == ADRLinkLabels.supersededBy
                ? (line.source, line.target) : (line.target, line.source)
            return PlannedRelation(
                source: old, label: ADRLinkLabels.supersededBy, target: new, kind: .supersededBy)
        default:
            return PlannedRelation(
                source: line.source, label: line.label, target: line.target, kind: .link(reverse: back?.label)
            )
        }
    }

    /// Whether `back` can be the counterpart of `label`: the known inverse, or any label
    /// that is not itself a known relation of another kind.
    private static func isInverse(_ label: String, _ back: String) -> Bool {
        let supersede: Set = [ADRLinkLabels.supersedes, ADRLinkLabels.supersededBy]
        if supersede.contains(label) || supersede.contains(back) {
            return supersede.contains(label) && supersede.contains(back) && label != back
        }
        return true
    }

    /// A topological order of the relations in which each file's lines keep their order;
    /// ties go to the lower-numbered record.
    private static func order(
        lines: [String: [Line]], relations: [Line: PlannedRelation], records: [PlannedRecord],
        _ plan: inout ImportPlan
    ) -> [PlannedRelation] {
        var unique: [PlannedRelation] = []
        var ids: [PlannedRelation: Int] = [:]
        for record in records {
            for line in lines[record.source] ?? [] {
                guard let relation = relations[line], ids[relation] == nil else { continue }
                ids[relation] = unique.count
                unique.append(relation)
            }
        }
        var successors = Array(repeating: Set<Int>(), count: unique.count)
        var incoming = Array(repeating: 0, count: unique.count)
        for fileLines in lines.values {
            let chain = fileLines.compactMap { relations[$0].flatMap { ids[$0] } }
            for (a, b) in zip(chain, chain.dropFirst()) where a != b && successors[a].insert(b).inserted {
                incoming[b] += 1
            }
        }
        var ready = (0..<unique.count).filter { incoming[$0] == 0 }
        var ordered: [Int] = []
        while let next = ready.min() {
            ready.removeAll { $0 == next }
            ordered.append(next)
            for successor in successors[next] {
                incoming[successor] -= 1
                if incoming[successor] == 0 { ready.append(successor) }
            }
        }
        if ordered.count < unique.count {
            plan.notes.append(
                "the files list their links in contradictory orders; some links are exported in another order"
            )
            ordered += (0..<unique.count).filter { !ordered.contains($0) }
        }
        return ordered.map { unique[$0] }
    }
}

/// Finds the record a link points at: by file name, slug, number or title.
struct RecordIndex {
    private var byName: [String: String] = [:]
    private var byNumber: [Int: String] = [:]
    private var byTitle: [String: String] = [:]

    init(_ records: [PlannedRecord]) {
        for record in records {
            let name = (record.source as NSString).lastPathComponent.lowercased()
            byName[name] = record.source
            byName[record.source.lowercased()] = record.source
            byName[ADRFileName(name).slug] = record.source
            byNumber[record.number] = record.source
            byTitle[record.parsed.title.lowercased()] = record.source
        }
    }

    func find(_ link: ParsedLink) -> String? {
        var target = link.target.trimmingCharacters(in: .whitespaces)
        if let hash = target.firstIndex(of: "#"), hash != target.startIndex {
            target = String(target[..<hash])
        }
        target = target.removingPercentEncoding ?? target
        while target.hasPrefix("./") { target = String(target.dropFirst(2)) }
        let name = (target as NSString).lastPathComponent.lowercased()
        if let hit = byName[target.lowercased()] ?? byName[name] ?? byName[name + ".md"] { return hit }
        for text in [link.target, link.text] {
            if let number = Self.number(in: text), let hit = byNumber[number] { return hit }
        }
        return byTitle[link.text.lowercased()] ?? byTitle[link.target.lowercased()]
    }

    /// `ADR-0032`, `ADR 32`, `#32`, `32`, `32. Title` → 32.
    static func number(in text: String) -> Int? {
        guard let match = text.firstMatch(of: /^(?:ADR[- _]?|#)?0*(\d{1,6})(?:\.\s.*|\s*)$/.ignoresCase())
        else {
            return nil
        }
        return Int(match.1)
    }
}
