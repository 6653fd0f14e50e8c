import Foundation
import GRDB

extension Store {
    /// Starts a hand-off in the discovery phase, with the default checklist and the draft's own items.
    ///
    /// - Throws: ``HandoffError`` for no components, the same team on both sides or a bad
    ///   item; ``DirectoryError`` for an unknown component or team; ``ADRError/badDate(_:)``.
    @discardableResult
    public func startHandoff(_ draft: HandoffDraft) throws -> HandoffRecord {
        let due = try draft.due.map(ADRInput.date)
        let items = try HandoffInput.checklist(HandoffChecklist.defaults + draft.items)
        let names = ADRInput.names(draft.components)
        guard !names.isEmpty else { throw HandoffError.noComponents }
        let id = environment.newUUID().uuidString.lowercased()
        return try write { db, appender in
            let components = try ComponentNames.check(names, db)
            let from = try DirectoryLookup.team(draft.from, db)
            let to = try DirectoryLookup.team(draft.to, db)
            guard from != to else { throw HandoffError.sameTeam(from) }
            let payload = HandoffStarted(
                handoff: id, components: components, from: from, to: to, due: due, items: items,
                number: try HandoffQueries.nextNumber(db))
            try appender.append(stream: "handoff/\(id)", payload: .handoffStarted(payload), db)
            return try HandoffQueries.record(id, db)!
        }
    }

    /// Signs off one checklist item for one side; the item is done once both sides have.
    ///
    /// - Parameters:
    ///   - item: the item's number (1-based), or its text or a unique prefix of it, any case.
    ///   - side: `from` or `to`.
    ///   - evidence: a link or note showing it is done.
    /// - Returns: the hand-off and the item as they are now.
    /// - Throws: ``HandoffError/alreadySignedOff(item:handoff:side:by:at:)`` and the lookup errors.
    @discardableResult
    public func signOffHandoffItem(_ ref: String, item: String, side: String, evidence: String? = nil)
        throws -> (record: HandoffRecord, item: HandoffItemView)
    {
        guard let side = HandoffSide(rawValue: side.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw HandoffError.badSide(side)
        }
        return try write { db, appender in
            let record = try HandoffReference.resolve(ref, db)
            let item = try HandoffReference.item(item, of: record)
            if let signed = side == .from ? item.from : item.to {
                throw HandoffError.alreadySignedOff(
                    item: item.number, handoff: record.summary.number, side: side.rawValue, by: signed.author,
                    at: signed.at)
            }
            let payload = HandoffItemCompleted(
                handoff: record.summary.id, item: item.text, side: side.rawValue,
                evidence: DirectoryLookup.text(evidence))
            try appender.append(
                stream: "handoff/\(record.summary.id)", payload: .handoffItemCompleted(payload), db)
            let now = try HandoffQueries.record(record.summary.id, db)!
            return (now, now.items[item.number - 1])
        }
    }

    /// Moves a hand-off to its next phase; from the last phase, completes it (see
    /// ``completeHandoff(_:force:reason:)``).
    ///
    /// - Throws: ``HandoffError/alreadyCompleted(_:)``, and the completion's errors.
    @discardableResult
    public func advanceHandoff(_ ref: String, force: Bool = false, reason: String? = nil) throws
        -> HandoffRecord
    {
        let today = ADRInput.today(environment.now())
        return try write { db, appender in
            let record = try HandoffReference.resolve(ref, db)
            guard !record.summary.completed else {
                throw HandoffError.alreadyCompleted(record.summary.number)
            }
            // A phase word this build does not know (from a newer site) counts as the last one.
            guard let next = HandoffPhase(rawValue: record.summary.phase)?.next else {
                return try complete(record, force: force, reason: reason, today: today, appender, db)
            }
            let payload = HandoffPhaseAdvanced(handoff: record.summary.id, phase: next.rawValue)
            try appender.append(
                stream: "handoff/\(record.summary.id)", payload: .handoffPhaseAdvanced(payload),
                deps: try HandoffQueries.phaseHead(record.summary.id, db).map { [$0] } ?? [], db)
            return try HandoffQueries.record(record.summary.id, db)!
        }
    }

    /// Completes a hand-off in its last phase and, in the same transaction, passes the `owner`
    /// role of each of its components to the receiving team, effective today.
    ///
    /// - Parameters:
    ///   - force: complete even though checklist items are open; needs `reason`.
    ///   - reason: why; recorded in `handoff.completed`.
    /// - Throws: ``HandoffError/itemsOpen(_:open:)`` without `force`,
    ///   ``HandoffError/forceNeedsReason(_:)``, ``HandoffError/notInLastPhase(_:phase:)``,
    ///   ``HandoffError/alreadyCompleted(_:)``; nothing is written then.
    @discardableResult
    public func completeHandoff(_ ref: String, force: Bool = false, reason: String? = nil) throws
        -> HandoffRecord
    {
        let today = ADRInput.today(environment.now())
        return try write { db, appender in
            let record = try HandoffReference.resolve(ref, db)
            guard !record.summary.completed else {
                throw HandoffError.alreadyCompleted(record.summary.number)
            }
            if let phase = HandoffPhase(rawValue: record.summary.phase), phase.next != nil {
                throw HandoffError.notInLastPhase(record.summary.number, phase: phase.rawValue)
            }
            return try complete(record, force: force, reason: reason, today: today, appender, db)
        }
    }

    /// Every hand-off, or only those not completed, by number.
    public func handoffs(openOnly: Bool = false) throws -> [HandoffSummary] {
        try read { db in try HandoffQueries.list(openOnly: openOnly, db) }
    }

    /// One hand-off with its phases and checklist.
    public func handoff(_ ref: String) throws -> HandoffRecord {
        try read { db in try HandoffReference.resolve(ref, db) }
    }

    private func complete(
        _ record: HandoffRecord, force: Bool, reason: String?, today: String, _ appender: Appender,
        _ db: Database
    ) throws -> HandoffRecord {
        let number = record.summary.number
        let reason = DirectoryLookup.text(reason)
        let open = record.open
        if !open.isEmpty {
            guard force else { throw HandoffError.itemsOpen(number, open: open) }
            guard reason != nil else { throw HandoffError.forceNeedsReason(number) }
        }
        let id = record.summary.id
        try appender.append(
            stream: "handoff/\(id)",
            payload: .handoffCompleted(HandoffCompleted(handoff: id, forced: !open.isEmpty, reason: reason)),
            deps: try HandoffQueries.phaseHead(id, db).map { [$0] } ?? [], db)
        let team = try DirectoryLookup.team(record.summary.to, db)
        for name in record.summary.components {
            let payload = OwnershipTransferred(
                component: try DirectoryLookup.component(name, db), role: OwnershipRole.owner.rawValue,
                team: team, effective: today, reason: "hand-off \(number) completed")
            _ = try OwnershipWriter.append(payload, today: today, appender, db)
        }
        return try HandoffQueries.record(id, db)!
    }
}

/// Checks the checklist items people type.
enum HandoffInput {
    /// Items trimmed, one line each; a repeat of an earlier item (any case) is dropped.
    static func checklist(_ raw: [String]) throws -> [String] {
        var seen = Set<String>()
        var items: [String] = []
        for text in raw {
            let item = text.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty,
                !item.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true })
            else { throw HandoffError.badItem(text) }
            if seen.insert(Suggestions.fold(item)).inserted { items.append(item) }
        }
        return items
    }
}
