/// One text's match of a query: its tier, its score (higher is better; the tier is its top
/// part) and the matched spans as character offsets into the original text.
public struct TextMatch: Hashable, Sendable {
    public var tier: MatchTier
    public var score: Int
    /// Half-open ranges of character offsets in the original (displayed) text, in order,
    /// adjacent ones merged.
    public var ranges: [Range<Int>]

    public init(tier: MatchTier, score: Int, ranges: [Range<Int>]) {
        self.tier = tier
        self.score = score
        self.ranges = ranges
    }
}

/// A score for one entry of a `SearchKeyTable`.
public struct EntryScore: Hashable, Sendable, BitwiseCopyable {
    public var entry: Int32
    public var score: Int32

    public init(entry: Int32, score: Int32) {
        self.entry = entry
        self.score = score
    }

    /// The tier encoded in the score.
    public var tier: MatchTier { MatchTier(rawValue: Int(score) >> 8) ?? .fuzzy }
}
