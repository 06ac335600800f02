import ChineseText

/// Search as you type: keeps the previous keystroke's matching texts, so a query that extends
/// the previous one only re-examines those.
public struct SearchSession: Sendable {
    public let index: SearchIndex
    private var previous: SearchQuery?
    private var previousMatches: [Int32] = []
    private var scratch = SearchScratch()
    /// Buffers reused between keystrokes (a large catalogue's would be megabytes a keystroke).
    private var scoreBuffer: [EntryScore] = []
    private var spareMatches: [Int32] = []

    public init(index: SearchIndex) {
        self.index = index
    }

    /// The best hits for `query` (see `SearchIndex.search`), reusing the last call's work when
    /// `query` extends it.
    public mutating func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let folded = SearchQuery(query)
        var scores = scoreBuffer
        scoreBuffer = []
        if let previous, folded.narrows(previous) {
            index.table.scores(for: folded, among: previousMatches, into: &scores)
        } else if let previous, folded.extends(previous) {
            // Skipping just became possible: narrow by the first two letters' matches and pairs,
            // else by the first character's matches.
            let candidates = previous.tokens.count == 2
                ? index.table.candidatesAllowingSkips(for: folded, twoLetterMatches: previousMatches) : nil
            index.table.scores(for: folded, among: candidates ?? index.table.scores(for: folded.firstToken).map(\.entry),
                               into: &scores)
        } else {
            index.table.scores(for: folded, among: nil, into: &scores)
        }
        previous = folded.isEmpty ? nil : folded
        var matches = spareMatches
        matches.removeAll(keepingCapacity: true)
        for score in scores { matches.append(score.entry) }
        spareMatches = previousMatches
        previousMatches = matches
        let hits = index.hits(for: folded, scores: scores, kinds: kinds, limit: limit, scratch: &scratch)
        scoreBuffer = scores
        return hits
    }
}
