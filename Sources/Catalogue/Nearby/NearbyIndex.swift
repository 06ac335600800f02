import Geodesy
import FlatStorage

/// A catalogue prepared for nearby queries: a spatial grid over the located points and compact
/// per-point filter codes, built once.
public struct NearbyIndex: Sendable {
    public let catalogue: ServiceCatalogue
    private let grid: SpatialGrid
    /// Grid position → index into `catalogue.points`.
    private let locatedPoints: FlatArray<Int32>
    /// Indices into `catalogue.points` of points without a location.
    private let unlocatedPoints: FlatArray<Int32>
    /// The unlocated points themselves, shared by every unfiltered result rather than copied.
    private let allUnlocatedPoints: [ServicePoint]
    // Per point (parallel to `catalogue.points`): positions of its domain, type and subdistrict in
    // the catalogue's arrays (−1 when unknown), its items' positions, and the rank of its id, so a
    // query compares integers rather than strings and copies no records until it builds hits.
    private let pointDomain: FlatArray<Int32>
    private let pointType: FlatArray<Int32>
    private let pointSubdistrict: FlatArray<Int32>
    /// Point `p`'s items are `items[itemStarts[p]..<itemStarts[p + 1]]`.
    private let itemStarts: FlatArray<Int32>
    private let items: FlatArray<Int32>
    private let idRank: FlatArray<Int32>
    private let domainPosition: [String: Int32]
    private let typePosition: [String: Int32]
    private let subdistrictPosition: [String: Int32]
    private let itemPosition: [String: Int32]
    /// True when the index reads a compiled catalogue's stored tables rather than arrays it built.
    let readsStoredTables: Bool

    /// Builds the index over every point that has a location; a compiled catalogue's stored
    /// index (`Tables`) is read where it lies instead when it still fits the catalogue.
    public init(catalogue: ServiceCatalogue) {
        if let tables = catalogue.storedNearbyTables(), let stored = NearbyIndex(catalogue: catalogue, tables: tables) {
            self = stored
            return
        }
        let codes = catalogue.pointPositions()
        var located: [Int32] = [], unlocated: [Int32] = [], coordinates: [GeoCoordinate] = []
        for (i, location) in codes.locations.enumerated() {
            if let location {
                located.append(Int32(i))
                coordinates.append(location)
            } else {
                unlocated.append(Int32(i))
            }
        }
        let domainPosition = Self.positions(catalogue.domains.map(\.id))
        let typeDomain = catalogue.pointTypes.map { domainPosition[$0.domainID] ?? -1 }
        self.init(catalogue: catalogue, grid: SpatialGrid(coordinates: coordinates), locatedPoints: FlatArray(located),
                  unlocatedPoints: FlatArray(unlocated),
                  pointDomain: FlatArray(codes.type.map { $0 >= 0 ? typeDomain[Int($0)] : -1 }),
                  pointType: FlatArray(codes.type), pointSubdistrict: FlatArray(codes.subdistrict),
                  itemStarts: FlatArray(codes.itemStarts), items: FlatArray(codes.items),
                  idRank: FlatArray(catalogue.pointIDRanks()), stored: false)
    }

    init(catalogue: ServiceCatalogue, grid: SpatialGrid, locatedPoints: FlatArray<Int32>,
                 unlocatedPoints: FlatArray<Int32>, pointDomain: FlatArray<Int32>, pointType: FlatArray<Int32>,
                 pointSubdistrict: FlatArray<Int32>, itemStarts: FlatArray<Int32>, items: FlatArray<Int32>,
                 idRank: FlatArray<Int32>, stored: Bool) {
        self.catalogue = catalogue
        readsStoredTables = stored
        self.grid = grid
        self.locatedPoints = locatedPoints
        self.unlocatedPoints = unlocatedPoints
        allUnlocatedPoints = unlocatedPoints.map { catalogue.point(at: Int($0)) }
        self.pointDomain = pointDomain
        self.pointType = pointType
        self.pointSubdistrict = pointSubdistrict
        self.itemStarts = itemStarts
        self.items = items
        self.idRank = idRank
        domainPosition = Self.positions(catalogue.domains.map(\.id))
        typePosition = Self.positions(catalogue.pointTypes.map(\.id))
        subdistrictPosition = Self.positions(catalogue.subdistricts.map(\.code))
        itemPosition = Self.positions(catalogue.items.map(\.id))
    }

    /// Each key's first position.
    private static func positions(_ keys: [String]) -> [String: Int32] {
        var result: [String: Int32] = [:]
        for (i, key) in keys.enumerated() where result[key] == nil { result[key] = Int32(i) }
        return result
    }

    /// The index as a compiled catalogue stores it (`PointImage`), to be read where it lies: the
    /// ids its positions refer to, the grid, and the per-point arrays.
    struct Tables {
        var domainIDs: [String], typeIDs: [String], subdistrictCodes: [String], itemIDs: [String]
        var layout: SpatialGrid.Layout
        var cellStart: FlatArray<Int32>, latitudes: FlatArray<Double>, longitudes: FlatArray<Double>
        var gridIndices: FlatArray<Int32>
        var locatedPoints: FlatArray<Int32>, unlocatedPoints: FlatArray<Int32>, pointDomain: FlatArray<Int32>
        var pointType: FlatArray<Int32>, pointSubdistrict: FlatArray<Int32>, itemStarts: FlatArray<Int32>
        var items: FlatArray<Int32>, idRank: FlatArray<Int32>
    }

    var tables: Tables {
        Tables(domainIDs: catalogue.domains.map(\.id), typeIDs: catalogue.pointTypes.map(\.id),
               subdistrictCodes: catalogue.subdistricts.map(\.code), itemIDs: catalogue.items.map(\.id),
               layout: grid.layout, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
               gridIndices: grid.originalIndices, locatedPoints: locatedPoints, unlocatedPoints: unlocatedPoints,
               pointDomain: pointDomain, pointType: pointType, pointSubdistrict: pointSubdistrict, itemStarts: itemStarts,
               items: items, idRank: idRank)
    }

    /// The index from stored tables; nil when they do not fit `catalogue` (its records' ids have
    /// changed since, or an array's length or a value is out of range), so that the caller
    /// builds the index instead and a damaged table is never followed.
    init?(catalogue: ServiceCatalogue, tables t: Tables) {
        let n = catalogue.pointCount
        guard t.domainIDs == catalogue.domains.map(\.id), t.typeIDs == catalogue.pointTypes.map(\.id),
              t.subdistrictCodes == catalogue.subdistricts.map(\.code), t.itemIDs == catalogue.items.map(\.id),
              let grid = SpatialGrid(layout: t.layout, cellStart: t.cellStart, latitudes: t.latitudes,
                                     longitudes: t.longitudes, originalIndices: t.gridIndices),
              t.locatedPoints.count == grid.count, t.locatedPoints.count + t.unlocatedPoints.count == n,
              t.pointDomain.count == n, t.pointType.count == n, t.pointSubdistrict.count == n, t.idRank.count == n,
              t.itemStarts.count == n + 1, t.itemStarts.first == 0, t.itemStarts.last.map(Int.init) == t.items.count
        else { return nil }
        // Every value is looked at (no early exit) so that the loop vectorises: a million
        // points' arrays take about a millisecond, not tens.
        func within(_ values: FlatArray<Int32>, _ low: Int32, _ end: Int) -> Bool {
            var lowest = Int32.max, highest = Int32.min
            for value in values.buffer {
                lowest = Swift.min(lowest, value)
                highest = Swift.max(highest, value)
            }
            return values.buffer.isEmpty || (lowest >= low && Int(highest) < end)
        }
        guard within(t.locatedPoints, 0, n), within(t.unlocatedPoints, 0, n),
              within(t.pointDomain, -1, catalogue.domains.count), within(t.pointType, -1, catalogue.pointTypes.count),
              within(t.pointSubdistrict, -1, catalogue.subdistricts.count),
              zip(t.itemStarts.buffer, t.itemStarts.buffer.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.init(catalogue: catalogue, grid: grid, locatedPoints: t.locatedPoints, unlocatedPoints: t.unlocatedPoints,
                  pointDomain: t.pointDomain, pointType: t.pointType, pointSubdistrict: t.pointSubdistrict,
                  itemStarts: t.itemStarts, items: t.items, idRank: t.idRank, stored: true)
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
        if let item = filter.item, !items.buffer[Int(itemStarts[point])..<Int(itemStarts[point + 1])].contains(item) {
            return false
        }
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
