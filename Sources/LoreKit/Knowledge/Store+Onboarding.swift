import Foundation

/// A new engineer's reading pack for one component, in reading order.
public struct OnboardingPack: Sendable, Hashable, Codable {
    public var component: ComponentView
    /// Who holds each role today.
    public var owners: [OwnershipEntry]
    /// People on the owning teams: who to ask. Those who left are kept, marked.
    public var contacts: [PersonView]
    /// Live decisions about the component; a superseded record appears as the live record
    /// at the end of its chain.
    public var decisions: [ADRSummary]
    public var runbooks: [NoteSummary]
    public var risks: [NoteSummary]
    public var glossary: [NoteSummary]
    public var context: [NoteSummary]
    /// Open hand-offs of the component, with their open items.
    public var handoffs: [HandoffRecord]
    /// What changed in the last 30 days.
    public var recent: [TimelineEntry]
}

/// One step of the timeline.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// When it was recorded (ISO 8601, UTC).
    public var at: String
    public var kind: String
    public var author: String
    /// What happened, in words.
    public var summary: String
    public var event: String
}

extension Store {
    /// The reading pack for `component`: what it is and who owns it, live decisions, runbooks
    /// (stale ones flagged), open risks, glossary, open hand-off items, recent changes.
    public func onboarding(_ component: String) throws -> OnboardingPack {
        let component = try self.component(component)
        let ownership = try owners(of: component.name)
        let teams = Set(ownership.roles.map(\.team))
        let contacts = try teams.sorted().flatMap { try people(team: $0) }
        let decisions = try liveDecisions(about: component.name)
        func notes(_ kind: String) throws -> [NoteSummary] {
            try self.notes(NoteFilter(kind: kind, component: component.name))
        }
        let handoffs = try handoffs(openOnly: true).filter { $0.components.contains(component.name) }
            .map { try handoff("\($0.number)") }
        let since = ADRInput.today(environment.now().addingTimeInterval(-30 * 86_400))
        return OnboardingPack(
            component: component, owners: ownership.roles, contacts: contacts, decisions: decisions,
            runbooks: try notes("runbook"), risks: try notes("risk"), glossary: try notes("glossary"),
            context: try notes("context") + notes("faq"), handoffs: handoffs,
            recent: try timeline(component: component.name, since: since))
    }

    /// Accepted decisions about a component, with superseded chains
    /// collapsed to their live end.
    private func liveDecisions(about component: String) throws -> [ADRSummary] {
        let all = try adrs()
        let byNumber = Dictionary(uniqueKeysWithValues: all.map { ($0.number, $0) })
        var seen = Set<Int>()
        var result: [ADRSummary] = []
        for record in all where record.components.contains(component) {
            var current = record
            var hops = 0
            while let next = current.supersededBy, let successor = byNumber[next], hops < all.count {
                current = successor
                hops += 1
            }
            guard current.status == ADRStatus.accepted else { continue }
            if seen.insert(current.number).inserted { result.append(current) }
        }
        return result.sorted { $0.number < $1.number }
    }

    /// Every decision, note, ownership change and hand-off step in order, optionally about one
    /// component and since a date.
    public func timeline(component: String? = nil, since: String? = nil) throws -> [TimelineEntry] {
        let name = try component.map { try self.component($0).name }
        let since = try since.map(ADRInput.date)
        var adrs: [String: ADRSummary] = [:]
        for record in try self.adrs() { adrs[record.id] = record }
        let notes = Dictionary(
            try self.notes(NoteFilter(includeRetracted: true)).map { ($0.id, $0) },
            uniquingKeysWith: { a, _ in a })
        let handoffs = Dictionary(try self.handoffs().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [TimelineEntry] = []
        for stored in try events() {
            let event = stored.event
            if let since, String(event.header.hlc.iso8601.prefix(10)) < since { continue }
            guard let payload = try? event.decodedPayload(),
                let (summary, about) = Timeline.describe(
                    payload, adrs: adrs, notes: notes, handoffs: handoffs)
            else { continue }
            if let name, !about.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                continue
            }
            entries.append(
                TimelineEntry(
                    at: event.header.hlc.iso8601, kind: event.header.kindName, author: event.header.author,
                    summary: summary, event: event.id.hex))
        }
        return entries
    }
}

/// Words for timeline entries, and which components each is about.
enum Timeline {
    static func describe(
        _ payload: EventPayload, adrs: [String: ADRSummary], notes: [String: NoteSummary],
        handoffs: [String: HandoffSummary]
    ) -> (String, [String])? {
        func adr(_ id: ADRID) -> (String, [String]) {
            let record = adrs[id.rawValue]
            return (
                record.map { "\(ADRNumber.display($0.number)) \($0.title)" } ?? id.rawValue,
                record?.components ?? []
            )
        }
        func note(_ id: String) -> (String, [String]) {
            let record = notes[id]
            return (
                record.map { "\($0.kind) '\($0.title)'" } ?? "note \(id.prefix(8))", record?.components ?? []
            )
        }
        func handoff(_ id: String) -> (String, [String]) {
            let record = handoffs[id]
            return (
                record.map { "hand-off \($0.number) (\($0.from) → \($0.to))" } ?? "hand-off",
                record?.components ?? []
            )
        }
        switch payload {
        case .adrRecorded(let p):
            let (label, about) = adr(p.adr)
            return ("recorded \(label)", about)
        case .adrRevised(let p):
            let (label, about) = adr(p.adr)
            return ("revised \(label)", about)
        case .adrStatusChanged(let p):
            let (label, about) = adr(p.adr)
            return ("\(label) is now \(p.status)" + (p.reason.map { ": \($0)" } ?? ""), about)
        case .adrSuperseded(let p):
            let (old, about) = adr(p.adr)
            let (new, more) = adr(p.by)
            return ("\(old) superseded by \(new)", about + more)
        case .adrLinked(let p):
            let (source, about) = adr(p.adr)
            return ("\(source) \(p.label) \(adr(p.target).0)", about)
        case .noteAdded(let p):
            let (label, about) = note(p.note)
            return ("added \(label)", about)
        case .noteRevised(let p):
            let (label, about) = note(p.note)
            return ("revised \(label)", about)
        case .noteRetracted(let p):
            let (label, about) = note(p.note)
            return ("retracted \(label)", about)
        case .componentRegistered(let p): return ("registered component \(p.name)", [p.name])
        case .ownershipTransferred(let p):
            let holder = "team \(p.team)" + (p.person.map { " (\($0))" } ?? "")
            return ("\(p.role) of \(p.component) → \(holder), effective \(p.effective)", [p.component])
        case .handoffStarted(let p):
            let (label, _) = handoff(p.handoff)
            return ("started \(label)", p.components)
        case .handoffItemCompleted(let p):
            let (label, about) = handoff(p.handoff)
            return ("\(label): '\(p.item)' signed off by the \(p.side) side", about)
        case .handoffPhaseAdvanced(let p):
            let (label, about) = handoff(p.handoff)
            return ("\(label) moved to \(p.phase)", about)
        case .handoffCompleted(let p):
            let (label, about) = handoff(p.handoff)
            return ("\(label) completed" + (p.forced ? " with items open: \(p.reason ?? "")" : ""), about)
        default: return nil
        }
    }
}
