import Foundation
import LoreKit

/// One event for ``Store/append(_:)``.
typealias BatchItem = (stream: String, payload: EventPayload, deps: [EventID])

/// The realistic history the benchmark writes, deterministic from a seed: components, then
/// decisions of varied length, and what happens to decisions afterwards (accepted, rejected,
/// revised, linked, superseded, deprecated), interleaved as in a real log.
///
/// Teams, people, first owners and hand-offs come from ``Organisation``; notes are added by
/// `populate` through ``Store/addNote(_:)``.
struct DataSet {
    let text: TextGenerator
    var components: [String]
    private var random: SeededRandom
    private var ids: [ADRID] = []
    private var accepted: [Int] = []
    private var superseded = Set<Int>()
    private var scheduled: [Int: [FollowUp]] = [:]
    private var opening: [BatchItem] = []
    private var organisation: Organisation
    private let firstNumber: Int

    private enum FollowUp {
        case status(Int, String, reason: String?)
        case revise(Int)
        case link(Int, to: Int)
    }

    /// - Parameters:
    ///   - seed: everything generated follows from it.
    ///   - plannedRecords: how many records will be made (sets the number of components).
    ///   - registerComponents: start with the components, teams, people and first owners.
    ///   - firstNumber: the display number of the first record.
    init(
        seed: UInt64, plannedRecords: Int, registerComponents: Bool = true, firstNumber: Int = 1,
        vocabulary: Vocabulary = Vocabulary()
    ) {
        text = TextGenerator(vocabulary: vocabulary)
        components = TextGenerator.componentNames(min(400, 12 + plannedRecords / 100), vocabulary)
        random = SeededRandom(seed: seed, stream: "records")
        organisation = Organisation(seed: seed)
        self.firstNumber = firstNumber
        if registerComponents {
            opening = components.map(registration) + organisation.opening(components: components)
        }
    }

    /// How many decisions have been generated so far.
    var recordCount: Int { ids.count }

    /// The next events: components, teams, people and owners first, then one new record with
    /// what it supersedes, the follow-ups on earlier records that fall due now, and what the
    /// organisation does around it (hand-offs).
    mutating func nextEvents() -> [BatchItem] {
        if !opening.isEmpty {
            let chunk = opening.prefix(50)
            opening.removeFirst(chunk.count)
            return Array(chunk)
        }
        var items = [newRecord()]
        let index = ids.count - 1
        if index > 5, random.chance(0.06), let old = supersedable(before: index) {
            superseded.insert(old)
            let payload = ADRSuperseded(adr: ids[old], by: ids[index], reason: reasonText())
            items.append((ids[old].stream, .adrSuperseded(payload), []))
        }
        schedule(index)
        for followUp in scheduled.removeValue(forKey: index) ?? [] { items.append(event(followUp)) }
        let handoff = Organisation.startsHandoff(at: index) ? UUID(uuid: uuidBytes()) : nil
        items += organisation.around(record: index, components: components, handoff: handoff)
        return items
    }

    /// At least `count` events (the last record's follow-ups may add a few more).
    mutating func events(atLeast count: Int) -> [BatchItem] {
        var items: [BatchItem] = []
        items.reserveCapacity(count + 8)
        while items.count < count { items += nextEvents() }
        return items
    }

    /// Events until `records` decisions exist.
    mutating func events(records: Int) -> [BatchItem] {
        var items: [BatchItem] = []
        while ids.count < records || !opening.isEmpty { items += nextEvents() }
        return items
    }

    /// A draft for `lore adr new` or ``Store/recordADR(_:)``, as a person would type it.
    mutating func draft() -> ADRDraft {
        let component = random.pick(components)
        return ADRDraft(
            title: text.title(component: component, &random),
            context: text.paragraph(typical: 3, &random), decision: text.paragraph(typical: 1, &random),
            consequences: text.paragraph(typical: 2, &random),
            options: (0..<random.below(4)).map { _ in text.option(&random) },
            tags: [random.pick(TextGenerator.tags)], components: [component])
    }

    /// A context note as `lore note add` records it: a runbook, risk, FAQ, glossary entry
    /// or plain context, with a body of one to twenty paragraphs.
    mutating func note() -> NoteDraft {
        let kind = random.pick(NoteKind.allCases)
        let component = random.pick(components)
        let subject = text.vocabulary.contentWord(&random)
        let title =
            switch kind {
            case .runbook: "Restart \(component) when \(subject) fails"
            case .risk: "Risk: \(subject) in \(component)"
            case .faq: "Why does \(component) use \(subject)?"
            case .glossary: subject.capitalizedFirst
            case .context: "How \(component) handles \(subject)"
            }
        let body = (0..<random.length(typical: 3, max: 20)).map { _ in text.paragraph(typical: 3, &random) }
            .joined(separator: "\n\n")
        let review = kind.canGoStale ? Self.date(day: random.below(4000)) : nil
        return NoteDraft(
            title: title, kind: kind.rawValue, body: body, components: [component],
            tags: [random.pick(TextGenerator.tags)], reviewBy: review)
    }

    // MARK: - Generating

    private func registration(_ name: String) -> BatchItem {
        let payload = ComponentRegistered(
            name: name, description: "The \(name) component",
            system: name.split(separator: "-").first.map(String.init))
        return ("component/\(name.lowercased())", .componentRegistered(payload), [])
    }

    private mutating func newRecord() -> BatchItem {
        let index = ids.count
        let id = ADRID(UUID(uuid: uuidBytes()))
        ids.append(id)
        let componentCount = random.chance(0.05) ? 0 : random.chance(0.25) ? 2 : 1
        let names = Array(Set((0..<componentCount).map { _ in random.pick(components) })).sorted()
        let tags = Array(Set((0..<random.below(4)).map { _ in random.pick(TextGenerator.tags) })).sorted()
        let sections =
            random.chance(0.1)
            ? [ADRSection(heading: "Notes", text: text.paragraph(typical: 2, &random))] : []
        let payload = ADRRecorded(
            adr: id, number: firstNumber + index,
            title: text.title(component: names.first ?? random.pick(components), &random),
            status: random.chance(0.15) ? ADRStatus.accepted : ADRStatus.proposed,
            date: Self.date(day: index / 3),
            context: text.paragraph(typical: 4, &random), decision: text.paragraph(typical: 2, &random),
            consequences: text.paragraph(typical: 3, &random),
            options: (0..<(random.chance(0.4) ? 0 : 2 + random.below(3))).map { _ in text.option(&random) },
            tags: tags, components: names, sections: sections)
        return (id.stream, .adrRecorded(payload), [])
    }

    private mutating func schedule(_ index: Int) {
        func later(_ span: Int, _ followUp: FollowUp) {
            scheduled[index + 1 + random.below(span), default: []].append(followUp)
        }
        if random.chance(0.65) {
            later(40, .status(index, ADRStatus.accepted, reason: nil))
            accepted.append(index)
            if random.chance(0.05) { later(400, .status(index, ADRStatus.deprecated, reason: reasonText())) }
        } else if random.chance(0.2) {
            later(40, .status(index, ADRStatus.rejected, reason: reasonText()))
        }
        if random.chance(0.2) { later(200, .revise(index)) }
        if index > 0, random.chance(0.1) { later(60, .link(index, to: random.below(index))) }
    }

    private mutating func event(_ followUp: FollowUp) -> BatchItem {
        switch followUp {
        case .status(let index, let status, let reason):
            let payload = ADRStatusChanged(adr: ids[index], status: status, reason: reason)
            return (ids[index].stream, .adrStatusChanged(payload), [])
        case .revise(let index):
            var payload = ADRRevised(adr: ids[index])
            if random.chance(0.5) {
                payload.context = text.paragraph(typical: 3, &random)
            } else {
                payload.decision = text.paragraph(typical: 1, &random)
            }
            return (ids[index].stream, .adrRevised(payload), [])
        case .link(let index, let target):
            let label = random.pick(["Amends", "Relates to", "Depends on", "Clarifies"])
            let payload = ADRLinked(adr: ids[index], label: label, target: ids[target])
            return (ids[index].stream, .adrLinked(payload), [])
        }
    }

    /// An accepted, not yet superseded record before `index`.
    private mutating func supersedable(before index: Int) -> Int? {
        for _ in 0..<8 {
            guard !accepted.isEmpty else { return nil }
            let candidate = accepted[random.below(accepted.count)]
            if candidate < index, !superseded.contains(candidate) { return candidate }
        }
        return nil
    }

    private mutating func reasonText() -> String? {
        random.chance(0.5) ? text.sentence(words: random.length(typical: 10, max: 30), &random) : nil
    }

    private mutating func uuidBytes() -> uuid_t {
        let a = random.next()
        let b = random.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * i))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * i))
        }
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        return (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
            bytes[9],
            bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        )
    }

    /// `YYYY-MM-DD`, `day` days after 2015-01-01 (days-from-civil inverse, proleptic Gregorian).
    static func date(day: Int) -> String {
        let z = day + 16436 + 719_468  // 2015-01-01 is day 16436 after 1970-01-01
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
