import Geodesy

/// A catalogue prepared for nearby queries: a spatial grid over the located points and compact
/// per-point filter codes, built once.
public struct NearbyIndex: Sendable {
    public let catalogue: ServiceCatalogue
    private let grid: SpatialGrid
    /// Grid position → index into `catalogue.points`.
    private let locatedPoints: [Int32]
    /// Indices into `catalogue.points` of points without a location.
    private let unlocatedPoints: [Int32]
    /// The unlocated points themselves, shared by every unfiltered result rather than copied.
    private let allUnlocatedPoints: [ServicePoint]
    // Per point (parallel to `catalogue.points`): positions of its domain, type and subdistrict in
    // the catalogue's arrays (−1 when unknown), its items' positions, and the rank of its id, so a
    // query compares integers rather than strings and copies no records until it builds hits.
    private let pointDomain: [Int32]
    private let pointType: [Int32]
    private let pointSubdistrict: [Int32]
    /// Per point: its items' positions (`PointPositions.items(of:)`).
    private let pointItems: PointPositions
    private let idRank: [Int32]
    private let domainPosition: [String: Int32]
    private let typePosition: [String: Int32]
    private let subdistrictPosition: [String: Int32]
    private let itemPosition: [String: Int32]

    /// Builds the index over every point that has a location.
    public init(catalogue: ServiceCatalogue) {
        self.catalogue = catalogue
        func positions(_ keys: [String]) -> [String: Int32] {
            var result: [String: Int32] = [:]
            for (i, key) in keys.enumerated() where result[key] == nil { result[key] = Int32(i) }
            return result
        }
        let domainPosition = positions(catalogue.domains.map(\.id))
        let typePosition = positions(catalogue.pointTypes.map(\.id))
        let subdistrictPosition = positions(catalogue.subdistricts.map(\.code))
        let itemPosition = positions(catalogue.items.map(\.id))
        self.domainPosition = domainPosition
        self.typePosition = typePosition
        self.subdistrictPosition = subdistrictPosition
        self.itemPosition = itemPosition
        var located: [Int32] = [], unlocated: [Int32] = [], coordinates: [GeoCoordinate] = []
        let codes = catalogue.pointPositions()
        let typeDomain = catalogue.pointTypes.map { domainPosition[$0.domainID] ?? -1 }
        for (i, location) in codes.locations.enumerated() {
            if let location {
                located.append(Int32(i))
                coordinates.append(location)
            } else {
                unlocated.append(Int32(i))
            }
        }
        locatedPoints = located
        unlocatedPoints = unlocated
        allUnlocatedPoints = unlocated.map { catalogue.point(at: Int($0)) }
        pointDomain = codes.type.map { $0 >= 0 ? typeDomain[Int($0)] : -1 }
        pointType = codes.type
        pointSubdistrict = codes.subdistrict
        pointItems = codes
        idRank = catalogue.pointIDRanks()
        grid = SpatialGrid(coordinates: coordinates)
    }

    /// Number of points with a location.
    public var locatedCount: Int { locatedPoints.count }

    /// A query's filters as positions; −2 stands for an id the catalogue does not have (matches nothing).
    private struct Filter {
        var domain: Int32?, type: Int32?, subdistrict: Int32?, item: Int32?
        var isEmpty: Bool { domain == nil && type == nil && subdistrict == nil && item == nil }
    }

    private func filter(for query: NearbyQuery) -> Filter {
        Filter(domain: query.domainID.map { domainPosition[$0] ?? -2 },
               type: query.pointTypeID.map { typePosition[$0] ?? -2 },
               subdistrict: query.subdistrictCode.map { subdistrictPosition[$0] ?? -2 },
               item: query.itemID.map { itemPosition[$0] ?? -2 })
    }

    private func matches(_ point: Int, _ filter: Filter) -> Bool {
        if let domain = filter.domain, pointDomain[point] != domain { return false }
        if let type = filter.type, pointType[point] != type { return false }
        if let subdistrict = filter.subdistrict, pointSubdistrict[point] != subdistrict { return false }
        if let item = filter.item, !pointItems.items(of: point).contains(item) { return false }
        return true
    }

    /// The radius collected so the summary's 1500 m circle is always counted.
    private func searchRadius(_ query: NearbyQuery) -> Double {
        max(query.radiusMetres, NearbyQuery.standardRadiiMetres.last ?? 0)
    }

    /// Answers a query with the spatial grid.
    public func query(_ query: NearbyQuery) -> NearbyResult {
        let filter = filter(for: query)
        var hits: [SpatialGrid.Hit] = []
        grid.collect(within: searchRadius(query), of: query.origin, into: &hits)
        var found: [Found] = []
        found.reserveCapacity(hits.count)
        for hit in hits {
            let point = Int(locatedPoints[hit.index])
            if filter.isEmpty || matches(point, filter) { found.append(Found(point: point, distance: hit.distanceMetres)) }
        }
        return assemble(query, filter: filter, found: found)
    }

    /// Answers a query by measuring every point: the baseline the grid is checked and timed against.
    public func bruteForceQuery(_ query: NearbyQuery) -> NearbyResult {
        let filter = filter(for: query)
        let radius = searchRadius(query)
        let plane = LocalTangentPlane(origin: query.origin)
        var found: [Found] = []
        for i in locatedPoints {
            let point = Int(i)
            guard let location = catalogue.point(at: point).location, matches(point, filter) else { continue }
            let distance = plane.distanceMetres(to: location)
            if distance <= radius { found.append(Found(point: point, distance: distance)) }
        }
        return assemble(query, filter: filter, found: found)
    }

    private struct Found {
        var point: Int
        var distance: Double
    }

    private func assemble(_ query: NearbyQuery, filter: Filter, found: [Found]) -> NearbyResult {
        let radii = query.summaryRadiiMetres
        let domainCount = catalogue.domains.count
        var counts = [Int](repeating: 0, count: domainCount * radii.count)
        var within: [Found] = []
        within.reserveCapacity(found.count)
        for entry in found {
            let domain = Int(pointDomain[entry.point])
            if domain >= 0 {
                for (column, radius) in radii.enumerated() where entry.distance <= radius {
                    counts[domain * radii.count + column] += 1
                }
            }
            if entry.distance <= query.radiusMetres { within.append(entry) }
        }
        within.sort { a, b in
            a.distance != b.distance ? a.distance < b.distance : idRank[a.point] < idRank[b.point]
        }
        let kept = query.limit.map { within.prefix($0) } ?? within[...]
        let entries = kept.map {
            NearbyResult.Entry(point: Int32($0.point), domain: pointDomain[$0.point], distanceMetres: $0.distance)
        }
        let unlocated = filter.isEmpty
            ? allUnlocatedPoints : unlocatedPoints.filter { matches(Int($0), filter) }.map { catalogue.point(at: Int($0)) }
        let listed = summaryDomains(filter)
        let rows = (0..<domainCount).filter { listed[$0] }.map { d in
            NearbyDomainCount(domain: catalogue.domains[d], counts: Array(counts[(d * radii.count)..<((d + 1) * radii.count)]))
        }
        return NearbyResult(query: query, entries: entries, totalWithinRadius: within.count, unlocatedPoints: unlocated,
                            summaryRadiiMetres: radii, domainCounts: rows, catalogue: catalogue)
    }

    /// Which domains a summary lists: all of them without filters; otherwise the filtered domain,
    /// the filtered type's domain, or the domains that have any point passing the filters, so that
    /// "none within reach" stays meaningful.
    private func summaryDomains(_ filter: Filter) -> [Bool] {
        var listed = [Bool](repeating: filter.isEmpty, count: catalogue.domains.count)
        if filter.isEmpty { return listed }
        if let domain = filter.domain, domain >= 0 { listed[Int(domain)] = true }
        if let type = filter.type, type >= 0, let domain = domainPosition[catalogue.pointTypes[Int(type)].domainID] {
            listed[Int(domain)] = true
        }
        if filter.domain == nil && filter.type == nil {
            for point in pointDomain.indices where pointDomain[point] >= 0 && matches(point, filter) {
                listed[Int(pointDomain[point])] = true
            }
        }
        return listed
    }
}
