import FlatStorage

/// A static uniform grid over WGS-84 points that answers "which points lie within r metres".
///
/// Cells are equal steps of latitude and longitude chosen to be roughly square in metres and to
/// hold a handful of points each; points are stored sorted by cell in flat arrays, so the cells
/// of one grid row that a circle crosses are one contiguous run. Candidates are measured with a
/// `LocalTangentPlane` at the query origin (exact geodesic beyond its switch distance), so the
/// distances returned are those `GeoCoordinate.distanceMetres(to:)` gives.
public struct SpatialGrid: Sendable {
    /// A point found by a query: its position in the array the grid was built from, and its distance.
    public struct Hit: Sendable, Hashable {
        /// Index into the coordinates the grid was built from.
        public var index: Int
        /// Ellipsoidal distance from the query origin in metres.
        public var distanceMetres: Double

        public init(index: Int, distanceMetres: Double) {
            self.index = index
            self.distanceMetres = distanceMetres
        }
    }

    /// The largest radius a query accepts, in metres.
    public static let maximumRadiusMetres = 50_000.0

    /// Number of points indexed.
    public let count: Int
    /// Side of a cell in metres at the grid's middle latitude.
    public let cellSizeMetres: Double
    /// Number of cell rows (south to north) and columns (west to east).
    public let rows: Int
    public let columns: Int

    private let southLatitude: Double
    private let westLongitude: Double
    private let cellLatitudeDegrees: Double
    private let cellLongitudeDegrees: Double
    /// Cells are numbered tile by tile (`cellNumber(row:column:)`): square tiles of this many
    /// cells a side, row-major, and row-major within a tile. A query's circle then reads the
    /// points of a few tiles, close together in the sorted arrays, rather than those of a band
    /// of whole rows the width of the grid (what a caller checking the arrays as they are read
    /// pays for). 1 is plain row-major order.
    public let tileSize: Int
    /// cellStart[c] ..< cellStart[c + 1] are the sorted positions of cell c (`cellNumber`).
    public let cellStart: FlatArray<Int32>
    /// Per sorted position: the point's coordinates and its index in the array the grid was built
    /// from; no indices when the grid is in its own order (`inOwnOrder`): a hit's index is then its
    /// sorted position.
    public let latitudes: FlatArray<Double>
    public let longitudes: FlatArray<Double>
    public let originalIndices: FlatArray<Int32>?

    /// The grid's dimensions: with the four arrays, all a stored grid needs (`init(layout:…)`).
    public struct Layout: Equatable, Sendable {
        public var count: Int
        public var rows: Int
        public var columns: Int
        public var cellSizeMetres: Double
        public var southLatitude: Double
        public var westLongitude: Double
        public var cellLatitudeDegrees: Double
        public var cellLongitudeDegrees: Double
        public var tileSize: Int

        public init(count: Int, rows: Int, columns: Int, cellSizeMetres: Double, southLatitude: Double,
                    westLongitude: Double, cellLatitudeDegrees: Double, cellLongitudeDegrees: Double, tileSize: Int = 1) {
            self.count = count
            self.rows = rows
            self.columns = columns
            self.cellSizeMetres = cellSizeMetres
            self.southLatitude = southLatitude
            self.westLongitude = westLongitude
            self.cellLatitudeDegrees = cellLatitudeDegrees
            self.cellLongitudeDegrees = cellLongitudeDegrees
            self.tileSize = tileSize
        }

        /// Tiles across the grid (the last may be partly outside it).
        var tilesAcross: Int { (columns + tileSize - 1) / tileSize }

        /// How many cells the cell table numbers: whole tiles, so some lie outside the grid
        /// (they hold no point); nil when the numbers would not fit an `Int32`.
        var cellCount: Int? {
            guard rows >= 1, columns >= 1, tileSize >= 1, tileSize <= 1024 else { return nil }
            let tilesDown = (rows + tileSize - 1) / tileSize
            let (tiles, overflow) = tilesDown.multipliedReportingOverflow(by: tilesAcross)
            guard !overflow, tiles <= (Int(Int32.max) - 1) / (tileSize * tileSize) else { return nil }
            return tiles * tileSize * tileSize
        }
    }

    /// The number of the cell at `row` and `column` in the cell table.
    @inline(__always)
    private static func cellNumber(row: Int, column: Int, tileSize t: Int, tilesAcross: Int) -> Int {
        ((row / t) * tilesAcross + column / t) * (t * t) + (row % t) * t + column % t
    }

    public var layout: Layout {
        Layout(count: count, rows: rows, columns: columns, cellSizeMetres: cellSizeMetres, southLatitude: southLatitude,
               westLongitude: westLongitude, cellLatitudeDegrees: cellLatitudeDegrees, cellLongitudeDegrees: cellLongitudeDegrees,
               tileSize: tileSize)
    }

    /// A grid as an earlier one stored itself (`layout` and the arrays; without `originalIndices`,
    /// a grid in its own order); nil when the parts disagree (wrong lengths, a cell table that is
    /// not a run of starts from 0 to `count`, an index out of range, steps that are not positive),
    /// so that a damaged table is never read. The coordinates' values are not looked at: a caller
    /// that has not checked them checks each run a query reads (`collect(…checkingRuns:)`).
    public init?(layout: Layout, cellStart: FlatArray<Int32>, latitudes: FlatArray<Double>, longitudes: FlatArray<Double>,
                 originalIndices: FlatArray<Int32>? = nil) {
        let l = layout
        guard l.count >= 0, let cellCount = l.cellCount,
              l.cellLatitudeDegrees > 0, l.cellLongitudeDegrees > 0, l.cellSizeMetres > 0,
              l.southLatitude.isFinite, l.westLongitude.isFinite,
              cellStart.count == cellCount + 1, latitudes.count == l.count, longitudes.count == l.count,
              originalIndices.map({ $0.count == l.count }) ?? true,
              cellStart.first == 0, cellStart.last == Int32(truncatingIfNeeded: l.count)
        else { return nil }
        var previous: Int32 = 0
        for start in cellStart.buffer {
            guard start >= previous else { return nil }
            previous = start
        }
        if let originalIndices {
            for index in originalIndices.buffer where index < 0 || Int(index) >= l.count { return nil }
        }
        count = l.count
        rows = l.rows
        columns = l.columns
        cellSizeMetres = l.cellSizeMetres
        southLatitude = l.southLatitude
        westLongitude = l.westLongitude
        cellLatitudeDegrees = l.cellLatitudeDegrees
        cellLongitudeDegrees = l.cellLongitudeDegrees
        tileSize = l.tileSize
        self.cellStart = cellStart
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.originalIndices = originalIndices
    }

    /// The same grid with hits indexed by sorted position (the position in `latitudes`), so that a
    /// caller can keep its own per-point tables in the grid's order: the points a query reads are
    /// then a few runs of those tables, not positions all over them.
    public var inOwnOrder: SpatialGrid {
        SpatialGrid(layout: layout, cellStart: cellStart, latitudes: latitudes, longitudes: longitudes)!
    }

    /// Builds the grid; `pointsPerCell` trades cell visits against candidate checks.
    public init(coordinates: [GeoCoordinate], pointsPerCell: Double = 6, tileSize: Int = 8) {
        count = coordinates.count
        var south = 0.0, north = 0.0, west = 0.0, east = 0.0
        if let first = coordinates.first {
            south = first.latitude; north = first.latitude; west = first.longitude; east = first.longitude
            for c in coordinates {
                south = min(south, c.latitude); north = max(north, c.latitude)
                west = min(west, c.longitude); east = max(east, c.longitude)
            }
        }
        let middle = (south + north) / 2
        let metresPerDegreeLatitude = Ellipsoid.wgs84.metresPerDegreeLatitude(atLatitude: middle)
        let metresPerDegreeLongitude = max(Ellipsoid.wgs84.metresPerDegreeLongitude(atLatitude: middle), 1)
        let heightMetres = (north - south) * metresPerDegreeLatitude
        let widthMetres = (east - west) * metresPerDegreeLongitude
        let area = max(heightMetres, 1) * max(widthMetres, 1)
        var cell = (area * pointsPerCell / Double(max(count, 1))).squareRoot()
        cell = min(max(cell, 50), 5_000)
        // Keep the cell table within a few entries per point even for very spread-out data.
        while (heightMetres / cell + 1) * (widthMetres / cell + 1) > Double(4 * max(count, 1) + 1024) { cell *= 1.5 }
        cellSizeMetres = cell
        cellLatitudeDegrees = cell / metresPerDegreeLatitude
        cellLongitudeDegrees = cell / metresPerDegreeLongitude
        rows = max(1, Int((north - south) / cellLatitudeDegrees) + 1)
        columns = max(1, Int((east - west) / cellLongitudeDegrees) + 1)
        southLatitude = south
        westLongitude = west
        self.tileSize = max(1, min(tileSize, 1024))

        let t = self.tileSize, tilesAcross = (columns + t - 1) / t
        let cellCount = (rows + t - 1) / t * tilesAcross * t * t
        var cellOf = [Int32](repeating: 0, count: count)
        var starts = [Int32](repeating: 0, count: cellCount + 1)
        let rowLimit = rows - 1, columnLimit = columns - 1
        let latStep = cellLatitudeDegrees, lngStep = cellLongitudeDegrees
        let cols = columns
        coordinates.withUnsafeBufferPointer { source in
            cellOf.withUnsafeMutableBufferPointer { cellOf in
                starts.withUnsafeMutableBufferPointer { starts in
                    for i in 0..<source.count {
                        let row = min(Int((source[i].latitude - south) / latStep), rowLimit)
                        let column = min(Int((source[i].longitude - west) / lngStep), columnLimit)
                        let c = Self.cellNumber(row: row, column: column, tileSize: t, tilesAcross: tilesAcross)
                        cellOf[i] = Int32(c)
                        starts[c + 1] += 1
                    }
                    for c in 0..<cellCount { starts[c + 1] += starts[c] }
                }
            }
        }
        var next = starts
        var lats = [Double](repeating: 0, count: count)
        var lngs = [Double](repeating: 0, count: count)
        var indices = [Int32](repeating: 0, count: count)
        coordinates.withUnsafeBufferPointer { source in
            cellOf.withUnsafeBufferPointer { cellOf in
                next.withUnsafeMutableBufferPointer { next in
                    lats.withUnsafeMutableBufferPointer { lats in
                        lngs.withUnsafeMutableBufferPointer { lngs in
                            indices.withUnsafeMutableBufferPointer { indices in
                                for i in 0..<source.count {
                                    let c = Int(cellOf[i])
                                    let slot = Int(next[c])
                                    next[c] += 1
                                    lats[slot] = source[i].latitude
                                    lngs[slot] = source[i].longitude
                                    indices[slot] = Int32(i)
                                }
                            }
                        }
                    }
                }
            }
        }
        cellStart = FlatArray(starts)
        latitudes = FlatArray(lats)
        longitudes = FlatArray(lngs)
        originalIndices = FlatArray(indices)
    }

    /// The points within `radiusMetres` (inclusive) of an origin, in no particular order.
    public func points(within radiusMetres: Double, of origin: GeoCoordinate) -> [Hit] {
        var hits: [Hit] = []
        collect(within: radiusMetres, of: origin, into: &hits)
        return hits
    }

    /// Appends the points within `radiusMetres` (inclusive) of an origin to `hits`, unordered.
    public func collect(within radiusMetres: Double, of origin: GeoCoordinate, into hits: inout [Hit]) {
        visit(within: radiusMetres, of: origin, plane: LocalTangentPlane(origin: origin), check: nil) { index, distance in
            hits.append(Hit(index: index, distanceMetres: distance))
        }
    }

    /// `collect(within:of:into:)`, calling `check` with each run of sorted positions before any of
    /// its coordinates is read; false (and `hits` incomplete) as soon as a run fails its check.
    public func collect(within radiusMetres: Double, of origin: GeoCoordinate, into hits: inout [Hit],
                        checkingRuns check: (Range<Int>) -> Bool) -> Bool {
        withoutActuallyEscaping(check) { check in
            visit(within: radiusMetres, of: origin, plane: LocalTangentPlane(origin: origin), check: check) { index, distance in
                hits.append(Hit(index: index, distanceMetres: distance))
            }
        }
    }

    /// The nearest point within `radiusMetres` (inclusive) of an origin, ties to the lower index;
    /// nil when none is that close. `plane` measures the distances: a plane whose origin has the
    /// same latitude as `origin` gives exactly the distances of a plane at `origin` (they depend
    /// only on the latitude and the longitude difference), so one plane serves a row of origins.
    public func nearest(within radiusMetres: Double, of origin: GeoCoordinate, plane: LocalTangentPlane) -> Hit? {
        var best: Hit?
        visit(within: radiusMetres, of: origin, plane: plane, check: nil) { index, distance in
            if let current = best, current.distanceMetres < distance || (current.distanceMetres == distance && current.index < index) { return }
            best = Hit(index: index, distanceMetres: distance)
        }
        return best
    }

    /// Calls `body` with the index and distance of every point within the radius; false when a
    /// run of sorted positions failed `check` (then no further point is visited).
    @inline(__always) @discardableResult
    private func visit(within radiusMetres: Double, of origin: GeoCoordinate, plane: LocalTangentPlane,
                       check: ((Range<Int>) -> Bool)?, _ body: (Int, Double) -> Void) -> Bool {
        guard count > 0, radiusMetres >= 0 else { return true }
        let radius = min(radiusMetres, Self.maximumRadiusMetres)
        let switchMetres = LocalTangentPlane.exactSwitchMetres
        // Beyond the switch the plane differs from the geodesic by < 0.1 % (6 cm at 50 km):
        // candidates out to this margin are measured exactly.
        let searchRadius = radius > switchMetres ? radius * 1.001 + 1 : radius
        let planeRadius = min(radius, switchMetres)
        let planeRadiusSquared = planeRadius * planeRadius
        let searchRadiusSquared = searchRadius * searchRadius
        // The search box is padded by 0.2 % for the variation of the scales across it.
        let boxRadius = searchRadius * 1.002 + 0.01
        let metresPerDegreeLatitude = plane.northScale0
        let latitudeReach = boxRadius / metresPerDegreeLatitude
        let farthestLatitude = min(max(abs(origin.latitude - latitudeReach), abs(origin.latitude + latitudeReach)), 89.9)
        let metresPerDegreeLongitude = max(Ellipsoid.wgs84.metresPerDegreeLongitude(atLatitude: farthestLatitude), 1e-3)

        let lat0 = origin.latitude, lng0 = origin.longitude
        let firstRow = clampedIndex((lat0 - latitudeReach - southLatitude) / cellLatitudeDegrees, limit: rows)
        let lastRow = clampedIndex((lat0 + latitudeReach - southLatitude) / cellLatitudeDegrees, limit: rows)
        guard firstRow <= lastRow,
              lat0 + latitudeReach >= southLatitude,
              lat0 - latitudeReach <= southLatitude + Double(rows) * cellLatitudeDegrees else { return true }

        do {
            let starts = cellStart.buffer, lats = latitudes.buffer, lngs = longitudes.buffer, indices = originalIndices?.buffer
            let t = tileSize, tilesAcross = (columns + t - 1) / t
            for row in firstRow...lastRow {
                let bandSouth = southLatitude + Double(row) * cellLatitudeDegrees
                let bandNorth = bandSouth + cellLatitudeDegrees
                let gapDegrees = lat0 < bandSouth ? bandSouth - lat0 : (lat0 > bandNorth ? lat0 - bandNorth : 0)
                let gapMetres = gapDegrees * metresPerDegreeLatitude * 0.998
                if gapMetres > boxRadius { continue }
                let halfChordDegrees = (boxRadius * boxRadius - gapMetres * gapMetres).squareRoot() / metresPerDegreeLongitude
                let west = lng0 - halfChordDegrees - westLongitude
                let east = lng0 + halfChordDegrees - westLongitude
                if east < 0 || west > Double(columns) * cellLongitudeDegrees { continue }
                let firstColumn = clampedIndex(west / cellLongitudeDegrees, limit: columns)
                let lastColumn = clampedIndex(east / cellLongitudeDegrees, limit: columns)
                // The row's cells in one tile are consecutive in the table: one run per tile.
                var tileFirst = firstColumn
                while tileFirst <= lastColumn {
                    let tileLast = min(lastColumn, (tileFirst / t + 1) * t - 1)
                    let begin = Int(starts[Self.cellNumber(row: row, column: tileFirst, tileSize: t, tilesAcross: tilesAcross)])
                    let end = Int(starts[Self.cellNumber(row: row, column: tileLast, tileSize: t, tilesAcross: tilesAcross) + 1])
                    tileFirst = tileLast + 1
                    if let check, begin < end, !check(begin..<end) { return false }
                    var k = begin
                    while k < end {
                        let dLat = lats[k] - lat0
                        let dLng = lngs[k] - lng0
                        let squared = plane.planeDistanceSquared(latitudeDelta: dLat, longitudeDelta: dLng)
                        if squared <= planeRadiusSquared {
                            body(indices.map { Int($0[k]) } ?? k, squared.squareRoot())
                        } else if radius > switchMetres && squared <= searchRadiusSquared {
                            let point = GeoCoordinate(latitude: lats[k], longitude: lngs[k])
                            let planeMetres = squared.squareRoot()
                            let exact = planeMetres <= switchMetres ? planeMetres
                                : Geodesic.wgs84.inverse(from: origin, to: point).distanceMetres
                            if exact <= radius { body(indices.map { Int($0[k]) } ?? k, exact) }
                        }
                        k += 1
                    }
                }
            }
        }
        return true
    }

    /// Bytes held by the grid's arrays (cell table, coordinates, indices).
    public var storageBytes: Int {
        cellStart.count * MemoryLayout<Int32>.stride + latitudes.count * MemoryLayout<Double>.stride
            + longitudes.count * MemoryLayout<Double>.stride + (originalIndices?.count ?? 0) * MemoryLayout<Int32>.stride
    }

    /// Sorts hits nearest first, ties by index, in linear expected time: a counting pass into
    /// distance buckets (one per hit over 0…`radiusMetres`) leaves each hit near its place, and an
    /// insertion pass finishes the order.
    public static func sortNearestFirst(_ hits: inout [Hit], radiusMetres: Double) {
        let n = hits.count
        guard n > 1 else { return }
        guard radiusMetres > 0, n > 32 else {
            hits.sort { $0.distanceMetres != $1.distanceMetres ? $0.distanceMetres < $1.distanceMetres : $0.index < $1.index }
            return
        }
        let scale = Double(n) / radiusMetres
        var starts = [Int](repeating: 0, count: n + 1)
        var sorted = hits
        hits.withUnsafeMutableBufferPointer { hits in
            sorted.withUnsafeMutableBufferPointer { sorted in
                starts.withUnsafeMutableBufferPointer { starts in
                    for hit in hits { starts[min(Int(hit.distanceMetres * scale), n - 1) + 1] += 1 }
                    for b in 0..<n { starts[b + 1] += starts[b] }
                    for hit in hits {
                        let b = min(Int(hit.distanceMetres * scale), n - 1)
                        sorted[starts[b]] = hit
                        starts[b] += 1
                    }
                    for i in 1..<n {
                        let item = sorted[i]
                        var j = i
                        while j > 0 {
                            let previous = sorted[j - 1]
                            if previous.distanceMetres < item.distanceMetres
                                || (previous.distanceMetres == item.distanceMetres && previous.index < item.index) { break }
                            sorted[j] = previous
                            j -= 1
                        }
                        sorted[j] = item
                    }
                }
            }
        }
        hits = sorted
    }

    private func clampedIndex(_ value: Double, limit: Int) -> Int {
        if !(value > 0) { return 0 }
        if value >= Double(limit - 1) { return limit - 1 }
        return Int(value)
    }
}
