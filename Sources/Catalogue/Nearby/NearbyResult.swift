import Geodesy

/// The answer to a nearby query: hits nearest first, points without a location, and a per-domain summary.
///
/// The result keeps compact (point, distance) entries and the catalogue; `hits` builds the full
/// records with bearings and walking times when read, so a query that only needs counts or the
/// first few hits does not copy every record. Read `hits` once and keep it.
public struct NearbyResult: Sendable, Equatable {
    /// A point within the radius: its position in `catalogue.points` and its distance.
    struct Entry: Sendable, Hashable {
        var point: Int32
        /// Position of the point's domain in `catalogue.domains`, −1 when unknown.
        var domain: Int32
        var distanceMetres: Double
    }

    public var query: NearbyQuery
    /// How many matching points lie within the radius before the limit.
    public var totalWithinRadius: Int
    /// Matching points the catalogue has no location for, in catalogue order: they may be near.
    public var unlocatedPoints: [ServicePoint]
    /// The circles the summary counts in (500, 1000, 1500 m and the query's radius), ascending.
    public var summaryRadiiMetres: [Double]
    /// One row per domain the filters allow, in catalogue order.
    public var domainCounts: [NearbyDomainCount]
    let entries: [Entry]
    let catalogue: ServiceCatalogue

    init(query: NearbyQuery, entries: [Entry], totalWithinRadius: Int, unlocatedPoints: [ServicePoint],
         summaryRadiiMetres: [Double], domainCounts: [NearbyDomainCount], catalogue: ServiceCatalogue) {
        self.query = query
        self.entries = entries
        self.totalWithinRadius = totalWithinRadius
        self.unlocatedPoints = unlocatedPoints
        self.summaryRadiiMetres = summaryRadiiMetres
        self.domainCounts = domainCounts
        self.catalogue = catalogue
    }

    /// Number of hits after the limit.
    public var hitCount: Int { entries.count }

    /// Matching points within the radius, nearest first, ties by id, cut to the query's limit.
    public var hits: [NearbyHit] {
        let plane = LocalTangentPlane(origin: query.origin)
        return entries.map { entry in
            let point = catalogue.point(at: Int(entry.point))
            let bearing = point.location.map { plane.initialBearingDegrees(to: $0) } ?? 0
            let domainID = entry.domain >= 0 ? catalogue.domains[Int(entry.domain)].id : nil
            return NearbyHit(point: point, domainID: domainID,
                             distanceMetres: entry.distanceMetres, bearingDegrees: bearing)
        }
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

    public static func == (lhs: NearbyResult, rhs: NearbyResult) -> Bool {
        lhs.query == rhs.query && lhs.entries == rhs.entries && lhs.totalWithinRadius == rhs.totalWithinRadius
            && lhs.unlocatedPoints == rhs.unlocatedPoints && lhs.summaryRadiiMetres == rhs.summaryRadiiMetres
            && lhs.domainCounts == rhs.domainCounts
    }
}
