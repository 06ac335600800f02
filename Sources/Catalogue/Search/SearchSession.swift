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
    private var deferredBuffer: [Int32] = []
    private var spareMatches: [Int32] = []

    public init(index: SearchIndex) {
        self.index = index
    }

    /// The best hits for `query` (see `SearchIndex.search`), reusing the last call's work when
    /// `query` extends it.
    public mutating func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let folded = SearchQuery(query)
        // The candidates below come from the table before `hits` checks a stored index.
        guard index.isUsable() else { return [] }
        var scores = scoreBuffer
        var deferred = deferredBuffer
        scoreBuffer = []
        deferredBuffer = []
        let table = index.table
        let candidates: [Int32]?
        if let previous, folded.narrows(previous) {
            candidates = previousMatches
        } else if let previous, folded.extends(previous) {
            // Skipping just became possible: narrow by the first two letters' matches and pairs,
            // else by the first character's matches.
            candidates = (previous.tokens.count == 2
                ? table.candidatesAllowingSkips(for: folded, twoLetterMatches: previousMatches) : nil)
                ?? table.scores(for: folded.firstToken).map(\.entry)
        } else {
            candidates = nil
        }
        previous = folded.isEmpty ? nil : folded
        let hits = index.hits(for: folded, among: candidates, deferring: true, scores: &scores, deferred: &deferred,
                              kinds: kinds, limit: limit, scratch: &scratch)
        // The next keystroke's candidates: every match, and the deferred candidates that may match.
        var matches = spareMatches
        matches.removeAll(keepingCapacity: true)
        for score in scores { matches.append(score.entry) }
        if !deferred.isEmpty { matches = matches.mergedAscending(with: deferred) { $0 } }
        spareMatches = previousMatches
        previousMatches = matches
        scoreBuffer = scores
        deferredBuffer = deferred
        return hits
    }
}
