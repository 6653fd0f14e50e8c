import Foundation

/// What sort of knowledge a note holds.
public enum NoteKind: String, Sendable, Hashable, Codable, CaseIterable {
    case context, runbook, risk, faq, glossary

    /// Whether a note of this kind goes stale once its review date has passed: a runbook or a
    /// risk nobody has looked at for a while is dangerous; a glossary entry is not.
    public var canGoStale: Bool { self == .runbook || self == .risk }

    /// Whether a note is stale on `today` (`YYYY-MM-DD`): a kind that can go stale, with a
    /// review date before today. Computed when the note is read, never stored.
    public static func isStale(kind: String, reviewBy: String?, today: String) -> Bool {
        guard let reviewBy, NoteKind(rawValue: kind)?.canGoStale == true else { return false }
        return reviewBy < today
    }
}

/// What a person gives to add a note.
public struct NoteDraft: Sendable, Hashable {
    public var title: String
    /// One of ``NoteKind``, any case.
    public var kind: String
    /// Markdown.
    public var body: String
    public var components: [String]
    public var tags: [String]
    /// `YYYY-MM-DD`, or nil for no review date.
    public var reviewBy: String?

    public init(
        title: String, kind: String, body: String = "", components: [String] = [], tags: [String] = [],
        reviewBy: String? = nil
    ) {
        self.title = title
        self.kind = kind
        self.body = body
        self.components = components
        self.tags = tags
        self.reviewBy = reviewBy
    }
}

/// New values for some fields of a note; nil fields keep their value.
public struct NoteChanges: Sendable, Hashable {
    public var title: String?
    public var body: String?
    public var components: [String]?
    public var tags: [String]?
    public var reviewBy: String?
    public init(
        title: String? = nil, body: String? = nil, components: [String]? = nil, tags: [String]? = nil,
        reviewBy: String? = nil
    ) {
        self.title = title
        self.body = body
        self.components = components
        self.tags = tags
        self.reviewBy = reviewBy
    }
}

/// Checks and normalises what people type for notes, and reads notes written as markdown.
public enum NoteInput {
    /// A title: trimmed, non-empty, one line.
    ///
    /// - Throws: ``NoteError/emptyTitle`` or ``NoteError/multilineTitle``.
    public static func title(_ raw: String) throws -> String {
        do {
            return try ADRInput.title(raw)
        } catch ADRError.multilineTitle {
            throw NoteError.multilineTitle
        } catch {
            throw NoteError.emptyTitle
        }
    }

    /// A kind: one of ``NoteKind``, any case.
    ///
    /// - Throws: ``NoteError/badKind(_:)`` naming the value.
    public static func kind(_ raw: String) throws -> NoteKind {
        guard let kind = NoteKind(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw NoteError.badKind(raw)
        }
        return kind
    }

    /// A review date `YYYY-MM-DD` that exists.
    ///
    /// - Throws: ``NoteError/badDate(_:)``.
    public static func date(_ raw: String) throws -> String {
        do { return try ADRInput.date(raw) } catch { throw NoteError.badDate(raw) }
    }

    /// A note written as markdown: a leading `# heading` is its title and the rest its body
    /// (line ends kept as written); without one, the whole text is the body.
    public static func split(markdown text: String) -> (title: String?, body: String) {
        var rest = Substring(text)
        dropBlankLines(&rest)
        let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
        guard
            let (level, heading) = MarkdownBlocks.heading(rest[..<end].trimmingCharacters(in: .whitespaces)),
            level == 1, !heading.isEmpty
        else { return (nil, text) }
        rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        dropBlankLines(&rest)
        return (heading, String(rest))
    }

    /// Removes the blank lines at the start of `text`, keeping the indentation of the first
    /// line that is not blank.
    private static func dropBlankLines(_ text: inout Substring) {
        while let end = text.firstIndex(where: \.isNewline), text[..<end].allSatisfy(\.isWhitespace) {
            text = text[text.index(after: end)...]
        }
    }

    /// The text `lore note add` opens in an editor.
    public static func template(title: String, kind: NoteKind) -> String {
        "# \(title)\n\n\(hint(kind))\n\n"
    }

    /// What was saved from ``template(title:kind:)``: the hint line dropped, a leading
    /// `# heading` as the title.
    ///
    /// - Returns: nil when nothing but the title is left.
    public static func edited(_ text: String, kind: NoteKind) -> (title: String?, body: String)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).filter {
            $0.trimmingCharacters(in: .whitespaces) != hint(kind)
        }
        let (title, body) = split(markdown: lines.joined(separator: "\n"))
        var text = Substring(body)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text.allSatisfy(\.isWhitespace) ? nil : (title, text + "\n")
    }

    private static func hint(_ kind: NoteKind) -> String {
        "<!-- Write the \(kind.rawValue) below in Markdown; this line is dropped. -->"
    }
}
