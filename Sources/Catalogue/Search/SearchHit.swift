import ChineseText

/// One record a search found, with what it matched and where.
public struct SearchHit: Hashable, Sendable {
    public var kind: SearchKind
    public var id: String
    /// The record's name (a standard's title) as displayed.
    public var title: String
    public var field: SearchField
    /// The text of the matched field (equal to `title` when `field` is `.name`).
    public var matchedText: String
    public var tier: MatchTier
    /// The ranking score; higher is better. Comparable between hits of one search only.
    public var score: Int
    /// Matched spans: half-open character offsets into `matchedText`.
    public var ranges: [Range<Int>]

    public init(kind: SearchKind, id: String, title: String, field: SearchField, matchedText: String,
                tier: MatchTier, score: Int, ranges: [Range<Int>]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.field = field
        self.matchedText = matchedText
        self.tier = tier
        self.score = score
        self.ranges = ranges
    }
}
