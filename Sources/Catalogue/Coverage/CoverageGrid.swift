import Geodesy

/// A square metric grid laid over the district: the cells whose centre lies inside the district
/// boundary, each with the subdistrict whose polygon holds its centre (or none).
///
/// The plane is equirectangular at the middle latitude of the boundary, with the WGS-84 metres
/// per degree there. Longitude and latitude map linearly to it, so "centre inside a polygon" is
/// decided exactly as `Boundary.contains` decides it; areas are cell² in that plane, which is
/// within 0.1% of the ellipsoidal area anywhere in a district a few tens of kilometres across.
public struct CoverageGrid: Sendable {
    /// The default cell side in metres.
    public static let defaultCellMetres = 50.0
    /// The cell sides the grid accepts, in metres.
    public static let cellMetresRange: ClosedRange<Double> = 10...1000

    /// Side of a cell in metres.
    public let cellMetres: Double
    /// Rows (south to north) and columns (west to east) of the rectangle around the boundary.
    public let rows: Int
    public let columns: Int
    /// The subdistrict polygons, in the order cells are assigned (first that holds a centre wins).
    public let subdistricts: [SubdistrictBoundary]
    /// Row-major rectangle position (row × columns + column) of each district cell, ascending.
    public let cellPositions: [Int32]
    /// Index into `subdistricts` of each district cell's subdistrict, −1 for unassigned (未归属).
    public let cellSubdistrict: [Int16]

    let southLatitude: Double
    let westLongitude: Double
    let cellLatitudeDegrees: Double
    let cellLongitudeDegrees: Double

    /// Number of cells inside the district.
    public var cellCount: Int { cellPositions.count }
    /// Area of one cell in square metres.
    public var cellAreaSquareMetres: Double { cellMetres * cellMetres }

    /// Lays the grid over `boundary` and assigns cells to `subdistricts`.
    public init(boundary: Boundary, subdistricts: [SubdistrictBoundary], cellMetres: Double = defaultCellMetres) {
        self.cellMetres = cellMetres
        self.subdistricts = subdistricts
        var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity
        for polygon in boundary.polygons {
            for ring in polygon {
                for c in ring {
                    south = min(south, c.latitude); north = max(north, c.latitude)
                    west = min(west, c.longitude); east = max(east, c.longitude)
                }
            }
        }
        if south > north { south = 0; north = 0; west = 0; east = 0 }
        let middle = (south + north) / 2
        cellLatitudeDegrees = cellMetres / Ellipsoid.wgs84.metresPerDegreeLatitude(atLatitude: middle)
        cellLongitudeDegrees = cellMetres / max(Ellipsoid.wgs84.metresPerDegreeLongitude(atLatitude: middle), 1e-6)
        southLatitude = south
        westLongitude = west
        rows = boundary.polygons.isEmpty ? 0 : max(1, Int(((north - south) / cellLatitudeDegrees).rounded(.up)))
        columns = boundary.polygons.isEmpty ? 0 : max(1, Int(((east - west) / cellLongitudeDegrees).rounded(.up)))

        var positions: [Int32] = []
        var owners: [Int16] = []
        var inside = [Bool](repeating: false, count: columns)
        var owner = [Int16](repeating: -1, count: columns)
        var scratch: [Double] = []
        for row in 0..<rows {
            let latitude = south + (Double(row) + 0.5) * cellLatitudeDegrees
            for i in 0..<columns { inside[i] = false; owner[i] = -1 }
            Self.mark(boundary, latitude: latitude, west: west, step: cellLongitudeDegrees, columns: columns, scratch: &scratch) { inside[$0] = true }
            for (s, subdistrict) in subdistricts.enumerated() {
                Self.mark(subdistrict.area, latitude: latitude, west: west, step: cellLongitudeDegrees, columns: columns, scratch: &scratch) { column in
                    if owner[column] < 0 { owner[column] = Int16(s) }
                }
            }
            for column in 0..<columns where inside[column] {
                positions.append(Int32(row * columns + column))
                owners.append(owner[column])
            }
        }
        cellPositions = positions
        cellSubdistrict = owners
    }

    /// Calls `mark` with every column whose centre, on the row at `latitude`, lies inside a
    /// polygon of `area` (scanline with the even-odd rule of `Boundary.ringContains`).
    private static func mark(_ area: Boundary, latitude: Double, west: Double, step: Double, columns: Int,
                             scratch crossings: inout [Double], _ mark: (Int) -> Void) {
        for polygon in area.polygons {
            crossings.removeAll(keepingCapacity: true)
            for ring in polygon {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[j]
                    if (a.latitude > latitude) != (b.latitude > latitude) {
                        crossings.append((b.longitude - a.longitude) * (latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude)
                    }
                    j = i
                }
            }
            guard crossings.count > 1 else { continue }
            crossings.sort()
            // A centre is inside when an odd number of crossings lie east of it (x > longitude).
            var k = 0
            while k + 1 < crossings.count {
                let from = crossings[k], to = crossings[k + 1]
                // Columns whose centre c satisfies from <= c < to have an odd count east of them.
                let first = ((from - west) / step - 0.5).rounded(.up) - 1
                var column = first > 0 ? Int(min(first, Double(columns))) : 0
                while column < columns {
                    let centre = west + (Double(column) + 0.5) * step
                    if centre >= to { break }
                    if centre >= from { mark(column) }
                    column += 1
                }
                k += 2
            }
        }
    }

    /// Row and column of a district cell.
    public func rowColumn(of cell: Int) -> (row: Int, column: Int) {
        let position = Int(cellPositions[cell])
        return (position / columns, position % columns)
    }

    /// The WGS-84 centre of a district cell.
    public func centre(of cell: Int) -> GeoCoordinate {
        let (row, column) = rowColumn(of: cell)
        return coordinate(row: Double(row) + 0.5, column: Double(column) + 0.5)
    }

    /// The corners of a district cell, anticlockwise from the south-west, the first repeated.
    public func corners(of cell: Int) -> [GeoCoordinate] {
        let (r, c) = rowColumn(of: cell)
        let row = Double(r), column = Double(c)
        let sw = coordinate(row: row, column: column)
        return [sw, coordinate(row: row, column: column + 1), coordinate(row: row + 1, column: column + 1),
                coordinate(row: row + 1, column: column), sw]
    }

    /// The WGS-84 position of a fractional grid place (row and column in cells from the south-west).
    public func coordinate(row: Double, column: Double) -> GeoCoordinate {
        GeoCoordinate(latitude: southLatitude + row * cellLatitudeDegrees, longitude: westLongitude + column * cellLongitudeDegrees)
    }

    /// The subdistrict of a district cell, nil when none of the polygons holds its centre.
    public func subdistrict(of cell: Int) -> SubdistrictBoundary? {
        let s = Int(cellSubdistrict[cell])
        return s < 0 ? nil : subdistricts[s]
    }
}
