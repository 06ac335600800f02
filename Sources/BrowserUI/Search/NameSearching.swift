/// Finds catalogue records by name as the user types; the browser shows the hits grouped by kind
/// in the order given. `SubstringNameSearch` is the plain implementation; a ranked Chinese and
/// pinyin matcher plugs in by conforming to this protocol.
public protocol NameSearching: Sendable {
    /// At most `limit` hits for `query`, best first; an empty query gives no hits.
    func search(_ query: String, limit: Int) -> [FoundRecord]
    /// Builds what searching needs, if it is built lazily; `held` runs once the build holds its
    /// lock (see `Deferred.value(onceHeld:)`), at once when there is nothing to build.
    func prepare(onceHeld held: () -> Void)
}

extension NameSearching {
    /// Nothing to build: `held` runs at once.
    public func prepare(onceHeld held: () -> Void) { held() }
}
