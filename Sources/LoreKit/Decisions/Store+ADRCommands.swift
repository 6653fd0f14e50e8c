import Foundation
import GRDB

extension Store {
    /// Records a new decision, and its supersede link when `draft.supersedes` names one,
    /// in one transaction.
    ///
    /// - Returns: the new record.
    /// - Throws: ``ADRError`` for a bad title, date, status or reference; nothing is written then.
    @discardableResult
    public func recordADR(_ draft: ADRDraft) throws -> ADRRecord {
        let title = try ADRInput.title(draft.title)
        let status = try ADRInput.initialStatus(draft.status)
        let date = try draft.date.map(ADRInput.date) ?? ADRInput.today(environment.now())
        let adr = ADRID(environment.newUUID())
        return try write { db, appender in
            let old = try draft.supersedes.map { try ADRReference.resolve($0, db) }
            let payload = ADRRecorded(
                adr: adr, number: try ADRQueries.nextNumber(db), title: title, status: status, date: date,
                context: draft.context, decision: draft.decision, consequences: draft.consequences,
                options: draft.options, tags: ADRInput.names(draft.tags),
                components: try ComponentNames.check(ADRInput.names(draft.components), db),
                sections: draft.sections, metadata: draft.metadata.isEmpty ? nil : draft.metadata)
            try appender.append(stream: adr.stream, payload: .adrRecorded(payload), db)
            if let old { try supersede(old, by: adr, reason: nil, appender, db) }
            return try ADRReference.record(adr, db)
        }
    }

    /// Moves a record to a status: a standard word or the team's own.
    ///
    /// - Parameter status: for `accept`, `reject`, `deprecate` one of ``ADRStatus``; any one-line word otherwise.
    @discardableResult
    public func setADRStatus(_ ref: String, to status: String, reason: String? = nil) throws -> ADRRecord {
        let word = try ADRInput.status(status)
        guard word != ADRStatus.superseded else { throw ADRError.supersededNeedsSuccessor(ref) }
        return try write { db, appender in
            let adr = try ADRReference.resolve(ref, db)
            try appender.append(
                stream: adr.stream,
                payload: .adrStatusChanged(ADRStatusChanged(adr: adr, status: word, reason: reason)),
                db)
            return try ADRReference.record(adr, db)
        }
    }

    /// Records that `newRef` supersedes `oldRef`; both records show the link.
    ///
    /// - Throws: ``ADRError/supersedesItself(_:)`` and ``ADRError/supersedeCycle(old:new:)``.
    @discardableResult
    public func supersedeADR(_ oldRef: String, by newRef: String, reason: String? = nil) throws -> ADRRecord {
        try write { db, appender in
            let old = try ADRReference.resolve(oldRef, db)
            let new = try ADRReference.resolve(newRef, db)
            try supersede(old, by: new, reason: reason, appender, db)
            return try ADRReference.record(old, db)
        }
    }

    /// Links `ref` to `targetRef` with a label, and the target back with `reverseLabel`.
    @discardableResult
    public func linkADR(_ ref: String, _ label: String, _ targetRef: String, reverseLabel: String? = nil)
        throws
        -> ADRRecord
    {
        let label = try ADRInput.label(label)
        let reverse = try reverseLabel.map(ADRInput.label) ?? ADRLinkLabels.reverse(of: label)
        return try write { db, appender in
            let adr = try ADRReference.resolve(ref, db)
            let target = try ADRReference.resolve(targetRef, db)
            guard adr != target else { throw ADRError.linksToItself(ref) }
            if try ADRQueries.hasLink(adr, label, target, db) {
                throw ADRError.alreadyLinked(
                    try ADRReference.label(adr, db), label, try ADRReference.label(target, db))
            }
            let payload = ADRLinked(adr: adr, label: label, target: target, reverseLabel: reverse)
            try appender.append(stream: adr.stream, payload: .adrLinked(payload), db)
            return try ADRReference.record(adr, db)
        }
    }

    /// Records new values for some fields of a record.
    ///
    /// - Throws: ``ADRError/nothingToRevise`` when no field is given or nothing would change.
    @discardableResult
    public func reviseADR(_ ref: String, _ changes: ADRChanges) throws -> ADRRecord {
        let title = try changes.title.map(ADRInput.title)
        let date = try changes.date.map(ADRInput.date)
        return try write { db, appender in
            let adr = try ADRReference.resolve(ref, db)
            let current = try ADRReference.record(adr, db)
            var payload = ADRRevised(adr: adr)
            payload.title = title.flatMap { $0 == current.title ? nil : $0 }
            payload.date = date.flatMap { $0 == current.date ? nil : $0 }
            payload.context = changes.context.flatMap { $0 == current.context ? nil : $0 }
            payload.decision = changes.decision.flatMap { $0 == current.decision ? nil : $0 }
            payload.consequences = changes.consequences.flatMap { $0 == current.consequences ? nil : $0 }
            payload.options = changes.options.flatMap { $0 == current.options ? nil : $0 }
            payload.tags = changes.tags.map(ADRInput.names).flatMap {
                Set($0) == Set(current.tags) ? nil : $0
            }
            payload.components = try changes.components.map {
                try ComponentNames.check(ADRInput.names($0), db)
            }
            .flatMap { Set($0) == Set(current.components) ? nil : $0 }
            guard !payload.isEmpty else { throw ADRError.nothingToRevise }
            try appender.append(stream: adr.stream, payload: .adrRevised(payload), db)
            return try ADRReference.record(adr, db)
        }
    }

    private func supersede(_ old: ADRID, by new: ADRID, reason: String?, _ appender: Appender, _ db: Database)
        throws
    {
        let oldLabel = try ADRReference.label(old, db)
        guard old != new else { throw ADRError.supersedesItself(oldLabel) }
        // Refuse a cycle: walking the successors of `new` must not reach `old`.
        var seen: Set<ADRID> = [new]
        var cursor = new
        while let (next, _) = try ADRQueries.successor(of: cursor, db), seen.insert(next).inserted {
            if next == old {
                throw ADRError.supersedeCycle(old: oldLabel, new: try ADRReference.label(new, db))
            }
            cursor = next
        }
        // The successor of `old` is a register: name the head this write saw.
        let deps = try RegisterQueries.heads(RegisterProjection.successor(of: old), db).map(\.event)
        try appender.append(
            stream: old.stream, payload: .adrSuperseded(ADRSuperseded(adr: old, by: new, reason: reason)),
            deps: deps,
            db)
    }
}
