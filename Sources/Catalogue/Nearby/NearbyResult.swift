/// The answer to a nearby query: hits nearest first, points without a location, and a per-domain summary.
public struct NearbyResult: Sendable, Hashable {
    public var query: NearbyQuery
    /// Matching points within the radius, nearest first, ties by id; cut to the query's limit.
    public var hits: [NearbyHit]
    /// How many matching points lie within the radius before the limit.
    public var totalWithinRadius: Int
    /// Matching points the catalogue has no location for, in catalogue order: they may be near.
    public var unlocatedPoints: [ServicePoint]
    /// The circles the summary counts in (500, 1000, 1500 m and the query's radius), ascending.
    public var summaryRadiiMetres: [Double]
    /// One row per domain the filters allow, in catalogue order.
    public var domainCounts: [NearbyDomainCount]

    public init(query: NearbyQuery, hits: [NearbyHit], totalWithinRadius: Int, unlocatedPoints: [ServicePoint],
                summaryRadiiMetres: [Double], domainCounts: [NearbyDomainCount]) {
        self.query = query
        self.hits = hits
        self.totalWithinRadius = totalWithinRadius
        self.unlocatedPoints = unlocatedPoints
        self.summaryRadiiMetres = summaryRadiiMetres
        self.domainCounts = domainCounts
    }

    /// The domains with no matching point within a summary radius (nil when it is not one of them).
    public func domainsWithNothing(withinMetres radius: Double) -> [Domain]? {
        guard let column = summaryRadiiMetres.firstIndex(of: radius) else { return nil }
        return domainCounts.filter { $0.counts[column] == 0 }.map(\.domain)
    }

    /// The hit count of a domain within a summary radius.
    public func count(ofDomain domainID: String, withinMetres radius: Double) -> Int? {
        guard let column = summaryRadiiMetres.firstIndex(of: radius),
              let row = domainCounts.first(where: { $0.domain.id == domainID }) else { return nil }
        return row.counts[column]
    }
}
