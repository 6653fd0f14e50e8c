import Foundation
import Testing

@testable import LoreKit

@Suite struct NoteTests {
    /// 2024-03-14 at noon UTC, a day that is 2024-03-14 in every time zone.
    static let march14 = Date(timeIntervalSince1970: 1_710_417_600)

    private func make(_ start: Date = march14) throws -> (Store, URL) {
        try TestStore.make(environment: TestStore.environment(start: start))
    }

    @Test func addKeepsEveryFieldAndStartsTheHistory() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing")
        let title = #"Restart the "ledger" | café 日本"#
        let note = try store.addNote(
            NoteDraft(
                title: "  \(title) ", kind: "Runbook", body: "1. Stop it\n2. Start it\n",
                components: ["BILLING", "billing"], tags: ["ops", " ops ", "pager"], reviewBy: "2024-06-30"))
        #expect(note.title == title)
        #expect(note.kind == "runbook")
        #expect(note.body == "1. Stop it\n2. Start it\n")
        #expect(note.components == ["billing"])
        #expect(note.tags == ["ops", "pager"])
        #expect(note.reviewBy == "2024-06-30" && !note.stale && !note.retracted)
        #expect(note.author == "Ada <ada@example.com>" && note.revisions == 0)
        #expect(note.history.map(\.what) == ["added"])
        let events = try store.events(EventFilter(stream: "note/\(note.id)"))
        #expect(events.map(\.event.header.kindName) == ["note.added"])
        #expect(note.history.map(\.event) == events.map(\.event.id.hex))
        #expect(try store.note(note.id) == note)
        try TestStore.writeSamples(store, name: "note-add")
    }

    @Test func referencesAreTitlesOrIdPrefixes() throws {
        // UUIDs 11111111-…, 22222222-…, 33333333-…: the store takes the first.
        var environment = TestStore.environment(start: Self.march14)
        let uuids = Counter()
        environment.newUUID = {
            UUID(
                uuidString: String(format: "%08llx-0000-4000-8000-000000000000", uuids.next() * 0x1111_1111))!
        }
        let (store, folder) = try TestStore.make(environment: environment)
        defer { TestStore.cleanUp(folder) }
        let ledger = try store.addNote(NoteDraft(title: "Café ledger", kind: "context"))
        let deploy = try store.addNote(NoteDraft(title: "Deploy", kind: "runbook"))
        #expect(ledger.id.hasPrefix("22222222") && deploy.id.hasPrefix("33333333"))
        #expect(try store.note("CAFÉ LEDGER").id == ledger.id)
        #expect(try store.note(" café ledger ").id == ledger.id)
        #expect(try store.note(deploy.id.uppercased()).id == deploy.id)
        #expect(try store.note("3333").id == deploy.id)
        #expect(try store.note("22222222-00").id == ledger.id)
        #expect(throws: NoteError.noMatch("333")) { try store.note("333") }
        #expect(throws: NoteError.noMatch("4444")) { try store.note("4444") }
        #expect(throws: NoteError.noMatch("Deploy!")) { try store.note("Deploy!") }
        // Two current notes with one title are ambiguous; a retracted one gives way.
        let second = try store.addNote(NoteDraft(title: "deploy", kind: "faq"))
        #expect {
            try store.note("Deploy")
        } throws: { error in
            guard case NoteError.ambiguous(_, let candidates) = error else { return false }
            return candidates == ["runbook 'Deploy' (33333333)", "faq 'deploy' (44444444)"]
        }
        try store.retractNote(deploy.id)
        #expect(try store.note("DEPLOY").id == second.id)
        try store.retractNote(second.id)
        #expect(throws: NoteError.self) { try store.note("deploy") }
    }

    @Test func staleIsComputedFromTheReadingDayAndNeverStored() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        let drafts = [
            NoteDraft(title: "Overdue runbook", kind: "runbook", reviewBy: "2024-03-13"),
            NoteDraft(title: "Due today", kind: "risk", reviewBy: "2024-03-14"),
            NoteDraft(title: "Old glossary", kind: "glossary", reviewBy: "2020-01-01"),
            NoteDraft(title: "Old context", kind: "context", reviewBy: "2020-01-01"),
            NoteDraft(title: "Undated risk", kind: "risk"),
        ]
        for draft in drafts { try store.addNote(draft) }
        let stale = { (store: Store) in try store.notes().filter(\.stale).map(\.title) }
        #expect(try stale(store) == ["Overdue runbook"])
        #expect(try store.note("Overdue runbook").stale)
        let digest = try store.checkProjections().live

        // The same store read three weeks later: the risk due on the 14th is stale now.
        let later = try Store.open(
            StoreLocation(folder: folder.appendingPathComponent(".lore")),
            keyRing: KeyRing(home: folder.appendingPathComponent("home")),
            environment: TestStore.environment(start: Self.march14.addingTimeInterval(21 * 86_400)))
        #expect(try stale(later) == ["Overdue runbook", "Due today"])
        #expect(try later.checkProjections().live == digest)

        // Revising the review date to a later day makes it current again.
        let revised = try later.reviseNote("Overdue runbook", NoteChanges(reviewBy: "2024-12-31"))
        #expect(!revised.stale)
        #expect(try stale(later) == ["Due today"])
    }

    @Test func reviseChangesOnlyWhatIsGiven() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing")
        try store.registerComponent("search")
        try store.addNote(
            NoteDraft(title: "Ledger", kind: "faq", body: "old", components: ["billing"], tags: ["x"]))
        let note = try store.reviseNote(
            "ledger", NoteChanges(title: "Ledger FAQ", body: "new", components: ["Search"], tags: ["y"]))
        #expect(note.title == "Ledger FAQ" && note.body == "new" && note.kind == "faq")
        #expect(note.components == ["search"] && note.tags == ["y"])
        #expect(note.revisions == 1)
        #expect(note.history.map(\.what) == ["added", "revised"])
        #expect(try store.notes(NoteFilter(tag: "x")).isEmpty)
        #expect(try store.notes(NoteFilter(component: "SEARCH")).map(\.title) == ["Ledger FAQ"])
        let before = try store.events().count
        #expect(throws: NoteError.nothingToRevise) { try store.reviseNote("Ledger FAQ", NoteChanges()) }
        #expect(throws: NoteError.nothingToRevise) {
            try store.reviseNote(
                "Ledger FAQ", NoteChanges(title: " Ledger FAQ", body: "new", tags: ["y", "y"]))
        }
        #expect(try store.events().count == before)
        // Only the changed field is written.
        try store.reviseNote("Ledger FAQ", NoteChanges(title: "Ledger FAQ", body: "newer"))
        let last = try #require(try store.events(EventFilter(kind: "note.revised")).last)
        guard case .noteRevised(let payload) = try last.event.decodedPayload() else {
            Issue.record("not a revision")
            return
        }
        #expect(payload == NoteRevised(note: note.id, body: "newer"))
    }

    @Test func retractedNotesLeaveCurrentViewsButStayInTheLogAndHistory() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        try store.addNote(NoteDraft(title: "Keep", kind: "context"))
        let note = try store.addNote(NoteDraft(title: "Old risk", kind: "risk", reviewBy: "2024-01-01"))
        let retracted = try store.retractNote("old risk", reason: "  mitigated in Q1 \n")
        #expect(retracted.retracted && retracted.retractReason == "mitigated in Q1")
        #expect(retracted.history.map(\.what) == ["added", "retracted"])
        #expect(retracted.history.last?.reason == "mitigated in Q1")
        #expect(try store.notes().map(\.title) == ["Keep"])
        #expect(try store.notes(NoteFilter(includeRetracted: true)).map(\.title) == ["Keep", "Old risk"])
        #expect(try store.notes(NoteFilter(includeRetracted: true)).last?.retracted == true)
        #expect(try store.note(note.id).retracted)
        let kinds = try store.events(EventFilter(stream: "note/\(note.id)")).map(\.event.header.kindName)
        #expect(kinds == ["note.added", "note.retracted"])
        let before = try store.events().count
        #expect(throws: NoteError.alreadyRetracted("risk 'Old risk' (00000000)")) {
            try store.retractNote(note.id)
        }
        #expect(throws: NoteError.retracted("risk 'Old risk' (00000000)")) {
            try store.reviseNote(note.id, NoteChanges(body: "x"))
        }
        #expect(try store.events().count == before)
        try TestStore.writeSamples(store, name: "note-retract")
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing-ledger")
        try store.addNote(NoteDraft(title: "Existing", kind: "faq"))
        let before = try store.events().count
        #expect(throws: NoteError.emptyTitle) { try store.addNote(NoteDraft(title: "  ", kind: "faq")) }
        #expect(throws: NoteError.multilineTitle) { try store.addNote(NoteDraft(title: "a\nb", kind: "faq")) }
        #expect(throws: NoteError.badKind("wiki")) { try store.addNote(NoteDraft(title: "A", kind: "wiki")) }
        #expect(
            NoteError.badKind("wiki").errorDescription?.contains("context, runbook, risk, faq, glossary")
                == true)
        #expect(throws: NoteError.badDate("2024-02-30")) {
            try store.addNote(NoteDraft(title: "A", kind: "risk", reviewBy: "2024-02-30"))
        }
        #expect(throws: DirectoryError.unknownComponent("biling-ledger", suggestions: ["billing-ledger"])) {
            try store.addNote(NoteDraft(title: "A", kind: "risk", components: ["biling-ledger"]))
        }
        #expect(throws: NoteError.noMatch("Missing")) {
            try store.reviseNote("Missing", NoteChanges(body: "x"))
        }
        #expect(throws: NoteError.emptyTitle) { try store.reviseNote("Existing", NoteChanges(title: "")) }
        #expect(throws: NoteError.badDate("soon")) {
            try store.reviseNote("Existing", NoteChanges(reviewBy: "soon"))
        }
        #expect(throws: DirectoryError.self) {
            try store.reviseNote("Existing", NoteChanges(components: ["nope"]))
        }
        #expect(throws: NoteError.noMatch("")) { try store.retractNote("") }
        #expect(throws: NoteError.badKind("Wikis")) { try store.notes(NoteFilter(kind: "Wikis")) }
        #expect(throws: DirectoryError.self) { try store.notes(NoteFilter(component: "ledgr")) }
        #expect(try store.events().count == before)
    }

    @Test func listFiltersByKindComponentAndTag() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing")
        try store.addNote(NoteDraft(title: "A", kind: "runbook", components: ["billing"], tags: ["ops"]))
        try store.addNote(NoteDraft(title: "B", kind: "risk", tags: ["ops"]))
        try store.addNote(NoteDraft(title: "C", kind: "runbook"))
        #expect(try store.notes().map(\.title) == ["A", "B", "C"])
        #expect(try store.notes(NoteFilter(kind: "RUNBOOK")).map(\.title) == ["A", "C"])
        #expect(try store.notes(NoteFilter(component: "Billing")).map(\.title) == ["A"])
        #expect(try store.notes(NoteFilter(tag: "ops")).map(\.title) == ["A", "B"])
        #expect(try store.notes(NoteFilter(kind: "glossary")).isEmpty)
    }

    @Test func eventsAboutUnknownNotesAreIgnoredAndRetractionsFromTwoSitesAreBothKept() throws {
        let (store, folder) = try make()
        defer { TestStore.cleanUp(folder) }
        let ghost = "ffffffff-0000-4000-8000-000000000000"
        try store.append([
            (
                stream: "note/\(ghost)", payload: .noteRevised(NoteRevised(note: ghost, title: "Boo")),
                deps: []
            ),
            (stream: "note/\(ghost)", payload: .noteRetracted(NoteRetracted(note: ghost)), deps: []),
        ])
        #expect(try store.notes(NoteFilter(includeRetracted: true)).isEmpty)
        #expect(throws: NoteError.noMatch("ffff")) { try store.note("ffff") }
        // Two sites retract the same note before hearing of each other: both stay in the
        // history and the first reason stands.
        let note = try store.addNote(NoteDraft(title: "Twice", kind: "faq"))
        try store.retractNote(note.id, reason: "first")
        try store.append([
            (
                stream: "note/\(note.id)",
                payload: .noteRetracted(NoteRetracted(note: note.id, reason: "second")), deps: []
            )
        ])
        let shown = try store.note(note.id)
        #expect(shown.retractReason == "first")
        #expect(shown.history.map(\.what) == ["added", "retracted", "retracted"])
        #expect(try store.checkProjections().matches)
    }

    @Test func markdownGivesTheTitleFromItsLeadingHeading() {
        #expect(NoteInput.split(markdown: "\n# Ledger \n\n\nThe ledger.\n") == ("Ledger", "The ledger.\n"))
        #expect(NoteInput.split(markdown: "# Ledger\r\n\r\nBody\r\n") == ("Ledger", "Body\r\n"))
        #expect(NoteInput.split(markdown: "Intro\n# Later\n") == (nil, "Intro\n# Later\n"))
        #expect(NoteInput.split(markdown: "## Sub\nText") == (nil, "## Sub\nText"))
        let template = NoteInput.template(title: "Deploy", kind: .runbook)
        #expect(NoteInput.edited(template, kind: .runbook) == nil)
        #expect(NoteInput.edited(template + "1. Ship\n\n", kind: .runbook)! == ("Deploy", "1. Ship\n"))
        #expect(NoteInput.edited("1. Ship", kind: .runbook)! == (nil, "1. Ship\n"))
    }
}

/// Random sequences of note commands, valid and invalid; afterwards the live projections must
/// equal a fresh rebuild, the log must verify, and refused commands must write nothing.
extension NoteTests {
    @Test(arguments: 1...6)
    func liveProjectionsEqualARebuildAfterRandomNoteCommands(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let (store, folder) = try TestStore.make()
        defer { TestStore.cleanUp(folder) }
        try store.registerComponent("billing")
        try store.registerComponent("search")
        let words = ["ledger", "retry", "café", "API & \"REST\"", "日本", "|pipe|", "deploy"]
        let kinds = NoteKind.allCases.map(\.rawValue) + ["wiki"]
        let dates = ["2024-01-01", "2024-12-31", "2024-02-30", "2030-06-01"]
        let components = ["billing", "Search", "nope"]
        var ids: [String] = []
        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
        func ref() -> String {
            guard !ids.isEmpty, Int.random(in: 0..<6, using: &random) > 0 else { return "missing" }
            let id = pick(ids)
            return Bool.random(using: &random)
                ? id : String(id.prefix(Int.random(in: 4...36, using: &random)))
        }
        for step in 0..<50 {
            let before = try store.events().count
            var wrote = true
            do {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3:
                    let note = try store.addNote(
                        NoteDraft(
                            title: "\(pick(words)) \(pick(words))", kind: pick(kinds), body: "step \(step)",
                            components: Bool.random(using: &random) ? [pick(components)] : [],
                            tags: [pick(words)], reviewBy: Bool.random(using: &random) ? pick(dates) : nil))
                    ids.append(note.id)
                case 4...7:
                    var changes = NoteChanges()
                    if Bool.random(using: &random) { changes.body = "revised at step \(step)" }
                    if Bool.random(using: &random) { changes.title = pick(words) }
                    if Bool.random(using: &random) { changes.reviewBy = pick(dates) }
                    if Bool.random(using: &random) { changes.components = [pick(components)] }
                    if Bool.random(using: &random) { changes.tags = [pick(words), pick(words)] }
                    try store.reviseNote(ref(), changes)
                default:
                    try store.retractNote(ref(), reason: Bool.random(using: &random) ? "step \(step)" : nil)
                }
            } catch is NoteError {
                wrote = false
            } catch is DirectoryError {
                wrote = false
            }
            let after = try store.events().count
            #expect(wrote ? after == before + 1 : after == before, "step \(step)")
        }
        let check = try store.checkProjections()
        #expect(check.matches)
        #expect(try store.verify().ok)
        #expect(try store.rebuild().rebuilt == check.live)
        #expect(try store.notes(NoteFilter(includeRetracted: true)).count == ids.count)
        if seed == 1 { try TestStore.writeSamples(store, name: "note-property-seed-1") }
    }
}
