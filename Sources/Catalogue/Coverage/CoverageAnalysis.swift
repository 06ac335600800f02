import Dispatch
import Geodesy

/// The nearest located point of every layer from the centre of every district cell, and the
/// figures derived from it: shares by subdistrict, equality across subdistricts, gaps and
/// uncovered patches. Pure computation over catalogue values.
///
/// Distances are those of `nearby` (`LocalTangentPlane`, WGS-84; the exact geodesic beyond
/// 10 km). Each search is bounded by the triangle inequality: the previous cell's nearest point
/// lies within its distance plus the step between the two centres, so a circle of that radius
/// holds the nearest point and few others. Layers are computed in parallel, one per core.
public struct CoverageAnalysis: Sendable {
    /// The radii every answer reports, in metres.
    public static let standardRadiiMetres: [Double] = NearbyQuery.standardRadiiMetres

    public let catalogue: ServiceCatalogue
    public let grid: CoverageGrid
    public let layers: [CoverageLayer]
    /// Nearest distance in metres, layer-major (`layer × cellCount + cell`); +∞ when the layer
    /// has no located point within 50 km.
    public let distances: [Float]
    /// Index into `catalogue.points` of the nearest point, parallel to `distances`; −1 for none.
    public let nearest: [Int32]
    /// Per layer: indices into `catalogue.points` of its located and of its unlocated points.
    public let locatedPoints: [[Int]]
    public let unlocatedPoints: [[Int]]

    /// Computes the nearest distances of every layer over the grid.
    public init(catalogue: ServiceCatalogue, grid: CoverageGrid, layers: [CoverageLayer]) {
        self.catalogue = catalogue
        self.grid = grid
        self.layers = layers
        var located: [[Int]] = [], unlocated: [[Int]] = []
        for layer in layers {
            var withLocation: [Int] = [], without: [Int] = []
            for (i, point) in catalogue.points.enumerated() where layer.includes(point, in: catalogue) {
                if point.location != nil { withLocation.append(i) } else { without.append(i) }
            }
            located.append(withLocation)
            unlocated.append(without)
        }
        locatedPoints = located
        unlocatedPoints = unlocated
        let cells = grid.cellCount
        var distances = [Float](repeating: .infinity, count: cells * layers.count)
        var nearest = [Int32](repeating: -1, count: cells * layers.count)
        let layerPoints = located
        let indexes = layerPoints.map { points in SpatialGrid(coordinates: points.compactMap { catalogue.points[$0].location }) }
        distances.withUnsafeMutableBufferPointer { distances in
            nearest.withUnsafeMutableBufferPointer { nearest in
                // Layers are independent and write disjoint ranges: one per core at a time.
                let output = LayerOutput(distances: distances, nearest: nearest)
                DispatchQueue.concurrentPerform(iterations: indexes.count) { l in
                    guard indexes[l].count > 0 else { return }
                    Self.fill(grid: grid, index: indexes[l], points: layerPoints[l], offset: l * cells,
                              distances: output.distances, nearest: output.nearest)
                }
            }
        }
        self.distances = distances
        self.nearest = nearest
    }

    /// Nearest distances of one layer, cell by cell in row order, each search bounded by the
    /// previous cell's answer (or, at the start of a row, by the previous row's first cell).
    private static func fill(grid: CoverageGrid, index: SpatialGrid, points: [Int], offset: Int,
                             distances: UnsafeMutableBufferPointer<Float>, nearest: UnsafeMutableBufferPointer<Int32>) {
        let cell = grid.cellMetres
        var previous: (row: Int, column: Int, distance: Double)?
        var rowStart: (row: Int, column: Int, distance: Double)?
        var currentRow = -1
        var plane = LocalTangentPlane(origin: GeoCoordinate(latitude: 0, longitude: 0))
        for c in 0..<grid.cellCount {
            let (row, column) = grid.rowColumn(of: c)
            let centre = grid.centre(of: c)
            if row != currentRow {
                currentRow = row
                plane = LocalTangentPlane(origin: centre)
            }
            // Bound the search by a cell already measured: its distance plus the step between.
            var bound = Double.infinity
            func tighten(by reference: (row: Int, column: Int, distance: Double)?) {
                guard let reference else { return }
                let dr = Double(row - reference.row), dc = Double(column - reference.column)
                bound = min(bound, reference.distance + (dr * dr + dc * dc).squareRoot() * cell * 1.01 + 1)
            }
            tighten(by: previous)
            tighten(by: rowStart)
            var radius = bound.isFinite ? bound : max(index.cellSizeMetres, cell)
            var hit: SpatialGrid.Hit?
            while true {
                hit = index.nearest(within: radius, of: centre, plane: plane)
                if hit != nil || radius >= SpatialGrid.maximumRadiusMetres { break }
                radius = min(radius * 2, SpatialGrid.maximumRadiusMetres)
            }
            guard let hit else {
                previous = nil
                continue
            }
            distances[offset + c] = Float(hit.distanceMetres)
            nearest[offset + c] = Int32(points[hit.index])
            previous = (row, column, hit.distanceMetres)
            if rowStart == nil || rowStart?.row != row { rowStart = (row, column, hit.distanceMetres) }
        }
    }

    /// The result arrays as the layer workers share them: each writes only its own layer's range.
    private struct LayerOutput: @unchecked Sendable {
        let distances: UnsafeMutableBufferPointer<Float>
        let nearest: UnsafeMutableBufferPointer<Int32>
    }

    /// The nearest distance of a cell in a layer (by layer position), nil when there is none.
    public func distance(layer: Int, cell: Int) -> Double? {
        let d = distances[layer * grid.cellCount + cell]
        return d.isFinite ? Double(d) : nil
    }

    /// The nearest point of a cell in a layer, nil when there is none.
    public func nearestPoint(layer: Int, cell: Int) -> ServicePoint? {
        let p = nearest[layer * grid.cellCount + cell]
        return p < 0 ? nil : catalogue.point(at: Int(p))
    }

    /// Position of a layer in `layers`.
    public func position(of layer: CoverageLayer) -> Int? { layers.firstIndex(of: layer) }

    /// Bytes held by the distance and nearest-point arrays and the grid's cell tables.
    public var storageBytes: Int {
        distances.capacity * MemoryLayout<Float>.stride + nearest.capacity * MemoryLayout<Int32>.stride
            + grid.cellPositions.capacity * MemoryLayout<Int32>.stride + grid.cellSubdistrict.capacity * MemoryLayout<Int16>.stride
    }
}
