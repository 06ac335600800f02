import FlatStorage
import Foundation
import Geodesy

/// A catalogue prepared for nearby queries: a spatial grid over the located points and compact
/// per-point filter codes, built once.
///
/// Every per-point table is kept in the grid's order, in slots: the located points first, as
/// the grid sorts them (so a hit's index is its slot), then the points without a location. A query
/// reads the few runs of slots whose cells its circle crosses, so a compiled catalogue's stored
/// index (`Tables`, read where it lies) checks the blocks of those runs, and the values in them,
/// when a query first reads them rather than all of a million points' tables at start.
public struct NearbyIndex: Sendable {
    public let catalogue: ServiceCatalogue
    /// Over the located points, in its own order: a hit's index is its slot.
    private let grid: SpatialGrid
    private let slots: Slots
    /// The unlocated points themselves, shared by every unfiltered result rather than copied.
    private let allUnlocatedPoints: [ServicePoint]
    /// The bytes the stored tables lie in, checked a run of slots at a time (`check(_:)`); nil
    /// when the tables were built here.
    private let storedBytes: ImageBytes?
    /// The index built from the points, for the queries whose stored runs fail their checks.
    private let fallback = Fallback()
    private let domainPosition: [String: Int32]
    private let typePosition: [String: Int32]
    private let subdistrictPosition: [String: Int32]
    private let itemPosition: [String: Int32]
    /// True when the index reads a compiled catalogue's stored tables rather than arrays it built.
    var readsStoredTables: Bool { storedBytes != nil }

    /// Per slot (located points in the grid's order, then the unlocated): the point's position in
    /// `catalogue.points`; the positions of its domain, type and subdistrict in the catalogue's
    /// arrays (−1 when unknown); the rank of its id; and its items' positions, slot `s`'s being
    /// `items[itemStarts[s]..<itemStarts[s + 1]]`. A query compares integers rather than strings
    /// and copies no records until it builds hits.
    struct Slots {
        var point: FlatArray<Int32>, domain: FlatArray<Int32>, type: FlatArray<Int32>, subdistrict: FlatArray<Int32>
        var idRank: FlatArray<Int32>, itemStarts: FlatArray<Int32>, items: FlatArray<Int32>

        /// True when the slots in `range` can be read: their blocks in `bytes` pass their checks
        /// (the grid's coordinates' too, for located slots), every value is in range (points,
        /// domains, types and subdistricts of `catalogue`), and their items' starts run forward
        /// within the items, whose blocks pass too. Every value is looked at (no early exit) so
        /// that the loops vectorise. Always true without `bytes` (tables built here).
        func check(_ range: Range<Int>, in bytes: ImageBytes?, grid: SpatialGrid, catalogue: ServiceCatalogue) -> Bool {
            guard let bytes, !range.isEmpty else { return true }
            guard range.lowerBound >= 0, range.upperBound <= point.count else { return false }
            func within(_ values: FlatArray<Int32>, _ low: Int32, _ end: Int) -> Bool {
                guard bytes.verify(range, of: values) else { return false }
                var lowest = Int32.max, highest = Int32.min
                for value in values.buffer[range] {
                    lowest = Swift.min(lowest, value)
                    highest = Swift.max(highest, value)
                }
                return lowest >= low && Int(highest) < end
            }
            let located = range.clamped(to: 0..<grid.count)
            guard bytes.verify(located, of: grid.latitudes), bytes.verify(located, of: grid.longitudes),
                  within(point, 0, catalogue.pointCount), within(domain, -1, catalogue.domains.count),
                  within(type, -1, catalogue.pointTypes.count), within(subdistrict, -1, catalogue.subdistricts.count),
                  bytes.verify(range, of: idRank), bytes.verify(range.lowerBound..<(range.upperBound + 1), of: itemStarts)
            else { return false }
            let starts = itemStarts.buffer[range.lowerBound...range.upperBound]
            guard let first = starts.first, let last = starts.last, first >= 0, Int(last) <= items.count,
                  zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return false }
            return bytes.verify(Int(first)..<Int(last), of: items)
        }
    }

    /// Builds the index over every point that has a location; a compiled catalogue's stored
    /// index (`Tables`) is read where it lies instead when it still fits the catalogue.
    public init(catalogue: ServiceCatalogue) {
        if let tables = catalogue.storedNearbyTables(), let stored = NearbyIndex(catalogue: catalogue, tables: tables) {
            self = stored
        } else {
            self.init(building: catalogue)
        }
    }

    /// Builds the index from the catalogue's points, whatever it stores.
    init(building catalogue: ServiceCatalogue) {
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
        let sorted = SpatialGrid(coordinates: coordinates)
        let order = (sorted.originalIndices.map { Array($0) } ?? []).map { located[Int($0)] } + unlocated
        let domainPosition = Self.positions(catalogue.domains.map(\.id))
        let typeDomain = catalogue.pointTypes.map { domainPosition[$0.domainID] ?? -1 }
        let ranks = catalogue.pointIDRanks()
        var itemStarts: [Int32] = [0], items: [Int32] = []
        itemStarts.reserveCapacity(order.count + 1)
        for point in order {
            items += codes.items[Int(codes.itemStarts[Int(point)])..<Int(codes.itemStarts[Int(point) + 1])]
            itemStarts.append(Int32(items.count))
        }
        let slots = Slots(point: FlatArray(order),
                          domain: FlatArray(order.map { codes.type[Int($0)] >= 0 ? typeDomain[Int(codes.type[Int($0)])] : -1 }),
                          type: FlatArray(order.map { codes.type[Int($0)] }),
                          subdistrict: FlatArray(order.map { codes.subdistrict[Int($0)] }),
                          idRank: FlatArray(order.map { ranks[Int($0)] }),
                          itemStarts: FlatArray(itemStarts), items: FlatArray(items))
        self.init(catalogue: catalogue, grid: sorted.inOwnOrder, slots: slots, storedBytes: nil)
    }

    private init(catalogue: ServiceCatalogue, grid: SpatialGrid, slots: Slots, storedBytes: ImageBytes?) {
        self.catalogue = catalogue
        self.grid = grid
        self.slots = slots
        self.storedBytes = storedBytes
        allUnlocatedPoints = slots.point.buffer[grid.count...].map { catalogue.point(at: Int($0)) }
        domainPosition = Self.positions(catalogue.domains.map(\.id))
        typePosition = Self.positions(catalogue.pointTypes.map(\.id))
        subdistrictPosition = Self.positions(catalogue.subdistricts.map(\.code))
        itemPosition = Self.positions(catalogue.items.map(\.id))
    }

    /// Holds the index built from the points once a stored run has failed its check, so that a
    /// damaged table costs one build, not one per query (the browser asks many).
    private final class Fallback: @unchecked Sendable {
        private let lock = NSLock()
        private var built: NearbyIndex?

        func index(for catalogue: ServiceCatalogue) -> NearbyIndex {
            lock.lock()
            defer { lock.unlock() }
            if let built { return built }
            let index = NearbyIndex(building: catalogue)
            built = index
            return index
        }
    }

    /// Each key's first position, as the catalogue's own lookups find it.
    private static func positions(_ keys: [String]) -> [String: Int32] {
        ServiceCatalogue.index(keys).mapValues { Int32($0) }
    }

    /// The index as a compiled catalogue stores it (`PointImage`), to be read where it lies: the
    /// ids its positions refer to, the grid (in its own order) and the slots; `bytes`, when read
    /// from an image, are what the arrays lie in, to be checked as they are read.
    struct Tables {
        var domainIDs: [String], typeIDs: [String], subdistrictCodes: [String], itemIDs: [String]
        var layout: SpatialGrid.Layout
        var cellStart: FlatArray<Int32>, latitudes: FlatArray<Double>, longitudes: FlatArray<Double>
        var slots: Slots
        var bytes: ImageBytes?
    }

    var tables: Tables {
        Tables(domainIDs: catalogue.domains.map(\.id), typeIDs: catalogue.pointTypes.map(\.id),
               subdistrictCodes: catalogue.subdistricts.map(\.code), itemIDs: catalogue.items.map(\.id),
               layout: grid.layout, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
               slots: slots, bytes: nil)
    }

    /// The index from stored tables; nil when they do not fit `catalogue` (its records' ids have
    /// changed since, or an array's length is wrong), or the cell table or the unlocated points'
    /// slots fail their checks, so that the caller builds the index instead. The located slots are
    /// checked as queries read them (`check(_:)`): a damaged table is never followed.
    init?(catalogue: ServiceCatalogue, tables t: Tables) {
        let n = catalogue.pointCount, s = t.slots
        guard t.domainIDs == catalogue.domains.map(\.id), t.typeIDs == catalogue.pointTypes.map(\.id),
              t.subdistrictCodes == catalogue.subdistricts.map(\.code), t.itemIDs == catalogue.items.map(\.id),
              t.bytes?.verify(0..<t.cellStart.count, of: t.cellStart) ?? true,
              let grid = SpatialGrid(layout: t.layout, cellStart: t.cellStart, latitudes: t.latitudes, longitudes: t.longitudes),
              grid.count <= n, s.point.count == n, s.domain.count == n, s.type.count == n, s.subdistrict.count == n,
              s.idRank.count == n, s.itemStarts.count == n + 1
        else { return nil }
        guard s.check(grid.count..<n, in: t.bytes, grid: grid, catalogue: catalogue) else { return nil }
        self.init(catalogue: catalogue, grid: grid, slots: s, storedBytes: t.bytes)
    }

    /// `Slots.check` for this index's slots (always true for tables built here).
    private func check(_ range: Range<Int>) -> Bool {
        slots.check(range, in: storedBytes, grid: grid, catalogue: catalogue)
    }

    /// Number of points with a location.
    public var locatedCount: Int { grid.count }

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

    /// Whether the point in `slot` passes the filters (its slot checked).
    private func matches(_ slot: Int, _ filter: Filter) -> Bool {
        if let domain = filter.domain, slots.domain[slot] != domain { return false }
        if let type = filter.type, slots.type[slot] != type { return false }
        if let subdistrict = filter.subdistrict, slots.subdistrict[slot] != subdistrict { return false }
        if let item = filter.item,
           !slots.items.buffer[Int(slots.itemStarts[slot])..<Int(slots.itemStarts[slot + 1])].contains(item) {
            return false
        }
        return true
    }

    /// The radius collected so the summary's 1500 m circle is always counted.
    private func searchRadius(_ query: NearbyQuery) -> Double {
        max(query.radiusMetres, NearbyQuery.standardRadiiMetres.last ?? 0)
    }

    /// Answers a query with the spatial grid. When a stored table fails a check on the way (a
    /// damaged block, a value out of range), the answer comes from an index built from the points.
    public func query(_ query: NearbyQuery) -> NearbyResult {
        storedAnswer(query) ?? fallback.index(for: catalogue).query(query)
    }

    /// The answer from these tables; nil when a run of slots the query reads fails its check.
    func storedAnswer(_ query: NearbyQuery) -> NearbyResult? {
        let filter = filter(for: query)
        var hits: [SpatialGrid.Hit] = []
        guard grid.collect(within: searchRadius(query), of: query.origin, into: &hits, checkingRuns: check) else { return nil }
        var found: [Found] = []
        found.reserveCapacity(hits.count)
        for hit in hits where filter.isEmpty || matches(hit.index, filter) {
            found.append(Found(slot: hit.index, distance: hit.distanceMetres))
        }
        return assemble(query, filter: filter, found: found)
    }

    /// Answers a query by measuring every point: the baseline the grid is checked and timed against.
    public func bruteForceQuery(_ query: NearbyQuery) -> NearbyResult {
        guard check(0..<slots.point.count) else { return fallback.index(for: catalogue).bruteForceQuery(query) }
        let filter = filter(for: query)
        let radius = searchRadius(query)
        let plane = LocalTangentPlane(origin: query.origin)
        var found: [Found] = []
        for slot in 0..<grid.count {
            guard let location = catalogue.point(at: Int(slots.point[slot])).location, matches(slot, filter) else { continue }
            let distance = plane.distanceMetres(to: location)
            if distance <= radius { found.append(Found(slot: slot, distance: distance)) }
        }
        return assemble(query, filter: filter, found: found) ?? fallback.index(for: catalogue).bruteForceQuery(query)
    }

    private struct Found {
        var slot: Int
        var distance: Double
    }

    /// The result from the points found (their slots checked); nil when the summary needed slots
    /// that fail their check.
    private func assemble(_ query: NearbyQuery, filter: Filter, found: [Found]) -> NearbyResult? {
        guard let listed = summaryDomains(filter) else { return nil }
        let radii = query.summaryRadiiMetres
        let domainCount = catalogue.domains.count
        var counts = [Int](repeating: 0, count: domainCount * radii.count)
        var within: [Found] = []
        within.reserveCapacity(found.count)
        for entry in found {
            let domain = Int(slots.domain[entry.slot])
            if domain >= 0 {
                for (column, radius) in radii.enumerated() where entry.distance <= radius {
                    counts[domain * radii.count + column] += 1
                }
            }
            if entry.distance <= query.radiusMetres { within.append(entry) }
        }
        let kept = nearestFirst(within, limit: query.limit)
        let entries = kept.map {
            NearbyResult.Entry(point: slots.point[$0.slot], domain: slots.domain[$0.slot], distanceMetres: $0.distance)
        }
        let unlocated = filter.isEmpty
            ? allUnlocatedPoints
            : (grid.count..<slots.point.count).filter { matches($0, filter) }.map { catalogue.point(at: Int(slots.point[$0])) }
        let rows = (0..<domainCount).filter { listed[$0] }.map { d in
            NearbyDomainCount(domain: catalogue.domains[d], counts: Array(counts[(d * radii.count)..<((d + 1) * radii.count)]))
        }
        return NearbyResult(query: query, entries: entries, totalWithinRadius: within.count, unlocatedPoints: unlocated,
                            summaryRadiiMetres: radii, domainCounts: rows, catalogue: catalogue)
    }

    /// The first `limit` (all without one) of `found`, nearest first, ties by id. With a limit well
    /// below the count, the nearest are kept in a sorted list as they come (most are farther than
    /// its last, one comparison each) instead of sorting every point in the circle: the order is
    /// total (no two points share an id rank), so the result is the full sort's prefix.
    private func nearestFirst(_ found: [Found], limit: Int?) -> [Found] {
        func before(_ a: Found, _ b: Found) -> Bool {
            a.distance != b.distance ? a.distance < b.distance : slots.idRank[a.slot] < slots.idRank[b.slot]
        }
        guard let limit, limit < found.count / 4 else {
            return Array(found.sorted(by: before).prefix(limit ?? found.count))
        }
        var kept: [Found] = []
        kept.reserveCapacity(limit + 1)
        for entry in found where kept.count < limit || before(entry, kept[kept.count - 1]) {
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if before(kept[middle], entry) { low = middle + 1 } else { high = middle }
            }
            kept.insert(entry, at: low)
            if kept.count > limit { kept.removeLast() }
        }
        return kept
    }

    /// Which domains a summary lists: all of them without filters; otherwise the filtered domain,
    /// the filtered type's domain, or the domains that have any point passing the filters, so that
    /// "none within reach" stays meaningful (every slot then read: nil when one fails its check).
    private func summaryDomains(_ filter: Filter) -> [Bool]? {
        var listed = [Bool](repeating: filter.isEmpty, count: catalogue.domains.count)
        if filter.isEmpty { return listed }
        if let domain = filter.domain, domain >= 0 { listed[Int(domain)] = true }
        if let type = filter.type, type >= 0, let domain = domainPosition[catalogue.pointTypes[Int(type)].domainID] {
            listed[Int(domain)] = true
        }
        if filter.domain == nil && filter.type == nil {
            guard check(0..<slots.point.count) else { return nil }
            for slot in slots.domain.indices where slots.domain[slot] >= 0 && matches(slot, filter) {
                listed[Int(slots.domain[slot])] = true
            }
        }
        return listed
    }
}
