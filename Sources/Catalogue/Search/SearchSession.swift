import ChineseText

/// Search as you type: keeps the previous keystroke's matching texts, so a query that extends
/// the previous one only re-examines those.
public struct SearchSession: Sendable {
    public let index: SearchIndex
    private var previous: SearchQuery?
    private var previousMatches: [Int32] = []
    private var scratch = SearchScratch()

    public init(index: SearchIndex) {
        self.index = index
    }

    /// The best hits for `query` (see `SearchIndex.search`), reusing the last call's work when
    /// `query` extends it.
    public mutating func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let folded = SearchQuery(query)
        let scores: [EntryScore]
        if let previous, folded.narrows(previous) {
            scores = index.table.scores(for: folded, among: previousMatches)
        } else if let previous, folded.extends(previous) {
            // Skipping just became possible: narrow by the first two letters' matches and pairs,
            // else by the first character's matches.
            let candidates = previous.tokens.count == 2
                ? index.table.candidatesAllowingSkips(for: folded, twoLetterMatches: previousMatches) : nil
            scores = index.table.scores(for: folded, among: candidates
                                        ?? index.table.scores(for: folded.firstToken).map(\.entry))
        } else {
            scores = index.table.scores(for: folded)
        }
        previous = folded.isEmpty ? nil : folded
        previousMatches = scores.map(\.entry)
        return index.hits(for: folded, scores: scores, kinds: kinds, limit: limit, scratch: &scratch)
    }
}
