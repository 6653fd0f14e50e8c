import Foundation

/// Turns a folder of markdown records into an ``ImportPlan``: numbers, dates, statuses and
/// relations resolved, every guess noted. Pure: reads nothing but the files given.
public enum ImportPlanner {
    /// Plans the import of `folder` read as `layout` (nil: detect it).
    public static func plan(_ folder: ADRFolder, layout: ADRLayout? = nil) -> ImportPlan {
        let layout = layout ?? folder.detectedLayout
        var plan = ImportPlan(
            layout: layout, records: [], relations: [], warnings: [:], unreadable: folder.unreadable,
            skipped: folder.skipped, notes: folder.notes)
        var drafts: [(file: ADRSourceFile, name: ADRFileName, parsed: ParsedADR)] = folder.files.map { file in
            let name = ADRFileName((file.path as NSString).lastPathComponent)
            return (file, name, ADRMarkdownParser.parse(file.text))
        }
        if layout == .log4brains {
            drafts.sort { ($0.name.date ?? "", $0.name.slug) < ($1.name.date ?? "", $1.name.slug) }
        }
        let numbers = assignNumbers(
            drafts.map { ($0.file.path, $0.name, $0.parsed) }, layout: layout, into: &plan)
        for (index, draft) in drafts.enumerated() {
            let path = draft.file.path
            var parsed = draft.parsed
            for warning in parsed.warnings { plan.warn(path, warning) }
            parsed.warnings = []
            if parsed.title.isEmpty {
                parsed.title = draft.name.slug
                plan.warn(path, "no title heading; the file name is used as the title")
            } else if parsed.title == draft.name.slug || parsed.title == draft.name.words {
                plan.warn(path, "the title is the file's slug; kept as written")
            }
            let date = readDate(parsed.date, fileDate: draft.name.date, path: path, into: &plan, &parsed)
            let statuses = readStatuses(parsed.statuses, path: path, into: &plan, &parsed)
            plan.records.append(
                PlannedRecord(
                    source: path, number: numbers[index], parsed: parsed, date: date, statuses: statuses,
                    unresolvedLinks: []))
        }
        plan.records.sort { $0.number < $1.number }
        ImportLinks.resolve(&plan)
        return plan
    }

    /// File numbers first, then heading numbers; duplicates and missing numbers take the next free.
    private static func assignNumbers(
        _ files: [(path: String, name: ADRFileName, parsed: ParsedADR)], layout: ADRLayout,
        into plan: inout ImportPlan
    ) -> [Int] {
        var claimed: [Int?] = files.map { file in
            if layout == .log4brains { return nil }
            if let number = file.name.number {
                if let heading = file.parsed.headingNumber, heading != number {
                    plan.warn(
                        file.path,
                        "the heading says \(heading) but the file name says \(number); \(number) is used")
                }
                return number
            }
            return file.parsed.headingNumber
        }
        var taken = Set<Int>()
        for index in claimed.indices {
            guard let number = claimed[index] else { continue }
            if !taken.insert(number).inserted {
                plan.warn(
                    files[index].path,
                    "number \(number) is also used by another file; given the next free number")
                claimed[index] = nil
            }
        }
        var next = (taken.max() ?? 0) + 1
        return claimed.enumerated().map { index, number in
            if let number { return number }
            if layout != .log4brains && files[index].name.number == nil
                && files[index].parsed.headingNumber == nil
            {
                plan.warn(files[index].path, "no number in the file name or heading; numbered \(next)")
            }
            defer { next += 1 }
            return next
        }
    }

    /// A valid date from the file, a remark or impossible date noted; nil when there is none.
    private static func readDate(
        _ raw: String?, fileDate: String?, path: String, into plan: inout ImportPlan,
        _ parsed: inout ParsedADR
    ) -> String? {
        guard let raw, !raw.isEmpty else { return fileDate }
        if let date = try? ADRInput.date(raw) { return date }
        parsed.metadata.append(ADRSection(heading: "Date", text: raw))
        guard let match = raw.firstMatch(of: /(\d{4})-(\d{1,2})-(\d{1,2})/) else {
            plan.warn(
                path,
                "the date '\(raw)' is not a date; kept as text"
                    + (fileDate.map { "; \($0) from the file name is used" } ?? ""))
            return fileDate
        }
        let (year, first, second) = (String(match.1), Int(match.2) ?? 0, Int(match.3) ?? 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ordered = "\(year)-\(two(first))-\(two(second))"
        if let date = try? ADRInput.date(ordered) {
            if match.0.count != raw.count {
                plan.warn(path, "the date '\(raw)' has a remark; read as \(date), remark kept")
            }
            return date
        }
        if let swapped = try? ADRInput.date("\(year)-\(two(second))-\(two(first))") {
            plan.warn(path, "the date '\(raw)' is impossible; read as \(swapped) (day and month swapped)")
            return swapped
        }
        plan.warn(path, "the date '\(raw)' is impossible; kept as text")
        return fileDate
    }

    /// Status words normalised and sentences kept whole. A `Superseded` word next to a
    /// `Superseded by` link is left to the link; a file that is superseded and says nothing
    /// else was accepted first (adr-tools removes the word "Accepted" when it supersedes).
    private static func readStatuses(
        _ raw: [String], path: String, into plan: inout ImportPlan, _ parsed: inout ParsedADR
    ) -> [String] {
        let linkedSuccessor = parsed.links.contains { $0.label == ADRLinkLabels.supersededBy }
        var statuses: [String] = []
        for line in raw where !(linkedSuccessor && line.lowercased() == ADRStatus.superseded) {
            if let word = try? ADRInput.status(line) {
                statuses.append(word)
            } else {
                statuses.append(String(line.prefix(80)))
                parsed.metadata.append(ADRSection(heading: "Status", text: line))
                plan.warn(path, "the status is too long for a status word; shortened, the full text kept")
            }
        }
        if statuses.isEmpty {
            if linkedSuccessor { return [ADRStatus.accepted] }
            plan.warn(path, "no status; recorded as proposed")
        }
        return statuses
    }
}
