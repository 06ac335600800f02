import Geodesy

/// A connected set of district cells (sharing edges) beyond a radius of every point of a layer.
public struct CoveragePatch: Sendable, Equatable {
    public var layer: CoverageLayer
    public var radiusMetres: Double
    /// The mean of the cell centres: an approximate centre (it may fall outside a curved patch).
    public var centre: GeoCoordinate
    public var areaSquareMetres: Double
    public var cellCount: Int
    /// The subdistrict holding most of the patch's cells; nil when most are unassigned.
    public var subdistrictCode: String?
    /// The district cells (indices into the grid) that make up the patch.
    public var cells: [Int32]
}
