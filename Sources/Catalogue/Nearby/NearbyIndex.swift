import Geodesy

/// A catalogue prepared for nearby queries: a spatial grid over the located points, built once.
public struct NearbyIndex: Sendable {
    public let catalogue: ServiceCatalogue
    private let grid: SpatialGrid
    /// Grid position → index into `catalogue.points`.
    private let locatedPoints: [Int]
    /// Indices into `catalogue.points` of points without a location.
    private let unlocatedPoints: [Int]
    /// Domain id of each point (through its type), parallel to `catalogue.points`.
    private let pointDomains: [String?]

    /// Builds the index over every point that has a location.
    public init(catalogue: ServiceCatalogue) {
        self.catalogue = catalogue
        var located: [Int] = [], unlocated: [Int] = [], coordinates: [GeoCoordinate] = []
        for (i, point) in catalogue.points.enumerated() {
            if let location = point.location {
                located.append(i)
                coordinates.append(location)
            } else {
                unlocated.append(i)
            }
        }
        locatedPoints = located
        unlocatedPoints = unlocated
        grid = SpatialGrid(coordinates: coordinates)
        pointDomains = catalogue.points.map { catalogue.domainID(ofPoint: $0) }
    }

    /// Number of points with a location.
    public var locatedCount: Int { locatedPoints.count }

    /// Answers a query with the spatial grid.
    public func query(_ query: NearbyQuery) -> NearbyResult {
        let searchRadius = max(query.radiusMetres, NearbyQuery.standardRadiiMetres.last ?? 0)
        var hits: [SpatialGrid.Hit] = []
        grid.collect(within: searchRadius, of: query.origin, into: &hits)
        var found: [(point: Int, distance: Double)] = []
        found.reserveCapacity(hits.count)
        for hit in hits {
            let point = locatedPoints[hit.index]
            if matches(point, query) { found.append((point, hit.distanceMetres)) }
        }
        return assemble(query, found: found)
    }

    /// Answers a query by measuring every point: the baseline the grid is checked and timed against.
    public func bruteForceQuery(_ query: NearbyQuery) -> NearbyResult {
        let searchRadius = max(query.radiusMetres, NearbyQuery.standardRadiiMetres.last ?? 0)
        let plane = LocalTangentPlane(origin: query.origin)
        var found: [(point: Int, distance: Double)] = []
        for (i, point) in catalogue.points.enumerated() {
            guard let location = point.location, matches(i, query) else { continue }
            let distance = plane.distanceMetres(to: location)
            if distance <= searchRadius { found.append((i, distance)) }
        }
        return assemble(query, found: found)
    }

    private func matches(_ pointIndex: Int, _ query: NearbyQuery) -> Bool {
        let point = catalogue.points[pointIndex]
        if let domainID = query.domainID, pointDomains[pointIndex] != domainID { return false }
        if let typeID = query.pointTypeID, point.typeID != typeID { return false }
        if let code = query.subdistrictCode, point.subdistrictCode != code { return false }
        if let itemID = query.itemID, !point.itemIDs.contains(itemID) { return false }
        return true
    }

    private func assemble(_ query: NearbyQuery, found: [(point: Int, distance: Double)]) -> NearbyResult {
        let radii = query.summaryRadiiMetres
        let domains = summaryDomains(for: query)
        var row: [String: Int] = [:]
        for (i, domain) in domains.enumerated() { row[domain.id] = i }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: radii.count), count: domains.count)
        var within: [(point: Int, distance: Double)] = []
        for entry in found {
            if let domainID = pointDomains[entry.point], let r = row[domainID] {
                for (column, radius) in radii.enumerated() where entry.distance <= radius { counts[r][column] += 1 }
            }
            if entry.distance <= query.radiusMetres { within.append(entry) }
        }
        let points = catalogue.points
        within.sort { a, b in
            a.distance != b.distance ? a.distance < b.distance : points[a.point].id < points[b.point].id
        }
        let kept = query.limit.map { Array(within.prefix($0)) } ?? within
        let plane = LocalTangentPlane(origin: query.origin)
        let hits = kept.map { entry -> NearbyHit in
            let point = points[entry.point]
            let bearing = point.location.map { plane.initialBearingDegrees(to: $0) } ?? 0
            return NearbyHit(point: point, domainID: pointDomains[entry.point], distanceMetres: entry.distance,
                             bearingDegrees: bearing)
        }
        let unlocated = unlocatedPoints.filter { matches($0, query) }.map { points[$0] }
        return NearbyResult(query: query, hits: hits, totalWithinRadius: within.count, unlocatedPoints: unlocated,
                            summaryRadiiMetres: radii,
                            domainCounts: zip(domains, counts).map { NearbyDomainCount(domain: $0, counts: $1) })
    }

    /// The domains a summary lists: all of them without filters; otherwise the filtered domain or
    /// the domains that have any point passing the filters, so "none within reach" stays meaningful.
    private func summaryDomains(for query: NearbyQuery) -> [Domain] {
        if query.domainID == nil && query.pointTypeID == nil && query.itemID == nil && query.subdistrictCode == nil {
            return catalogue.domains
        }
        var wanted: Set<String> = []
        if let domainID = query.domainID { wanted.insert(domainID) }
        if let typeID = query.pointTypeID, let domainID = catalogue.pointType(typeID)?.domainID { wanted.insert(domainID) }
        if query.domainID == nil && query.pointTypeID == nil {
            for i in catalogue.points.indices where matches(i, query) {
                if let domainID = pointDomains[i] { wanted.insert(domainID) }
            }
        }
        return catalogue.domains.filter { wanted.contains($0.id) }
    }
}
