/// How a query met a text, best first when compared descending: the ranking's first key.
public enum MatchTier: Int, Comparable, Sendable, CaseIterable {
    /// Letters matched with one run of up to four characters skipped (ftskzx); pinyin queries
    /// of three letters or more only.
    case fuzzy = 1
    /// Pinyin with at least one syllable typed as its initial (skzx, shekzx, skzhx).
    case initials = 2
    /// Whole pinyin syllables (shekang), the last one possibly still being typed.
    case fullPinyin = 3
    /// The typed characters appear inside a word.
    case substring = 4
    /// The typed characters appear at the start of a word.
    case wordStart = 5
    /// The typed characters start the text.
    case prefix = 6
    /// The typed characters are the whole text.
    case exact = 7

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The English word used in JSON output.
    public var name: String {
        switch self {
        case .fuzzy: "fuzzy"
        case .initials: "initials"
        case .fullPinyin: "pinyin"
        case .substring: "substring"
        case .wordStart: "word-start"
        case .prefix: "prefix"
        case .exact: "exact"
        }
    }
}
