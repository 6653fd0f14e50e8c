public import Foundation
import GRDB

extension Store {
    /// Imports a folder of markdown decision records in one transaction.
    ///
    /// Records are matched to earlier imports by their path in the folder: a second import
    /// of the same folder adds nothing, and changed files become revisions.
    /// - Parameters:
    ///   - directory: the folder (an `.adr-dir` file in it is followed).
    ///   - layout: the layout to read; nil detects it.
    ///   - dryRun: plan and report without writing.
    /// - Throws: ``ImportError`` when the folder cannot be read or holds no records.
    public func importADRs(
        from directory: URL, layout: ADRLayout? = nil, dryRun: Bool = false, progress: ProgressReport? = nil
    ) throws
        -> ImportReport
    {
        let folder = try ADRFolder.read(directory).keyed(
            relativeTo: location.folder.deletingLastPathComponent())
        guard !folder.files.isEmpty || !folder.unreadable.isEmpty else {
            throw ImportError.noRecords(folder.root.path)
        }
        let plan = ImportPlanner.plan(folder, layout: layout)
        var report = ImportReport(folder: folder.root.path, layout: plan.layout.rawValue, dryRun: dryRun)
        report.warnings = plan.records.flatMap { record in
            (plan.warnings[record.source] ?? []).map { FileNote(path: record.source, message: $0) }
        }
        report.unreadable = plan.unreadable.map { FileNote(path: $0.path, message: $0.reason) }
        report.skipped = plan.skipped
        report.notes = plan.notes
        let today = ADRInput.today(environment.now())
        return try write(rollback: dryRun) { db, appender in
            var importer = ADRImporter(
                appender: appender, db: db, report: report, today: today, progress: progress)
            try importer.run(plan)
            return importer.report
        }
    }
}

/// Writes an ``ImportPlan`` as events, comparing with what earlier imports recorded.
struct ADRImporter {
    let appender: Appender
    let db: Database
    var report: ImportReport
    let today: String
    let progress: ProgressReport?
    private var ids: [String: ADRID] = [:]

    init(appender: Appender, db: Database, report: ImportReport, today: String, progress: ProgressReport?) {
        self.appender = appender
        self.db = db
        self.report = report
        self.today = today
        self.progress = progress
    }

    mutating func run(_ plan: ImportPlan) throws {
        ids = try ADRQueries.idsBySource(db)
        for (done, record) in plan.records.enumerated() {
            if done % 100 == 0 { progress?(done, plan.records.count) }
            if let adr = ids[record.source] {
                try update(adr, record)
            } else {
                try add(record)
            }
        }
        for relation in plan.relations { try relate(relation) }
        progress?(plan.records.count, plan.records.count)
        report.events = appender.appendedCount
    }

    private mutating func add(_ record: PlannedRecord) throws {
        let adr = ADRID(appender.newUUID())
        ids[record.source] = adr
        let p = record.parsed
        let payload = ADRRecorded(
            adr: adr, number: record.number, title: p.title,
            status: record.statuses.first ?? ADRStatus.proposed,
            date: record.date ?? today, context: p.context, decision: p.decision,
            consequences: p.consequences,
            options: p.options, tags: ADRInput.names(p.tags), components: [], sections: sections(record),
            metadata: p.metadata.isEmpty ? nil : p.metadata, source: record.source)
        try appender.append(stream: adr.stream, payload: .adrRecorded(payload), db)
        for status in record.statuses.dropFirst() { try changeStatus(adr, to: status, record) }
        report.added.append(record.source)
    }

    private mutating func update(_ adr: ADRID, _ record: PlannedRecord) throws {
        let current = try ADRReference.record(adr, db)
        let p = record.parsed
        var revision = ADRRevised(adr: adr)
        func changed<T: Equatable>(_ new: T, _ old: T) -> T? { new == old ? nil : new }
        revision.title = changed(p.title, current.title)
        revision.date = record.date.flatMap { changed($0, current.date) }
        revision.context = changed(p.context, current.context)
        revision.decision = changed(p.decision, current.decision)
        revision.consequences = changed(p.consequences, current.consequences)
        revision.options = changed(p.options, current.options)
        let tags = ADRInput.names(p.tags)
        revision.tags = Set(tags) == Set(current.tags) ? nil : tags
        revision.sections = changed(sections(record), current.sections)
        revision.metadata = changed(p.metadata, current.metadata)
        var touched = false
        if !revision.isEmpty {
            try appender.append(stream: adr.stream, payload: .adrRevised(revision), db)
            touched = true
        }
        if let status = record.statuses.last, status != current.status, current.status != ADRStatus.superseded
        {
            try changeStatus(adr, to: status, record)
            touched = true
        }
        if touched { report.revised.append(record.source) } else { report.unchanged.append(record.source) }
    }

    private mutating func changeStatus(_ adr: ADRID, to status: String, _ record: PlannedRecord) throws {
        let payload = ADRStatusChanged(adr: adr, status: status, reason: "imported from \(record.source)")
        try appender.append(stream: adr.stream, payload: .adrStatusChanged(payload), db)
        report.statusChanges += 1
    }

    private mutating func relate(_ relation: PlannedRelation) throws {
        guard let source = ids[relation.source], let target = ids[relation.target] else { return }
        switch relation.kind {
        case .supersededBy:
            guard !(try ADRQueries.hasLink(source, ADRLinkLabels.supersededBy, target, db)) else { return }
            let heads = try RegisterQueries.heads(RegisterProjection.successor(of: source), db).map(\.event)
            let payload = ADRSuperseded(adr: source, by: target, reason: nil)
            try appender.append(
                stream: source.stream, payload: .adrSuperseded(payload), deps: heads, db)
        case .link(let reverse):
            guard !(try ADRQueries.hasLink(source, relation.label, target, db)) else { return }
            let payload = ADRLinked(
                adr: source, label: relation.label, target: target,
                reverseLabel: reverse ?? ADRLinkLabels.reverse(of: relation.label))
            try appender.append(stream: source.stream, payload: .adrLinked(payload), db)
        }
        report.relationsAdded += 1
    }

    /// The file's unnamed sections, plus links that pointed nowhere, kept as text.
    private func sections(_ record: PlannedRecord) -> [ADRSection] {
        guard !record.unresolvedLinks.isEmpty else { return record.parsed.sections }
        let text = record.unresolvedLinks.map { link in
            "\(link.label) " + (link.text.isEmpty ? link.target : "[\(link.text)](\(link.target))")
        }.joined(separator: "\n")
        return record.parsed.sections + [ADRSection(heading: "Unresolved links", text: text)]
    }
}
