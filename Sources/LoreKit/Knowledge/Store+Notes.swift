import Foundation
import GRDB

extension Store {
    /// Adds a context note.
    ///
    /// - Returns: the new note as `lore note show` reads it.
    /// - Throws: ``NoteError`` for a bad title, kind or review date, and
    ///   ``DirectoryError/unknownComponent(_:suggestions:)`` for a component nobody registered;
    ///   nothing is written then.
    @discardableResult
    public func addNote(_ draft: NoteDraft) throws -> NoteRecord {
        let title = try NoteInput.title(draft.title)
        let kind = try NoteInput.kind(draft.kind)
        let reviewBy = try draft.reviewBy.map(NoteInput.date)
        let today = ADRInput.today(environment.now())
        let note = NoteID(environment.newUUID())
        return try write { db, appender in
            let payload = NoteAdded(
                note: note.rawValue, title: title, kind: kind.rawValue, body: draft.body,
                components: try ComponentNames.check(ADRInput.names(draft.components), db),
                tags: ADRInput.names(draft.tags), reviewBy: reviewBy)
            try appender.append(stream: note.stream, payload: .noteAdded(payload), db)
            return try NoteReference.record(note, today: today, db)
        }
    }

    /// Records new values for some fields of a current note.
    ///
    /// - Parameter ref: the note's title or a unique prefix of its id.
    /// - Throws: ``NoteError/nothingToRevise`` when no field is given or nothing would change,
    ///   ``NoteError/retracted(_:)`` for a retracted note.
    @discardableResult
    public func reviseNote(_ ref: String, _ changes: NoteChanges) throws -> NoteRecord {
        let title = try changes.title.map(NoteInput.title)
        let reviewBy = try changes.reviewBy.map(NoteInput.date)
        let today = ADRInput.today(environment.now())
        return try write { db, appender in
            let note = try NoteReference.resolve(ref, db)
            let current = try NoteReference.record(note, today: today, db)
            guard !current.retracted else { throw NoteError.retracted(try NoteQueries.label(note, db)) }
            var payload = NoteRevised(note: note.rawValue)
            payload.title = title.flatMap { $0 == current.title ? nil : $0 }
            payload.body = changes.body.flatMap { $0 == current.body ? nil : $0 }
            payload.reviewBy = reviewBy.flatMap { $0 == current.reviewBy ? nil : $0 }
            payload.tags = changes.tags.map(ADRInput.names).flatMap {
                Set($0) == Set(current.tags) ? nil : $0
            }
            payload.components = try changes.components.map {
                try ComponentNames.check(ADRInput.names($0), db)
            }
            .flatMap { Set($0) == Set(current.components) ? nil : $0 }
            guard payload != NoteRevised(note: note.rawValue) else { throw NoteError.nothingToRevise }
            try appender.append(stream: note.stream, payload: .noteRevised(payload), db)
            return try NoteReference.record(note, today: today, db)
        }
    }

    /// Takes a note out of current views; it stays in the log and in its history.
    ///
    /// - Throws: ``NoteError/alreadyRetracted(_:)`` for a note retracted before.
    @discardableResult
    public func retractNote(_ ref: String, reason: String? = nil) throws -> NoteRecord {
        let reason = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        let today = ADRInput.today(environment.now())
        return try write { db, appender in
            let note = try NoteReference.resolve(ref, db)
            guard !(try NoteReference.record(note, today: today, db).retracted) else {
                throw NoteError.alreadyRetracted(try NoteQueries.label(note, db))
            }
            try appender.append(
                stream: note.stream,
                payload: .noteRetracted(NoteRetracted(note: note.rawValue, reason: reason)),
                db)
            return try NoteReference.record(note, today: today, db)
        }
    }

    /// The notes matching a filter, oldest first; runbooks and risks past their review date
    /// are marked stale as of today.
    ///
    /// - Throws: ``NoteError/badKind(_:)`` and ``DirectoryError/unknownComponent(_:suggestions:)``
    ///   for filters that can match nothing.
    public func notes(_ filter: NoteFilter = NoteFilter()) throws -> [NoteSummary] {
        let today = ADRInput.today(environment.now())
        var filter = filter
        filter.kind = try filter.kind.map { try NoteInput.kind($0).rawValue }
        filter.tag = filter.tag.map { $0.trimmingCharacters(in: .whitespaces) }
        return try read { db in
            filter.component = try filter.component.map {
                try ComponentNames.check([$0.trimmingCharacters(in: .whitespaces)], db)[0]
            }
            return try NoteQueries.list(filter, today: today, db)
        }
    }

    /// One note, current or retracted, with its history.
    ///
    /// - Parameter ref: the note's title or a unique prefix of its id.
    public func note(_ ref: String) throws -> NoteRecord {
        let today = ADRInput.today(environment.now())
        return try read { db in try NoteReference.record(try NoteReference.resolve(ref, db), today: today, db)
        }
    }
}
