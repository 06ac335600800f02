/// Finds catalogue records by name as the user types; the browser shows the hits grouped by kind
/// in the order given. `SubstringNameSearch` is the plain implementation; a ranked Chinese and
/// pinyin matcher plugs in by conforming to this protocol.
public protocol NameSearching: Sendable {
    /// At most `limit` hits for `query`, best first; an empty query gives no hits.
    func search(_ query: String, limit: Int) -> [FoundRecord]
}
