/// A word or phrase as the person typed it, on its way into an FTS5 string.
struct SearchTerm: Hashable {
    /// What goes between the quotes: a phrase's content, or a word without its trailing `*`.
    var text: String
    /// As typed, quotes and `*` included, without a leading `-`.
    var raw: String
    /// A trailing `*`: FTS5 matches tokens that start with the last token of ``text``.
    var isPrefix: Bool
    /// Written `-term` (a preceding `NOT` is the builder's business).
    var isExcluded: Bool

    /// A bare word; `word*` is a prefix when something searchable comes before the stars.
    init(word: String, isExcluded: Bool) {
        let stem = String(word.reversed().drop(while: { $0 == "*" }).reversed())
        let isPrefix = stem.count < word.count && stem.contains(where: Self.isWordCharacter)
        self.init(text: isPrefix ? stem : word, raw: word, isPrefix: isPrefix, isExcluded: isExcluded)
    }

    init(text: String, raw: String, isPrefix: Bool, isExcluded: Bool) {
        self.text = text
        self.raw = raw
        self.isPrefix = isPrefix
        self.isExcluded = isExcluded
    }

    /// Whether FTS5 will find a token in it; a quoted string with none is a phrase that
    /// matches nothing, and `x AND ""` matches nothing either.
    var isSearchable: Bool { text.contains(where: Self.isWordCharacter) }

    /// The FTS5 string: `"text"` with `"` doubled, then `*` for a prefix.
    var expression: String { Self.quoted(text) + (isPrefix ? "*" : "") }

    /// `text` as one FTS5 string, `"` doubled: user text reaches MATCH only this way.
    static func quoted(_ text: String) -> String { "\"" + text.replacing("\"", with: "\"\"") + "\"" }

    /// This term's part of ``SearchQuery/text``: the content, or what was typed when the
    /// content is blank (`"` stays `"`).
    var textPiece: String {
        let content = SearchToken.trimmed(text)
        return content.isEmpty ? raw : content
    }

    /// The runs of letters and numbers in a term, lowercased: `don't` → `don`, `t`.
    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { !isWordCharacter($0) }).map { $0.lowercased() }
    }

    /// A letter or number as FTS5's unicode61 tokenizer sees one.
    ///
    /// Any scalar of the character in Unicode category L or N counts (so `é` written as `e`
    /// and a combining accent counts, and so does the keycap `1️⃣`), but not letter-like
    /// symbols such as `ⓐ` (So) or vowel signs (Mc), which `Character.isLetter` accepts and
    /// unicode61 splits on. SQLite 3.40's tables predate Unicode moving a few New Tai Lue
    /// and Vedic signs to Lo; unicode61 still splits on those, so they do not count either.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                return !unicode61Separators.contains { $0.contains(scalar.value) }
            default:
                return false
            }
        }
    }

    /// Letters (Lo since Unicode 7 or later) that SQLite 3.40's unicode61 treats as separators.
    private static let unicode61Separators: [ClosedRange<UInt32>] = [
        0x19B0...0x19C0, 0x19C8...0x19C9, 0x1CF2...0x1CF3,
    ]
}
