/// A standard text or service guide whose body contains a query, with a snippet around the
/// first occurrence.
public struct BodyHit: Hashable, Sendable {
    public var standardID: String
    /// One line of body text around the first occurrence (newlines become spaces; `…` marks a cut).
    public var snippet: String
    /// The occurrence(s) in `snippet`: half-open character offsets.
    public var ranges: [Range<Int>]
    /// How many times the body contains the query.
    public var occurrences: Int

    public init(standardID: String, snippet: String, ranges: [Range<Int>], occurrences: Int) {
        self.standardID = standardID
        self.snippet = snippet
        self.ranges = ranges
        self.occurrences = occurrences
    }
}

/// Finds standard texts by what their bodies say; the compiled store implements it over SQLite
/// and `BodyTextSearch` over values, so the browser never sees SQL.
public protocol StandardBodySearching: Sendable {
    /// Texts whose body contains `query` (folded like names: full-width, traditional, case), most
    /// occurrences first, then in id order; at most `limit`.
    func searchBodies(_ query: String, limit: Int) throws -> [BodyHit]
}
