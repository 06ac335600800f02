/// What the user typed, folded for matching: ASCII letters and digits (lower case, half-width,
/// ü as v, tone marks off), simplified Han characters and other letters; spaces and
/// punctuation dropped.
public struct SearchQuery: Hashable, Sendable {
    /// The folded characters; values below 0x80 are ASCII letters or digits.
    public let tokens: [UInt32]
    /// Bits every matching key must have (see `SearchKeyTable.mask`).
    public let mask: UInt64

    /// Folds `text`; traditional characters become simplified through ICU, one character at a time
    /// as the catalogue's keys were.
    public init(_ text: String) {
        var tokens: [UInt32] = []
        for scalar in text.unicodeScalars {
            guard let f = TextFolding.folded(scalar) else { continue }
            tokens.append(TextFolding.isHan(f) ? TextFolding.simplified(f).value : f.value)
        }
        self.init(tokens: tokens)
    }

    /// A query of already folded characters.
    public init(tokens: [UInt32]) {
        self.tokens = tokens
        var mask: UInt64 = 0
        for t in tokens { mask |= SearchKeyTable.bit(forQueryToken: t) }
        self.mask = mask
    }

    public var isEmpty: Bool { tokens.isEmpty }

    /// True when this query is `other` with more typed after it.
    public func extends(_ other: SearchQuery) -> Bool {
        tokens.count >= other.tokens.count && tokens.starts(with: other.tokens)
    }

    /// True when every text this query matches also matches `other`, so a search may examine only
    /// `other`'s matches: this query extends `other`, and does not newly allow skipped characters
    /// (which need `SearchKeyTable.minimumFuzzyLength` letters).
    public func narrows(_ other: SearchQuery) -> Bool {
        guard extends(other) else { return false }
        let threshold = SearchKeyTable.minimumFuzzyLength
        return other.tokens.count >= threshold || tokens.count < threshold
            || tokens.contains(where: { $0 >= 0x80 })
    }

    /// The query of the first character alone, whose matches contain this query's.
    public var firstToken: SearchQuery { SearchQuery(tokens: Array(tokens.prefix(1))) }

    /// The folded text, for display and tests.
    public var text: String {
        var view = String.UnicodeScalarView()
        for t in tokens { if let s = Unicode.Scalar(t) { view.append(s) } }
        return String(view)
    }
}
